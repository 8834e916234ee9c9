"""Dates given by the user (--date) or carried by a record, as ``datetime.date``."""

from __future__ import annotations

import datetime as dt
import re
import time

from detente.errors import OptionError

_ISO_PREFIX = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])")


def parse_date_option(value: str | dt.date | None) -> dt.date | None:
    """The --date value as a date; OptionError when it is not YYYY-MM-DD."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise OptionError(
            f"--date {value!r} is not a date; write it as YYYY-MM-DD, e.g. --date 2020-10-20") from None


def parse_record_date(value: object) -> dt.date | None:
    """A record's date ("2020-10-20" or an ISO timestamp) or None when absent.

    Raises ValueError when a date is present but unreadable.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"date must be a YYYY-MM-DD string, got {value!r}")
    match = _ISO_PREFIX.match(value)
    if match is None:
        raise ValueError(f"date {value!r} is not YYYY-MM-DD")
    return dt.date.fromisoformat(match.group(1))


def date_from_struct(value: time.struct_time | None) -> dt.date | None:
    """A feed entry's parsed time (feedparser's ``*_parsed``) as a date."""
    if value is None:
        return None
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    except ValueError:
        return None


def date_from_metadata(value: str | None) -> dt.date | None:
    """The date trafilatura/htmldate found in a page's metadata, when readable."""
    try:
        return parse_record_date(value)
    except ValueError:
        return None
