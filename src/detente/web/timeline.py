"""Dyad timelines for the pages and the API, cached until events change.

The timeline itself comes from ``detente.relations`` (aggregation in SQL,
change points, summary); this module only validates the request, turns the
result into JSON-ready data and caches it. Every cache key carries a version
number that ``bump_version`` increments when events are stored or corrected
(see ``detente.web.signals``), so a correction shows at once.
"""

from __future__ import annotations

import json
import time

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.cache import cache

from detente.errors import OptionError

from .caching import get_or_build

PERIODS = ("week", "month", "quarter", "year")
VERSION_KEY = "detente:timeline-version"
VERSION_MEMO_SECONDS = 1.0  # other processes' changes show within a second


class _Memo:
    """The version last read by this process, and until when it may be trusted."""

    version = 1
    until = 0.0


_memo = _Memo()


def parse_period(value: str | None) -> str:
    period = (value or "month").strip().lower()
    if period not in PERIODS:
        raise OptionError(f"parameter 'by' must be one of {', '.join(PERIODS)}, got {value!r}")
    return period


def _fresh_version() -> int:
    """A starting version larger than any used before, should the key ever be culled."""
    return int(time.time() * 1000)


def _stored_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _fresh_version(), timeout=None)
        version = cache.get(VERSION_KEY) or _fresh_version()
    return version


def current_version() -> int:
    """The data version, read from the shared cache at most once a second per process."""
    now = time.monotonic()
    if _memo.until < now:
        _memo.version, _memo.until = _stored_version(), now + VERSION_MEMO_SECONDS
    return _memo.version


def bump_version() -> None:
    """Forget every cached timeline and article body (new events or a correction)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, _fresh_version(), timeout=None)
    _memo.until = 0.0


def timeline_json(dyad: str, by: str, theatre: str = "") -> str:
    """The timeline of a sorted dyad 'AAA-BBB' as JSON text, cached (serialised once)."""
    key = f"detente:timeline:{current_version()}:{dyad}:{by}:{theatre.lower()}"
    return get_or_build(key, lambda: json.dumps(build_timeline(dyad, by, theatre), cls=DjangoJSONEncoder),
                        settings.DETENTE_TIMELINE_CACHE_SECONDS)


def timeline_data(dyad: str, by: str, theatre: str = "") -> dict:
    """The timeline as a dict (for the pages)."""
    return json.loads(timeline_json(dyad, by, theatre))


def build_timeline(dyad: str, by: str, theatre: str = "") -> dict:
    from .timeline_adapter import timeline_dict

    return timeline_dict(dyad, by, theatre or None)
