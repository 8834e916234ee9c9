"""`detente timeline A B`: how the relationship between two actors evolves."""

from __future__ import annotations

import sys

from detente.errors import OptionError

# The same as detente.relations.timeline.PERIODS (a test checks), written out so that
# `detente --help` does not import numpy.
PERIODS = ("week", "month", "quarter", "year")


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "timeline", help="events between two actors per period, turning points and a summary",
        description="A and B are countries (ISO code or name: RUS, Turkey) or actors (Erdogan, TURGOV).")
    parser.add_argument("a", metavar="A", help="first actor or country")
    parser.add_argument("b", metavar="B", help="second actor or country")
    parser.add_argument("--by", choices=PERIODS, default="month", help="period length (default month)")
    parser.add_argument("--theatre", default=None, help="only events in this theatre, e.g. Syria")
    parser.add_argument("--since", default=None, help="first event date, YYYY-MM-DD")
    parser.add_argument("--until", default=None, help="last event date, YYYY-MM-DD")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")
    parser.add_argument("--parquet", default=None, metavar="DIR",
                        help="read the events from the Parquet output of `detente batch` (DuckDB) "
                             "instead of the database")
    parser.add_argument("--chart", default=None, metavar="FILE",
                        help="also draw the timeline to FILE.png or FILE.html (self-contained)")
    return parser


def build(args):
    # imported when the command runs, to keep `detente --help` fast
    from detente.relations.db import DatabaseBackend
    from detente.relations.timeline import DyadQuery, timeline_for
    from detente.store.actors import actor_filter
    from detente.store.queries import parse_day

    query = DyadQuery(actor_filter(args.a), actor_filter(args.b), by=args.by, theatre=args.theatre,
                      since=parse_day(args.since, "--since"), until=parse_day(args.until, "--until"))
    if getattr(args, "parquet", None):
        # imported when the command runs, to keep `detente --help` fast
        from detente.relations.parquet import ParquetBackend

        return timeline_for(ParquetBackend(args.parquet), query)
    return timeline_for(DatabaseBackend(), query)


def show(timeline, fmt: str) -> None:
    # imported when the command runs, to keep `detente --help` fast
    from detente.relations import output

    if fmt == "csv":
        sys.stdout.write(output.timeline_csv(timeline))
    elif fmt == "json":
        sys.stdout.write(output.timeline_json(timeline) + "\n")
    else:
        # imported when the command runs, to keep `detente --help` fast
        from .output import table_console

        console = table_console()
        console.print(output.timeline_table(timeline))
        console.print(timeline.summary, markup=False, highlight=False)


def run(args, options) -> int:
    if args.chart and not args.chart.lower().endswith((".png", ".html", ".htm")):

        raise OptionError(f"--chart {args.chart!r} must end in .png or .html")
    if args.parquet:  # actor names are still resolved through the store's models
        # imported when the command runs, to keep `detente --help` fast
        from detente.store.setup import open_store

        open_store(options)
    else:
        # imported when the command runs, to keep `detente --help` fast
        from .store import open_existing_store

        open_existing_store(options)
    timeline = build(args)
    show(timeline, args.format)
    if args.chart:
        # imported when the command runs, to keep `detente --help` fast
        from detente.relations.chart import write_chart

        write_chart(timeline, args.chart)
        print(f"chart written to {args.chart}", file=sys.stderr)
    return 0
