"""Dyad timelines for the pages and the API, cached until events change.

The timeline itself comes from ``detente.relations`` (aggregation in SQL,
change points, summary); this module only validates the request, turns the
result into JSON-ready data and caches it. Every cache key carries a version
number that ``bump_version`` increments when events are stored or corrected
(see ``detente.web.signals``), so a correction shows at once.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from urllib.parse import quote

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder

from detente.errors import OptionError
from detente.store import tallies
from detente.store.models import Event

from . import chart_png
from .caching import DATA, get_cached, get_or_build, set_cached
from .timeline_adapter import timeline_dict

PERIODS = ("week", "month", "quarter", "year")
log = logging.getLogger(__name__)


def parse_period(value: str | None) -> str:
    period = (value or "month").strip().lower()
    if period not in PERIODS:
        raise OptionError(f"parameter 'by' must be one of {', '.join(PERIODS)}, got {value!r}")
    return period


MAX_THEATRE_CHARS = 100


def parse_theatre(value: str | None) -> str:
    theatre = (value or "").strip()
    if len(theatre) > MAX_THEATRE_CHARS:
        raise OptionError(f"parameter 'theatre' must be at most {MAX_THEATRE_CHARS} characters")
    return theatre


def current_version() -> int:
    return DATA.current()


def bump_version() -> None:
    """Forget every cached timeline and article body (new events or a correction)."""
    DATA.bump()


def timeline_json(dyad: str, by: str, theatre: str = "") -> str:
    """The timeline of a sorted dyad 'AAA-BBB' as JSON text, cached (serialised once)."""
    key = f"detente:timeline:{current_version()}:{dyad}:{by}:{quote(theatre.lower())}"
    return get_or_build(key, lambda: json.dumps(build_timeline(dyad, by, theatre), cls=DjangoJSONEncoder),
                        settings.DETENTE_TIMELINE_CACHE_SECONDS)


WARM_PERIODS = ("month",)  # what a relationship page shows unless asked otherwise


def warm_timelines(dyads, periods=WARM_PERIODS) -> int:
    """Build and cache the timelines of ``dyads`` now, after a write (in a submission worker) or when
    the server starts, so the first reader of those relationship pages does not wait for them.
    Returns how many were built; one that fails is logged and skipped (the page builds it itself)."""
    built = 0
    for dyad in dyads:
        for by in periods:
            try:
                timeline_json(dyad, by)
                built += 1
            except Exception:  # noqa: BLE001 - warming is an optimisation; the page still works without it
                log.exception("could not prepare the %s timeline of %s", by, dyad)
    return built


def busiest_dyads(limit: int = 10) -> list[str]:
    """The relationships with most active events (from their tallies)."""
    return [dyad for dyad, _events in tallies.busiest_dyads(limit)]


def article_dyads(article) -> list[str]:
    """The relationships an article's events belong to."""
    return sorted(set(Event.objects.filter(mentions__article=article, dyad__contains="-")
                      .values_list("dyad", flat=True)))


def timeline_data(dyad: str, by: str, theatre: str = "") -> dict:
    """The timeline as a dict (for the pages)."""
    return json.loads(timeline_json(dyad, by, theatre))


def build_timeline(dyad: str, by: str, theatre: str = "") -> dict:
    return timeline_dict(dyad, by, theatre or None)


# chart.png is drawn by matplotlib (a second or two of CPU): each drawing is cached, keyed by the
# timeline it shows (so any parameters giving the same timeline share it), and at most one is drawn
# at a time per process, so a flood of chart requests cannot take every thread and core.
CHART_RENDERS = threading.BoundedSemaphore(1)
CHART_WAIT_SECONDS = 2.0


class ChartBusy(Exception):
    """Another chart is being drawn and did not finish within CHART_WAIT_SECONDS."""


def timeline_chart(dyad: str, by: str, theatre: str = "") -> bytes:
    """The PNG chart of a timeline, from the cache or drawn once; ChartBusy when the drawer is taken."""

    text = timeline_json(dyad, by, theatre)
    key = f"detente:chart:{hashlib.sha256(text.encode()).hexdigest()}"
    png = get_cached(key)
    if png is not None:
        return png
    if not CHART_RENDERS.acquire(timeout=CHART_WAIT_SECONDS):
        raise ChartBusy(f"the chart of {dyad} is being drawn; try again in a few seconds")
    try:
        png = get_cached(key)  # drawn by the thread we waited for
        if png is None:
            png = chart_png.timeline_png(json.loads(text))
            set_cached(key, png, settings.DETENTE_TIMELINE_CACHE_SECONDS)
        return png
    finally:
        CHART_RENDERS.release()
