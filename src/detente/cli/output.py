"""What the table outputs share: a console that fits the terminal, and readable dates.

A table on a terminal wraps its cells to the terminal's width; piped into a
file or another program it uses the full line (one row, one line), unless
``COLUMNS`` says otherwise.
"""

from __future__ import annotations

import datetime as dt
import os
import sys

from rich.console import Console

PIPED_WIDTH = 10_000  # wide enough that no cell of a piped table wraps


def table_console(file=None):
    """A rich Console for tables on ``file`` (standard output by default)."""
    file = file or sys.stdout
    width = None
    if not _isatty(file) and not os.environ.get("COLUMNS"):
        width = PIPED_WIDTH
    return Console(file=file, width=width, soft_wrap=False)


def _isatty(file) -> bool:
    try:
        return file.isatty()
    except (AttributeError, ValueError):
        return False


def _day(value) -> dt.date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def date_label(start, end=None, granularity: str | None = None, basis: str | None = None) -> str:
    """``2020-02 (month)``, ``2020 (year)``, ``2020-02-14``, ``2019-01-01..2020-12-31 (multi-year)``.

    A date known only from the publication date says so: ``2020-10-20 (published)``.
    """
    first, last = _day(start), _day(end)
    if first is None:
        return "undated"
    label = _period_label(first, last or first, granularity or "day")
    return f"{label} (published)" if basis == "article" else label


def _period_label(first: dt.date, last: dt.date, granularity: str) -> str:
    if granularity == "day" or first == last:
        return first.isoformat()
    if granularity == "month" and (first.year, first.month) == (last.year, last.month):
        return f"{first:%Y-%m} (month)"
    if granularity == "year" and first.year == last.year:
        return f"{first:%Y} (year)"
    return f"{first.isoformat()}..{last.isoformat()} ({granularity})"


def record_date_label(date: dict | None, fallback=None) -> str:
    """The label of an event record's ``date`` object, or of ``fallback`` (the article date)."""
    date = date or {}
    if date.get("start"):
        return date_label(date["start"], date.get("end"), date.get("granularity"), date.get("basis"))
    return date_label(fallback, basis="article") if fallback else "undated"
