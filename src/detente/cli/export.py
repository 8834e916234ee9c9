"""`detente export`: write the stored events as CSV, Parquet or a GDELT 2.0 event table."""

from __future__ import annotations

import sys

from detente.cli.events import add_filter_options
from detente.export import FORMATS


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "export", help="write events to CSV, Parquet or GDELT 2.0 TSV",
        description="Export the (corrected, non-rejected) events matching the filters; the file is "
                    "written atomically.")
    parser.add_argument("--format", choices=FORMATS, required=True, help="csv, parquet or gdelt")
    parser.add_argument("--out", required=True, metavar="FILE", help="output file")
    add_filter_options(parser)
    return parser


def run(args, options) -> int:
    from detente.store.setup import open_store

    open_store(options)
    from detente.export import export_events
    from detente.store.queries import event_filter_from_args, filter_events

    events = filter_events(event_filter_from_args(args)).iterator(chunk_size=2000)
    count = export_events(events, args.format, args.out)
    print(f"{count} events written to {args.out}", file=sys.stderr)
    return 0
