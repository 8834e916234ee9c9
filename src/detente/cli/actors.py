"""`detente actors SOURCE`: print the actor mentions found in each article of a source."""

from __future__ import annotations

from .analyze import add_source_options


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "actors", help="list the actors mentioned in an article, a corpus, a feed or a URL",
        description="Print each actor mention of each article of SOURCE with its code, country and name.")
    add_source_options(parser)
    return parser


def run(args, options) -> int:
    # imported when the command runs, to keep `detente --help` fast
    from .streaming import ACTORS, stream_command

    return stream_command(args, options, ACTORS)
