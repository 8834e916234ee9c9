"""Query parameters -> validated filters -> querysets, shared by the pages and the API.

Every parameter is checked; a bad one raises ``OptionError`` whose message
names the parameter and the accepted form, so the API can answer 400.
"""

from __future__ import annotations

import datetime as dt
import re

from django.db.models import Q, QuerySet

from detente.errors import OptionError
from detente.model import MODALITIES
from detente.records.names import actor_label, name_to_code
from detente.store.listing import attach_evidence
from detente.store.models import Article, Event, EventMention
from detente.store.search import event_text_query, words
from detente.store.search import search_articles as found

CODE_RE = re.compile(r"^[A-Z]{3}$")
ACTOR_RE = re.compile(r"^[A-Z0-9]{3,32}$")
CAMEO_RE = re.compile(r"^\d{2,4}$")
EVENT_FILTERS = ("q", "dyad", "actor", "code", "quad_class", "start", "end", "theatre", "status", "modality", "source",
                 "bbox")
MAX_ACTOR_CHARS = 200
NAME_RE = re.compile(r"^[^\W\d_][\w .'\u2019-]{1,99}$")
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
    if name == "q":

        if len(raw) > MAX_ACTOR_CHARS:
            raise OptionError(f"parameter 'q' must be at most {MAX_ACTOR_CHARS} characters")
        return event_text_query(raw)
    if name == "dyad":
        return Q(dyad=parse_dyad(raw))
    if name == "actor":
        return actor_query(raw)
    if name == "bbox":
        south, west, north, east = parse_bbox(raw)
        return Q(lat__gte=south, lat__lte=north, lon__gte=west, lon__lte=east)
    if name == "modality":
        if raw.strip().lower() not in MODALITIES:
            raise OptionError(f"parameter 'modality' must be one of {', '.join(MODALITIES)}, got {raw!r}")
        return Q(modality=raw.strip().lower())
    if name == "source":
        from django.db.models import Exists, OuterRef

        outlet = raw.strip()[:MAX_ACTOR_CHARS]
        return Q(Exists(EventMention.objects.filter(event=OuterRef("pk"), article__source__iexact=outlet)))
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


def parse_bbox(raw: str) -> tuple[float, float, float, float]:
    """'south,west,north,east' in degrees -> four floats, each in range, south <= north, west <= east."""
    import math

    try:
        south, west, north, east = (float(part) for part in raw.split(","))
    except ValueError as exc:
        raise OptionError(f"parameter 'bbox' must be south,west,north,east in degrees such as "
                          f"33,35,37,39, got {raw!r}") from exc
    if not all(math.isfinite(v) for v in (south, west, north, east)) or not (-90 <= south <= north <= 90) \
            or not (-180 <= west <= east <= 180):
        raise OptionError(f"parameter 'bbox' must have -90 <= south <= north <= 90 and "
                          f"-180 <= west <= east <= 180, got {raw!r}")
    return south, west, north, east


def split_actors(raw: str) -> list[str]:
    """'RUS,TUR', 'RUS-TUR', 'Russia, Turkey', 'NATO' -> the one or two actor terms."""
    text = raw.strip()
    if len(text) > MAX_ACTOR_CHARS:
        raise OptionError(f"parameter 'actor' must be at most {MAX_ACTOR_CHARS} characters")
    parts = [p.strip() for p in text.split(",")] if "," in text else [text]
    if len(parts) == 1 and re.fullmatch(r"[A-Za-z]{3}\s*-\s*[A-Za-z]{3}", text):
        parts = [p.strip() for p in text.split("-")]
    parts = [p for p in parts if p]
    if not 1 <= len(parts) <= 2:
        raise OptionError(f"parameter 'actor' must name one actor or two (RUS, RUS,TUR, RUS-TUR, "
                          f"Russia,Turkey), got {raw!r}")
    return parts


def actor_side(term: str, side: str) -> Q:
    """Events whose ``side`` ('source' or 'target') is the actor ``term``: a country code, an actor
    code, a country or organisation name, or part of an actor's name."""

    code = name_to_code(term) or (term.upper() if ACTOR_RE.match(term.upper()) else "")
    if code:
        query = Q(**{f"{side}_code": code})
        if len(code) == 3:
            query |= Q(**{f"{side}_country": code})
        return query
    if not NAME_RE.match(term):
        raise OptionError(f"parameter 'actor' must be a name (letters, spaces, . ' -) or an actor code "
                          f"such as TURGOV or RUS, got {term!r}")
    return Q(**{f"{side}_name__icontains": term})


def actor_query(raw: str) -> Q:
    parts = split_actors(raw)
    if len(parts) == 1:
        return actor_side(parts[0], "source") | actor_side(parts[0], "target")
    a, b = parts
    between = ((actor_side(a, "source") & actor_side(b, "target"))
               | (actor_side(b, "source") & actor_side(a, "target")))
    codes = [_country_code(p) for p in parts]
    if all(codes):  # two countries: their dyad, which the timeline index leads with, narrows the scan
        between &= Q(dyad="-".join(sorted(codes)))
    return between


def _country_code(term: str) -> str:
    code = name_to_code(term) or term.upper()
    return code if CODE_RE.match(code) else ""


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
    """The event filters present (non-empty) in a GET mapping."""
    return {name: params[name] for name in EVENT_FILTERS if params.get(name, "").strip()}


def filter_events(params) -> QuerySet:
    """Events matching the filters; only active events unless 'status' asks otherwise."""
    filters = event_filters(params)
    query = Q() if "status" in filters else Q(status=Event.Status.ACTIVE)
    for name, raw in filters.items():
        query &= _filter_value(name, raw)
    ordering = parse_sort(params.get("sort"))
    if ordering[0].lstrip("-") == "date_start":
        from django.db.models import F

        date = F("date_start").desc(nulls_last=True) if ordering[0].startswith("-") else \
            F("date_start").asc(nulls_last=True)
        return Event.objects.filter(query).order_by(date, ordering[1])
    return Event.objects.filter(query).order_by(*ordering)


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
    """The theatres that have active events, by name (cached briefly)."""
    from django.core.cache import cache

    key = "detente:theatres"
    names = cache.get(key)
    if names is None:
        names = list(Event.objects.filter(status=Event.Status.ACTIVE).exclude(theatre="")
                     .values_list("theatre", flat=True).distinct().order_by("theatre"))
        cache.set(key, names, 60)
    return names


def sources_with_events() -> list[str]:
    """The news sources of the stored articles (cached briefly)."""
    from django.core.cache import cache

    key = "detente:sources"
    names = cache.get(key)
    if names is None:
        names = list(Article.objects.exclude(source="").values_list("source", flat=True)
                     .distinct().order_by("source")[:500])
        cache.set(key, names, 60)
    return names


def search_articles(text: str) -> QuerySet:
    """Articles matching the words: FTS5 on SQLite, an indexed tsvector on PostgreSQL."""

    return found(text)


ACTORS_SECONDS = 60


def stored_actors() -> list[dict]:
    """Every actor on either side of an active event with its event count (cached briefly: two GROUP BYs)."""
    from django.core.cache import cache
    from django.db.models import Count

    key = "detente:stored-actors"
    actors = cache.get(key)
    if actors is None:
        merged: dict[tuple, int] = {}
        for side in ("source", "target"):
            rows = (Event.objects.filter(status=Event.Status.ACTIVE).exclude(**{f"{side}_code": ""})
                    .values_list(f"{side}_code", f"{side}_name", f"{side}_country").annotate(n=Count("id"))
                    .order_by())
            for code, name, country, n in rows:
                merged[(code, name, country)] = merged.get((code, name, country), 0) + n
        actors = [{"code": k[0], "name": k[1], "country": k[2], "events": n} for k, n in merged.items()]
        cache.set(key, actors, ACTORS_SECONDS)
    return actors


def search_actors(text: str, limit: int = 12) -> list[dict]:
    """Actors named like the words: a country or organisation by name or code, and the stored actors
    whose name holds the words, most reported first. Each: code, label, events."""

    phrase = " ".join(words(text)).lower()
    if not phrase:
        return []
    code = name_to_code(phrase) or (phrase.upper() if ACTOR_RE.match(phrase.upper()) else "")
    found: dict[str, dict] = {}
    for actor in stored_actors():
        if phrase in actor["name"].lower() or code in (actor["code"], actor["country"]):
            entry = found.setdefault(actor["code"], {"code": actor["code"], "events": 0, "label": actor_label(
                actor["code"], actor["name"], actor["country"])})
            entry["events"] += actor["events"]
    return sorted(found.values(), key=lambda e: (-e["events"], e["label"]))[:limit]


def with_event_counts(queryset: QuerySet) -> QuerySet:
    """Each article with ``event_count``: the distinct events it reports (a subquery per row shown)."""
    from django.db.models import Count, IntegerField, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    counts = (EventMention.objects.filter(article=OuterRef("pk")).order_by().values("article")
              .annotate(n=Count("event", distinct=True)).values("n"))
    return queryset.annotate(event_count=Coalesce(Subquery(counts, output_field=IntegerField()), 0))


MAP_CELL_DEGREES = 3


def event_clusters(queryset: QuerySet, cell: float = MAP_CELL_DEGREES) -> list[dict]:
    """The located events of a queryset grouped in cells of ``cell`` degrees: each cluster with its
    event count, mean position, a place name, how many places, and its cell as a bbox."""
    from django.db.models import Avg, Count, F, Max
    from django.db.models.functions import Floor

    rows = (queryset.order_by().exclude(lat=None).exclude(lon=None)
            .annotate(cy=Floor((F("lat") + 90) / cell), cx=Floor((F("lon") + 180) / cell))
            .values("cy", "cx").annotate(n=Count("id"), lat=Avg("lat"), lon=Avg("lon"), place=Max("location_name"),
                                         places=Count("location_name", distinct=True)))
    clusters = []
    for row in rows:
        south, west = row["cy"] * cell - 90, row["cx"] * cell - 180
        clusters.append({"events": row["n"], "lat": row["lat"], "lon": row["lon"], "place": row["place"] or "",
                         "places": row["places"],
                         "bbox": f"{max(south, -90):g},{max(west, -180):g},{min(south + cell, 90):g},"
                                 f"{min(west + cell, 180):g}"})
    return sorted(clusters, key=lambda c: -c["events"])
