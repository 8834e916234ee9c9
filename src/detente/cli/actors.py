"""`detente actors SOURCE`: print the actor mentions found in each article of a source."""

from __future__ import annotations

from detente.model import Article
from detente.records import actor_records

from .analyze import View, add_source_options, stream_command


def _actor_cells(record: dict, article: Article) -> tuple:
    return (record["text"], f"{record['start']}-{record['end']}", record["code"], record["country"],
            record["name"], record["kind"])


ACTORS = View(key="actors", rows=actor_records,
              columns=("mention", "chars", "code", "country", "name", "kind"), cells=_actor_cells)


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "actors", help="list the actors mentioned in an article, a corpus, a feed or a URL",
        description="Print each actor mention of each article of SOURCE with its code, country and name.")
    add_source_options(parser)
    return parser


def run(args, options) -> int:
    return stream_command(args, options, ACTORS)
