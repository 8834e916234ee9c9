"""The progress bar of the long commands (ingest, demo, eval): a total, a rate and an ETA, on stderr.

When the total is not known in advance (a URL, standard input) the bar
pulses and counts instead. ``count_articles`` estimates the total of
ingest sources without analysing anything.
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import feedparser
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from detente.ingest.feeds import looks_like_feed
from detente.ingest.fetch import is_url
from detente.ingest.index import index_entries, is_index
from detente.ingest.jsonl import open_corpus
from detente.ingest.kinds import FEED, JSONL, XML, kind_for_name


@contextlib.contextmanager
def progress_bar(label: str, total: int | None, unit: str = "articles") -> Iterator[Callable[..., None]]:
    """Yield ``update(completed, note="")``; the bar goes to stderr and stays when done."""
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn(unit),
               TaskProgressColumn(), TextColumn("elapsed"), TimeElapsedColumn(),
               TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.fields[note]}"))
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        task = progress.add_task(label, total=total, note="")

        def update(completed: int, note: str = "") -> None:
            progress.update(task, completed=completed, note=note)

        yield update


def count_articles(sources: list[str]) -> int | None:
    """How many articles ``sources`` (already expanded) hold, or None when one cannot be counted."""
    total = 0
    for source in sources:
        count = _count_one(source)
        if count is None:
            return None
        total += count
    return total


def _count_one(source: str) -> int | None:
    if source == "-" or is_url(source):
        return None
    path = Path(source)
    kind = kind_for_name(path.name)
    if is_index(path):
        return len(index_entries(path))
    if kind == JSONL:
        return _count_lines(path)
    if kind in (FEED, XML):
        return _count_feed_entries(path)
    return 1


MAX_COUNTED_FEED_BYTES = 16 << 20


def _count_feed_entries(path: Path) -> int | None:
    """Entries of a local feed (1 for an XML page); None when it is too big or unreadable."""
    try:
        if path.stat().st_size > MAX_COUNTED_FEED_BYTES:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    if not looks_like_feed(data):
        return 1
    return len(feedparser.parse(data).entries)


def _count_lines(path: Path) -> int | None:
    try:
        with open_corpus(path) as stream:
            return sum(1 for line in stream if line.strip())
    except (OSError, EOFError, zlib.error):
        return None  # the ingest itself reports an unreadable corpus
