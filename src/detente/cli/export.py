"""`detente export`: write the stored events as CSV, Parquet, SQLite or the GDELT 2.0 tables."""

from __future__ import annotations

import sys

from detente.cli.events import add_filter_options
from detente.errors import OptionError
from detente.export import BINARY_FORMATS, FORMATS


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "export", help="write events to CSV, Parquet, SQLite or GDELT 2.0 TSV (stdout or a file)",
        description="Export the (corrected, non-rejected) events matching the filters to standard output "
                    "(--out - or no --out) or to a file, written atomically. --format gdelt with --out "
                    "also writes the GDELT Mentions table beside the file (NAME.mentions.tsv).")
    parser.add_argument("--format", choices=FORMATS, required=True,
                        help="csv, parquet, sqlite (public tables, for datasette/DuckDB/pandas), "
                             "gdelt (GDELT 2.0 Event table) or gdelt-mentions (GDELT 2.0 Mentions table)")
    parser.add_argument("--out", default="-", metavar="FILE", help="output file, or - for standard output (default)")
    add_filter_options(parser)
    return parser


def check_target(fmt: str, out: str) -> None:
    """A binary format is not printed on a terminal: it needs --out or a pipe."""
    if out == "-" and fmt in BINARY_FORMATS and sys.stdout.isatty():
        raise OptionError(f"--format {fmt} is binary: give --out FILE, or pipe standard output to a file")


def run(args, options) -> int:
    check_target(args.format, args.out)
    # imported when the command runs, to keep `detente --help` fast
    from .store import open_existing_store

    open_existing_store(options)
    # imported when the command runs, to keep `detente --help` fast
    from detente.export import export_events
    from detente.store.queries import event_filter_from_args, filter_events

    events = filter_events(event_filter_from_args(args)).iterator(chunk_size=2000)
    result = export_events(events, args.format, args.out)
    where = "standard output" if args.out == "-" else args.out
    print(f"detente: {result.rows} {result.what} written to {where}{result.note}", file=sys.stderr)
    return 0
