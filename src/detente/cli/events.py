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
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help=f"at most N events, 0 for all (default: {TABLE_LIMIT} for the table, all for "
                             f"csv/jsonl); a notice on stderr says when more match")
    return parser


TABLE_LIMIT = 100
# Table columns and their widest width: the evidence takes what the terminal has left.
COLUMN_WIDTHS = (("id", None), ("date", None), ("source", 28), ("event", 34), ("target", 28),
                 ("Goldstein", None), ("theatre", 14), ("evidence", None))
UNWRAPPED = {"id", "date", "Goldstein"}

CSV_FIELDS = ("id", "date", "source", "cameo", "target", "quad_class", "goldstein", "theatre",
              "mentions", "sentence", "article_title")


def flat(item: dict) -> dict:
    first = item["mentions"][0] if item["mentions"] else {}
    return {"id": item["id"], "date": item["date"]["start"] or "", "source": (item["source"] or {}).get("code", ""),
            "cameo": item["cameo"], "target": (item["target"] or {}).get("code", ""),
            "quad_class": item["quad_class"], "goldstein": item["goldstein"], "theatre": item["theatre"] or "",
            "mentions": len(item["mentions"]), "sentence": first.get("sentence", ""),
            "article_title": first.get("article_title", "")}


def _actor_label(actor: dict | None) -> str:
    if not actor:
        return ""
    return f"{actor['name']} ({actor['code']})" if actor.get("name") else actor["code"]


def _event_label(item: dict) -> str:
    return f"{item['cameo_name']} ({item['cameo']})" if item["cameo_name"] else item["cameo"]


def write_table(items) -> None:
    # imported when the command runs, to keep `detente --help` fast
    from rich.table import Table

    from .output import PIPED_WIDTH, date_label, table_console

    console = table_console()
    fits = console.width < PIPED_WIDTH   # a terminal (or COLUMNS): share its width; piped: whole lines
    table = Table(show_lines=True)
    for name, width in COLUMN_WIDTHS:
        evidence = name == "evidence" and fits
        table.add_column(name, overflow="fold", no_wrap=name in UNWRAPPED, max_width=width if fits else None,
                         min_width=max(30, console.width // 3) if evidence else None)
    for item in items:
        date = item["date"]
        sentences = "\n".join(f"“{m['sentence']}” — {m['article_title']}" for m in item["mentions"])
        table.add_row(str(item["id"]), date_label(date["start"], date["end"], date["granularity"], date["basis"]),
                      _actor_label(item["source"]), _event_label(item), _actor_label(item["target"]),
                      f"{item['goldstein']:+.1f}", item["theatre"] or "", sentences)
    console.print(table)


def write(items, fmt: str) -> None:
    if fmt == "jsonl":
        for item in items:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat(item) for item in items)
    else:
        write_table(items)


def effective_limit(limit: int | None, fmt: str) -> int:
    """0 means all: csv and jsonl list everything unless --limit is given; the table stops at TABLE_LIMIT."""
    if limit is None:
        return TABLE_LIMIT if fmt == "table" else 0
    if limit < 0:
        raise OptionError("--limit must be 0 (all) or a positive number")
    return limit


def run(args, options) -> int:
    # imported when the command runs, to keep `detente --help` fast
    from .store import open_existing_store

    limit = effective_limit(args.limit, args.format)
    open_existing_store(options)
    # imported when the command runs, to keep `detente --help` fast
    from detente.store.listing import event_dicts
    from detente.store.queries import event_filter_from_args, filter_events

    events = filter_events(event_filter_from_args(args))
    shown = list(events[:limit + 1]) if limit else events.iterator(chunk_size=2000)
    if limit and len(shown) > limit:
        shown = shown[:limit]
        print(f"detente: showing the first {limit} of {events.count()} events; "
              f"--limit 0 lists them all", file=sys.stderr)
    write(event_dicts(shown), args.format)
    return 0
