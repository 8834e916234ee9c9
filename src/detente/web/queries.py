"""Query parameters -> validated filters -> querysets, shared by the pages and the API.

Every parameter is checked; a bad one raises ``OptionError`` whose message
names the parameter and the accepted form, so the API can answer 400.
"""

from __future__ import annotations

import datetime as dt
import re

from django.db import connection
from django.db.models import Q, QuerySet

from detente.errors import OptionError
from detente.store.models import Article, Event

CODE_RE = re.compile(r"^[A-Z]{3}$")
ACTOR_RE = re.compile(r"^[A-Z0-9]{3,32}$")
CAMEO_RE = re.compile(r"^\d{2,4}$")
EVENT_FILTERS = ("dyad", "actor", "code", "quad_class", "start", "end", "theatre", "status")


def parse_country(value: str, name: str) -> str:
    code = value.strip().upper()
    if not CODE_RE.match(code):
        raise OptionError(f"parameter {name!r} must be a three-letter country code such as RUS, got {value!r}")
    return code


def parse_dyad(value: str) -> str:
    """'rus-tur' or 'TUR-RUS' -> the stored sorted form 'RUS-TUR'."""
    parts = value.strip().upper().split("-")
    if len(parts) != 2:
        raise OptionError(f"parameter 'dyad' must look like RUS-TUR, got {value!r}")
    a, b = (parse_country(p, "dyad") for p in parts)
    return "-".join(sorted((a, b)))


def parse_date(value: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise OptionError(f"parameter {name!r} must be a date YYYY-MM-DD, got {value!r}") from exc


def parse_quad(value: str) -> int:
    if value.strip() not in ("1", "2", "3", "4"):
        raise OptionError(f"parameter 'quad_class' must be 1, 2, 3 or 4, got {value!r}")
    return int(value)


def parse_positive_int(value: str, name: str, maximum: int | None = None) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise OptionError(f"parameter {name!r} must be a whole number, got {value!r}") from exc
    if number < 1 or (maximum is not None and number > maximum):
        limit = f" and at most {maximum}" if maximum else ""
        raise OptionError(f"parameter {name!r} must be at least 1{limit}, got {number}")
    return number


def _filter_value(name: str, raw: str):
    if name == "dyad":
        return Q(dyad=parse_dyad(raw))
    if name == "actor":
        code = raw.strip().upper()
        if not ACTOR_RE.match(code):
            raise OptionError(f"parameter 'actor' must be an actor code such as TURGOV or RUS, got {raw!r}")
        field = "country" if len(code) == 3 else "code"
        return Q(**{f"source_{field}": code}) | Q(**{f"target_{field}": code})
    if name == "code":
        if not CAMEO_RE.match(raw.strip()):
            raise OptionError(f"parameter 'code' must be a CAMEO code of 2-4 digits such as 19 or 111, got {raw!r}")
        return Q(cameo__startswith=raw.strip())
    if name == "quad_class":
        return Q(quad_class=parse_quad(raw))
    if name == "start":
        return Q(date_start__gte=parse_date(raw, "start"))
    if name == "end":
        return Q(date_start__lte=parse_date(raw, "end"))
    if name == "theatre":
        return Q(theatre__iexact=raw.strip())
    if name == "status":
        if raw not in Event.Status.values:
            raise OptionError(f"parameter 'status' must be one of {', '.join(Event.Status.values)}, got {raw!r}")
        return Q(status=raw)
    raise AssertionError(name)


def event_filters(params) -> dict[str, str]:
    """The event filters present (non-empty) in a GET mapping."""
    return {name: params[name] for name in EVENT_FILTERS if params.get(name, "").strip()}


def filter_events(params) -> QuerySet:
    """Events matching the filters; only active events unless 'status' asks otherwise."""
    filters = event_filters(params)
    query = Q() if "status" in filters else Q(status=Event.Status.ACTIVE)
    for name, raw in filters.items():
        query &= _filter_value(name, raw)
    return Event.objects.filter(query).order_by("date_start", "id")


def search_articles(text: str) -> QuerySet:
    """Articles matching the words: full-text search on PostgreSQL, else substring matching."""
    if connection.vendor == "postgresql":
        return _full_text(text)
    return _substrings(text)


def _full_text(text: str) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchVector

    vector = SearchVector("title", weight="A", config="english") + SearchVector("text", weight="B", config="english")
    query = SearchQuery(text, search_type="websearch", config="english")
    return Article.objects.annotate(search=vector).filter(search=query).defer("text")


def _substrings(text: str) -> QuerySet:
    """Articles whose title or text contains every word (case-insensitive)."""
    query = Q()
    for word in text.split()[:8]:
        query &= Q(title__icontains=word) | Q(text__icontains=word)
    return Article.objects.filter(query).defer("text")
