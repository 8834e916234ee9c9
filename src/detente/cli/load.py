"""`detente load DIR`: load the Parquet output of `detente batch` into the database."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "load", help="load the Parquet output of `detente batch` into the database (idempotent)",
        description="Articles already stored (same content hash) are skipped, so loading twice adds nothing.")
    parser.add_argument("directory", type=Path, metavar="DIR", help="the --out directory of `detente batch`")
    return parser


@contextmanager
def _bar(total: int):
    """A rich progress bar over partitions on stderr; yields the load's progress callback."""
    # imported when the command runs, to keep `detente --help` fast
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("partitions"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[articles]} articles added"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True)) as progress:
        task = progress.add_task("load", total=total, articles=0)
        yield lambda name, report: progress.update(task, advance=1, articles=report.articles_added)


def run(args, options) -> int:
    # imported when the command runs, to keep `detente --help` fast
    from detente.batch.files import read_json
    from detente.batch.layout import manifest_path
    from detente.batch.reading import partition_names
    from detente.store.setup import open_store

    names = partition_names(args.directory)  # refuse a directory without output before touching the DB
    open_store(options)
    # imported when the command runs, to keep `detente --help` fast
    from detente.store.bulk import load_output

    manifest = read_json(manifest_path(args.directory)) or {}
    with _bar(len(names)) as advance:
        report = load_output(args.directory, model_name=manifest.get("model", ""), progress=advance)
    print(f"{report.partitions} partitions: {report.articles_added} articles added "
          f"({report.articles_skipped} already stored), {report.events_added} new events, "
          f"{report.mentions_added} mentions ({report.events_merged} merged into known events)",
          file=sys.stderr)
    return 0
