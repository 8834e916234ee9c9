"""`detente ingest SOURCE...`: analyse articles and store them with their events."""

from __future__ import annotations

import contextlib
import sys
import time

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from detente.cli import exit_code_for


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "ingest", help="analyse files, folders, globs, JSONL corpora or feeds and store them",
        description="Analyse articles and store them with their actor mentions and events. "
                    "Articles already stored (same text) are skipped before analysis.")
    parser.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="file, directory, glob, JSONL(.gz) corpus, RSS/Atom feed, URL or -")
    parser.add_argument("--date", default=None,
                        help="publication date (YYYY-MM-DD) for articles that carry none")
    return parser


def run(args, options) -> int:
    from detente.ingest.dates import parse_date_option
    from detente.store.setup import open_store

    date = parse_date_option(args.date)
    open_store(options)
    report = ingest_with_progress(args.sources, date, options)
    print_report(report)
    return exit_code_for(report.seen - report.skipped, report.failed)


@contextlib.contextmanager
def article_progress(console):
    """A rich progress display on stderr counting articles read, with their rate."""
    columns = (SpinnerColumn(), TextColumn("{task.completed} articles"),
               TextColumn("{task.fields[rate]:.1f} articles/s"),
               TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        yield progress, progress.add_task("starting", total=None, rate=0.0)


def ingest_with_progress(sources, date, options):
    from detente.store.ingest import ingest_sources

    with article_progress(Console(stderr=True)) as (progress, task):
        began = time.perf_counter()

        def tick(report):
            rate = report.seen / max(time.perf_counter() - began, 1e-6)
            progress.update(task, completed=report.seen, rate=rate,
                            description=f"stored {report.added}, skipped {report.skipped}, failed {report.failed}")
        return ingest_sources(sources, options, date=date, progress=tick)


def print_report(report) -> None:
    for where, error in report.failures[:50]:
        print(f"detente: failed: {where}: {error}", file=sys.stderr)
    if report.failed > 50:
        print(f"detente: ... and {report.failed - 50} more failures", file=sys.stderr)
    print(f"{report.added} articles added ({report.events_added} new events, {report.mentions_added} "
          f"mentions), {report.skipped} already stored, {report.failed} failed", file=sys.stderr)
