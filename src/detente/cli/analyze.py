"""`detente analyze SOURCE`: print the events coded in each article of a source.

The streaming loop it shares with `detente actors` lives in ``streaming.py``,
imported only when a command runs, so `detente --help` loads no model code.
"""

from __future__ import annotations

FORMATS = ("table", "json", "jsonl")


def add_source_options(parser) -> None:
    parser.add_argument("source", metavar="SOURCE",
                        help="a .txt/.html/.jsonl(.gz)/RSS/Atom file, an http(s) URL, or - for stdin")
    parser.add_argument("--date", default=None, metavar="YYYY-MM-DD",
                        help="publication date of the article(s); overrides the source's date")
    parser.add_argument("--title", default=None, help="title of the article(s); overrides the source's title")
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help="table (readable, default), json (one document per article) or jsonl (one record per line)")
    parser.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                        help="seconds to wait for a URL (DETENTE_FETCH_TIMEOUT)")


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "analyze", help="code the events in an article, a corpus, a feed or a URL",
        description="Print who did what to whom in each article of SOURCE "
                    "(one JSON record per event with --format jsonl).")
    add_source_options(parser)
    return parser


def run(args, options) -> int:
    # imported when the command runs, to keep `detente --help` fast
    from .streaming import EVENTS, stream_command

    return stream_command(args, options, EVENTS)
