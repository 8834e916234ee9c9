"""Query parameters -> validated filters -> querysets, shared by the pages and the API.

Every parameter is checked; a bad one raises ``OptionError`` whose message
names the parameter and the accepted form, so the API can answer 400.
"""

from __future__ import annotations

from dataclasses import replace

from django.core.cache import cache
from django.db.models import Avg, Count, F, IntegerField, Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, Floor

from detente.errors import OptionError
from detente.records.filters import ACTOR_CODE_RE, CODE_RE, FILTER_NAMES, EventFilter, parse_filter, present
from detente.records.names import actor_label, name_to_code
from detente.store import queries as store_queries
from detente.store import tallies
from detente.store.listing import attach_evidence
from detente.store.models import Article, EventMention
from detente.store.search import words

from .paging import IdsFirst

EVENT_FILTERS = FILTER_NAMES
# sort parameter -> ordering (ties broken by id, the same direction)
SORTS = {"date": ("date_start", "id"), "goldstein": ("goldstein", "id"), "quad_class": ("quad_class", "id"),
         "cameo": ("cameo", "id"), "source": ("source_code", "id"), "target": ("target_code", "id"),
         "mentions": ("mention_count", "id"), "theatre": ("theatre", "id"), "id": ("id",)}
DEFAULT_SORT = "-date"


def parse_country(value: str, name: str) -> str:
    code = value.strip().upper()
    if not CODE_RE.match(code):
        raise OptionError(f"parameter {name!r} must be a three-letter country code such as RUS, got {value!r}")
    return code


def parse_country_dyad(value: str) -> str:
    """The relationship page's dyad: 'rus-tur' or 'TUR-RUS' -> the stored sorted form 'RUS-TUR'."""
    parts = value.strip().upper().split("-")
    if len(parts) != 2:
        raise OptionError(f"parameter 'dyad' must look like RUS-TUR, got {value!r}")
    a, b = (parse_country(p, "dyad") for p in parts)
    return "-".join(sorted((a, b)))


def parse_positive_int(value: str, name: str, maximum: int | None = None) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise OptionError(f"parameter {name!r} must be a whole number, got {value!r}") from exc
    if number < 1 or (maximum is not None and number > maximum):
        limit = f" and at most {maximum}" if maximum else ""
        raise OptionError(f"parameter {name!r} must be at least 1{limit}, got {number}")
    return number


def parse_sort(value: str | None) -> tuple[str, ...]:
    """'-date' (newest first, the default), 'goldstein', '-mentions'... -> an ordering."""
    text = (value or DEFAULT_SORT).strip()
    key = text.lstrip("-")
    if key not in SORTS:
        raise OptionError(f"parameter 'sort' must be one of {', '.join(SORTS)} (prefix - for descending), "
                          f"got {value!r}")
    prefix = "-" if text.startswith("-") else ""
    return tuple(prefix + field for field in SORTS[key])


def event_filters(params) -> dict[str, str]:
    """The event filters present (non-empty) in a GET mapping, by the names given."""
    return present(params)


def query_events(params) -> QuerySet:
    """Events matching the filters of a GET mapping (``records.filters.parse_filter``), sorted by ``sort``;
    only active events unless 'status' asks otherwise."""
    ordering = parse_sort(params.get("sort"))
    if ordering[0].lstrip("-") == "date_start":
        date = F("date_start").desc(nulls_last=True) if ordering[0].startswith("-") else \
            F("date_start").asc(nulls_last=True)
        ordering = (date, ordering[1])
    return store_queries.filter_events(parse_filter(params), ordering, mentions=False)


def event_pages(params) -> IdsFirst:
    """``query_events(params)`` for a Paginator (the page's ids first); with no filter at all, the count
    of every active event comes from its tally instead of a COUNT over the events."""
    return IdsFirst(query_events(params), tallies.active_events() if not event_filters(params) else None)


def iter_with_evidence(queryset: QuerySet, chunk: int = 2000):
    """Every event of a queryset with its evidence (``store.listing.attach_evidence``), read in chunks."""
    batch = []
    for event in queryset.iterator(chunk_size=chunk):
        batch.append(event)
        if len(batch) == chunk:
            yield from attach_evidence(batch)
            batch = []
    yield from attach_evidence(batch)


def theatres_with_events() -> list[str]:
    """The theatres that have active events, by name (from their tallies)."""
    return tallies.theatres()


def sources_with_events() -> list[str]:
    """The news sources of the stored articles (cached briefly)."""

    key = "detente:sources"
    names = cache.get(key)
    if names is None:
        names = list(Article.objects.exclude(source="").values_list("source", flat=True)
                     .distinct().order_by("source")[:500])
        cache.set(key, names, 60)
    return names


def stored_actors() -> list[dict]:
    """Every actor on either side of an active event with its event count (from their tallies)."""
    return [{"code": code, "name": name, "country": country, "events": n}
            for code, name, country, n in tallies.actors()]


def search_actors(text: str, limit: int = 12) -> list[dict]:
    """Actors named like the words: a country or organisation by name or code, and the stored actors
    whose name holds the words, most reported first. Each: code, label, events."""

    phrase = " ".join(words(text)).lower()
    if not phrase:
        return []
    code = name_to_code(phrase) or (phrase.upper() if ACTOR_CODE_RE.match(phrase.upper()) else "")
    found: dict[str, dict] = {}
    for actor in stored_actors():
        if phrase in actor["name"].lower() or code in (actor["code"], actor["country"]):
            entry = found.setdefault(actor["code"], {"code": actor["code"], "events": 0, "label": actor_label(
                actor["code"], actor["name"], actor["country"])})
            entry["events"] += actor["events"]
    return sorted(found.values(), key=lambda e: (-e["events"], e["label"]))[:limit]


def with_event_counts(queryset: QuerySet) -> QuerySet:
    """Each article with ``event_count``: the distinct events it reports (a subquery per row shown)."""

    counts = (EventMention.objects.filter(article=OuterRef("pk")).order_by().values("article")
              .annotate(n=Count("event", distinct=True)).values("n"))
    return queryset.annotate(event_count=Coalesce(Subquery(counts, output_field=IntegerField()), 0))


MAP_CELL_DEGREES = 3


def event_clusters(queryset: QuerySet, cell: float = MAP_CELL_DEGREES) -> list[dict]:
    """The located events of a queryset grouped in cells of ``cell`` degrees: each cluster with its
    event count, mean position, a place name, how many places, and its cell as a bbox."""

    rows = (queryset.order_by().exclude(lat=None).exclude(lon=None)
            .annotate(cy=Floor((F("lat") + 90) / cell), cx=Floor((F("lon") + 180) / cell))
            .values("cy", "cx").annotate(n=Count("id"), lat=Avg("lat"), lon=Avg("lon"), place=Max("location_name"),
                                         places=Count("location_name", distinct=True)))
    return _clusters(rows, cell)


def _clusters(rows, cell: float) -> list[dict]:
    clusters = []
    for row in rows:
        south, west = row["cy"] * cell - 90, row["cx"] * cell - 180
        clusters.append({"events": row["n"], "lat": row["lat"], "lon": row["lon"], "place": row["place"] or "",
                         "places": row["places"],
                         "bbox": f"{max(south, -90):g},{max(west, -180):g},{min(south + cell, 90):g},"
                                 f"{min(west + cell, 180):g}"})
    return sorted(clusters, key=lambda c: (-c["events"], c["bbox"]))


def tallied_country(f: EventFilter) -> str | None:
    """The country whose map tally answers ``f`` ('' for all events), or None when ``f`` asks for more than
    the tallies keep (active events of one quad class or all, of one country on either side or all)."""
    others = replace(f, quad=None, actor=())
    if others != EventFilter() or len(f.actor) > 1:
        return None
    if not f.actor:
        return ""
    code = name_to_code(f.actor[0]) or f.actor[0].strip().upper()
    return code if CODE_RE.match(code) else None


def map_clusters(params, cell: float = MAP_CELL_DEGREES) -> list[dict]:
    """The map's clusters for the explorer filters in ``params``: from the map tallies when they answer
    them (a few hundred rows), else grouped from the matching events."""
    f = parse_filter(params)
    country = tallied_country(f) if cell == MAP_CELL_DEGREES else None
    if country is None:
        return event_clusters(query_events(params), cell)
    return _clusters(tallies.map_cells(country, f.quad), cell)
