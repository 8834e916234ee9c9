"""The event filters shared by ``detente events``, ``detente export`` and the site.

Rejected events are left out unless asked for; the coded values are the
effective (corrected) ones stored on ``Event``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from detente.errors import OptionError
from detente.records.filters import ActorFilter

from .actors import actor_filter, dyad_q, involving_q
from .models import Event, EventMention


@dataclass(frozen=True)
class EventFilter:
    dyad: tuple[ActorFilter, ActorFilter] | None = None
    actor: ActorFilter | None = None
    code: str | None = None          # a CAMEO code or a prefix ("19" matches 190..196)
    quad: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    theatre: str | None = None
    include_rejected: bool = False


def parse_day(text: str | None, what: str = "date") -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise OptionError(f"bad {what} {text!r}: use YYYY-MM-DD") from None


def parse_dyad(text: str | None) -> tuple[ActorFilter, ActorFilter] | None:
    if not text:
        return None
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2 or not all(parts):
        raise OptionError(f"bad dyad {text!r}: give two actors separated by a comma, e.g. RUS,TUR")
    return actor_filter(parts[0]), actor_filter(parts[1])


def event_filter_from_args(args) -> EventFilter:
    """Build the filter from argparse options named dyad, actor, code, quad, since, until, theatre."""
    quad = getattr(args, "quad", None)
    if quad is not None and quad not in (1, 2, 3, 4):
        raise OptionError(f"bad quad class {quad}: use 1, 2, 3 or 4")
    actor = getattr(args, "actor", None)
    return EventFilter(dyad=parse_dyad(getattr(args, "dyad", None)),
                       actor=actor_filter(actor) if actor else None,
                       code=getattr(args, "code", None), quad=quad,
                       since=parse_day(getattr(args, "since", None), "--since"),
                       until=parse_day(getattr(args, "until", None), "--until"),
                       theatre=getattr(args, "theatre", None))


def span_q(since: dt.date | None, until: dt.date | None, theatre: str | None) -> Q:
    """Events starting within [since, until] in ``theatre`` (each bound optional)."""
    q = Q()
    if since:
        q &= Q(date_start__gte=since)
    if until:
        q &= Q(date_start__lte=until)
    if theatre:
        q &= Q(theatre__iexact=theatre)
    return q


def _conditions(f: EventFilter) -> Q:
    q = Q() if f.include_rejected else Q(status=Event.Status.ACTIVE)
    if f.dyad:
        q &= dyad_q(*f.dyad)
    if f.actor:
        q &= involving_q(f.actor)
    if f.code:
        q &= Q(cameo__startswith=f.code)
    if f.quad:
        q &= Q(quad_class=f.quad)
    return q & span_q(f.since, f.until, f.theatre)


def filter_events(f: EventFilter) -> QuerySet:
    """Matching events by date, each with its mentions and their articles prefetched."""
    mentions = Prefetch("mentions", queryset=EventMention.objects.select_related("article"))
    return Event.objects.filter(_conditions(f)).order_by("date_start", "id").prefetch_related(mentions)
