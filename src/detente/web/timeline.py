"""Dyad timelines for the pages and the API, cached until events change.

The timeline itself comes from ``detente.relations`` (aggregation in SQL,
change points, summary); this module only validates the request, turns the
result into JSON-ready data and caches it. Every cache key carries a version
number that ``bump_version`` increments when events are stored or corrected
(see ``detente.web.signals``), so a correction shows at once.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache

from detente.errors import OptionError

PERIODS = ("week", "month", "quarter", "year")
VERSION_KEY = "detente:timeline-version"


def parse_period(value: str | None) -> str:
    period = (value or "month").strip().lower()
    if period not in PERIODS:
        raise OptionError(f"parameter 'by' must be one of {', '.join(PERIODS)}, got {value!r}")
    return period


def current_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_version() -> None:
    """Forget every cached timeline (new events or a correction)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def timeline_data(dyad: str, by: str, theatre: str = "") -> dict:
    """The JSON-ready timeline of a sorted dyad 'AAA-BBB', cached."""
    key = f"detente:timeline:{current_version()}:{dyad}:{by}:{theatre.lower()}"
    data = cache.get(key)
    if data is None:
        data = build_timeline(dyad, by, theatre)
        cache.set(key, data, timeout=settings.DETENTE_TIMELINE_CACHE_SECONDS)
    return data


def build_timeline(dyad: str, by: str, theatre: str = "") -> dict:
    from .timeline_adapter import timeline_dict

    return timeline_dict(dyad, by, theatre or None)
