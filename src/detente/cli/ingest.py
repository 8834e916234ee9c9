"""`detente ingest SOURCE...`: analyse articles and store them with their events."""

from __future__ import annotations

import sys

from detente.cli import exit_code_for
from detente.errors import DetenteError


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
    # imported when the command runs, to keep `detente --help` fast
    from detente.ingest.dates import parse_date_option
    from detente.store.setup import open_store

    date = parse_date_option(args.date)
    open_store(options)
    report = ingest_with_progress(args.sources, date, options)
    print_report(report)
    return exit_code_for(report.seen - report.skipped, report.failed)


def _total(sources) -> int | None:
    """The number of articles the sources hold, when it can be known without reading them."""
    # imported when the command runs, to keep `detente --help` fast
    from detente.ingest import expand_sources

    from .progress import count_articles

    try:
        return count_articles(expand_sources(sources))
    except DetenteError:
        return None  # the ingest itself reports the bad source


def ingest_with_progress(sources, date, options):
    """Ingest with a bar on stderr: articles done of the total, rate, elapsed time and ETA."""
    # imported when the command runs, to keep `detente --help` fast
    from detente.intake import ingest_sources

    from .progress import progress_bar

    with progress_bar("ingest", _total(sources)) as update:
        def tick(report):
            update(report.added + report.skipped + report.failed,
                   note=f"stored {report.added}, skipped {report.skipped}, failed {report.failed}")
        return ingest_sources(sources, options, date=date, progress=tick)


def print_report(report) -> None:
    for where, error in report.failures[:50]:
        print(f"detente: failed: {where}: {error}", file=sys.stderr)
    if report.failed > 50:
        print(f"detente: ... and {report.failed - 50} more failures", file=sys.stderr)
    print(f"{report.added} articles added ({report.events_added} new events, {report.mentions_added} "
          f"mentions), {report.skipped} already stored, {report.failed} failed", file=sys.stderr)
