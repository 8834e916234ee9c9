"""`detente events`: list stored events with their evidence sentences and article titles."""

from __future__ import annotations

import csv
import json
import sys

from detente.errors import OptionError


def add_filter_options(parser) -> None:
    """The event filters shared with `detente export`."""
    parser.add_argument("--dyad", default=None, metavar="A,B", help="events between A and B, e.g. RUS,TUR")
    parser.add_argument("--actor", default=None, help="events with this actor or country on either side")
    parser.add_argument("--code", default=None, help="CAMEO code or prefix, e.g. 19 or 190")
    parser.add_argument("--quad", type=int, default=None, choices=(1, 2, 3, 4), help="quad class 1-4")
    parser.add_argument("--since", default=None, help="first event date, YYYY-MM-DD")
    parser.add_argument("--until", default=None, help="last event date, YYYY-MM-DD")
    parser.add_argument("--theatre", default=None, help="theatre, e.g. Syria")


def add_parser(subparsers):
    parser = subparsers.add_parser("events", help="list stored events with their evidence",
                                   description="List events (corrected values; rejected events left out).")
    add_filter_options(parser)
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default="table", help="output format")
    parser.add_argument("--limit", type=int, default=100, help="at most N events (default 100, 0 = all)")
    return parser


CSV_FIELDS = ("id", "date", "source", "cameo", "target", "quad_class", "goldstein", "theatre",
              "mentions", "sentence", "article_title")


def flat(item: dict) -> dict:
    first = item["mentions"][0] if item["mentions"] else {}
    return {"id": item["id"], "date": item["date"]["start"] or "", "source": item["source"]["code"],
            "cameo": item["cameo"], "target": (item["target"] or {}).get("code", ""),
            "quad_class": item["quad_class"], "goldstein": item["goldstein"], "theatre": item["theatre"] or "",
            "mentions": len(item["mentions"]), "sentence": first.get("sentence", ""),
            "article_title": first.get("article_title", "")}


def write_table(items: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=True)
    for name in ("id", "date", "source", "code", "target", "Goldstein", "theatre", "evidence"):
        table.add_column(name)
    for item in items:
        row = flat(item)
        sentences = "\n".join(f"“{m['sentence']}” — {m['article_title']}" for m in item["mentions"])
        table.add_row(str(row["id"]), row["date"], row["source"], row["cameo"], row["target"],
                      f"{row['goldstein']:+.1f}", row["theatre"], sentences)
    Console().print(table)


def write(items: list[dict], fmt: str) -> None:
    if fmt == "jsonl":
        for item in items:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat(item) for item in items)
    else:
        write_table(items)


def run(args, options) -> int:
    from .store import open_existing_store

    if args.limit < 0:
        raise OptionError("--limit must be 0 (all) or a positive number")
    open_existing_store(options)
    from detente.store.listing import event_dict
    from detente.store.queries import event_filter_from_args, filter_events

    events = filter_events(event_filter_from_args(args))
    if args.limit:
        events = events[:args.limit]
    write([event_dict(e) for e in events], args.format)
    return 0
