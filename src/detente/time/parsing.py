"""dateparser behind a cache: numeric and free-form dates the word rules do not cover."""

from __future__ import annotations

import datetime as dt
import logging
from functools import lru_cache

from dateparser.date import DateDataParser

from . import periods
from .periods import Period

log = logging.getLogger(__name__)

_PERIOD_UNITS = {"day": "day", "time": "day", "week": "week", "month": "month", "year": "year"}


@lru_cache(maxsize=64)
def _parser(base: dt.date, prefer: str):
    settings = {"RELATIVE_BASE": dt.datetime.combine(base, dt.time()),
                "PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": True}
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def parse_date(text: str, base: dt.date, prefer: str = "past") -> Period | None:
    """The period ``text`` names, read with dateparser relative to ``base``; None if unreadable."""
    try:
        data = _parser(base, prefer).get_date_data(text)
    except (ValueError, OverflowError, TypeError) as exc:
        log.debug("dateparser could not read %r: %s", text, exc)
        return None
    if data.date_obj is None:
        return None
    return periods.unit_period(_PERIOD_UNITS.get(data.period, "day"), data.date_obj.date())
