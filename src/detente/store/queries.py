"""Stored events matching an ``EventFilter``: the one query of ``detente events``, ``detente export``,
the site's explorer and the API.

The filter comes from ``records.filters.parse_filter`` (the site's GET
parameters) or ``event_filter_from_args`` (the CLI's options). Rejected events
are left out unless asked for; the coded values are the effective (corrected)
ones stored on ``Event``.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from detente.errors import NotFoundError
from detente.records import filters
from detente.records.filters import ACTOR_CODE_RE, CODE_RE, EventFilter, cli_label, parse_filter
from detente.records.names import name_to_code

from . import tallies
from .actors import actor_filter, dyad_key, side_q
from .models import Event, EventMention
from .search import event_text_query

CLI_FILTERS = ("dyad", "actor", "code", "quad", "since", "until", "theatre")

__all__ = ["EventFilter", "event_filter_from_args", "filter_events", "filter_q", "parse_day", "span_q"]


def parse_day(text: str | None, what: str = "date") -> dt.date | None:
    """A YYYY-MM-DD option of the CLI (``what`` names it), None when not given."""
    return filters.parse_day(text, what) if text else None


def event_filter_from_args(args) -> EventFilter:
    """The filter of the CLI's options dyad, actor, code, quad, since, until, theatre."""
    return parse_filter({name: getattr(args, name, None) for name in CLI_FILTERS}, cli_label)


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


def _country(term: str) -> str:
    code = name_to_code(term) or term.upper()
    return code if CODE_RE.match(code) else ""


def actor_side_q(term: str, side: str) -> Q:
    """Events whose ``side`` ('source' or 'target') is the actor ``term``: a country or organisation
    (by code or name), an actor code typed as such (TURGOV), a person or group of the actor dictionary
    or of the stored events, else any actor whose name contains ``term``."""
    code = name_to_code(term) or (term.upper() if len(term) == 3 and term.isalpha() else "")
    if not code and ACTOR_CODE_RE.match(term) and term == term.upper():
        code = term
    if code:
        query = Q(**{f"{side}_code": code})
        return query | Q(**{f"{side}_country": code}) if len(code) == 3 else query
    try:
        return side_q(actor_filter(term), side)
    except NotFoundError:  # no actor known by that name: any whose name contains it
        return Q(**{f"{side}_name__icontains": term})


def between_q(a: str, b: str) -> Q:
    """Events between the actors ``a`` and ``b`` in either direction."""
    codes = [_country(a), _country(b)]
    if all(codes):
        # Two countries: the events between them are exactly those of their dyad (the sorted pair of
        # the source's and the target's country), which the timeline index answers alone.
        return Q(dyad=dyad_key(*codes))
    return ((actor_side_q(a, "source") & actor_side_q(b, "target"))
            | (actor_side_q(b, "source") & actor_side_q(a, "target")))


def filter_q(f: EventFilter) -> Q:
    """The conditions of ``f`` on ``Event``."""
    active_only = not f.status and not f.include_rejected
    q = Q(status=f.status) if f.status else Q() if f.include_rejected else Q(status=Event.Status.ACTIVE)
    if f.text:
        q &= event_text_query(f.text, active_only=active_only)
    if f.dyad:
        q &= between_q(*f.dyad)
    if len(f.actor) == 1:
        q &= actor_side_q(f.actor[0], "source") | actor_side_q(f.actor[0], "target")
    elif len(f.actor) == 2:
        q &= between_q(*f.actor)
    if f.code:
        q &= Q(cameo__startswith=f.code)
    if f.quad:
        q &= Q(quad_class=f.quad)
    if f.modality:
        q &= Q(modality=f.modality)
    if f.source:
        q &= Q(Exists(EventMention.objects.filter(event=OuterRef("pk"), article__source__iexact=f.source)))
    if f.bbox:
        south, west, north, east = f.bbox
        q &= Q(lat__gte=south, lat__lte=north, lon__gte=west, lon__lte=east)
    if f.theatre and active_only:  # the stored spellings of the theatre, from its tally: an indexed IN
        return q & span_q(f.since, f.until, None) & Q(theatre__in=tallies.named("theatre", f.theatre))
    return q & span_q(f.since, f.until, f.theatre)


def filter_events(f: EventFilter, ordering: tuple | None = None, mentions: bool = True) -> QuerySet:
    """Matching events (by date unless ``ordering`` says otherwise), with their mentions and their
    articles prefetched unless ``mentions`` is False."""
    events = Event.objects.filter(filter_q(f)).order_by(*(ordering or ("date_start", "id")))
    if mentions:
        events = events.prefetch_related(Prefetch("mentions", queryset=EventMention.objects.select_related("article")))
    return events
