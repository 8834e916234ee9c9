"""The Django back end of dyad timelines: aggregation done in SQL, or read from tallies kept on write.

For two countries with no date bounds (the site's relationship pages), the
database keeps the answer ready (store migration 0009): ``PeriodTally`` holds
each relationship's events and Goldstein sums per week or month, theatre and
quad class, and ``PeriodTop`` its three most reported events per week or month
(in all theatres and per theatre). Quarters and years add up months, and their
top events are the best of their months' (a quarter's three best are among
its months' three best). So a timeline reads a few hundred rows, whatever the
number of events.

Otherwise (people, groups, date bounds) the events themselves are read: one
``GROUP BY period, theatre`` query (a count and a Goldstein sum per quad class)
over the dyad's active events, and one window query for the most reported
events. For two countries the filter is the indexed ``dyad`` column, and the
``event_dyad_timeline`` index (dyad, status, date_start, quad_class, goldstein,
theatre, mention_count, id, modality) holds every column both queries read.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Count, DateField, F, Func, Q, Sum, Window
from django.db.models.functions import Abs, Cast, Coalesce, RowNumber, TruncMonth, TruncQuarter, TruncWeek, TruncYear

from detente.store.actors import country_dyad, dyad_q
from detente.store.models import Event, EventMention, PeriodTally, PeriodTop
from detente.store.queries import span_q

from .series import UNCOUNTED_MODALITIES, AggregateRow, DyadQuery, EventRef, period_start

TRUNC = {"week": TruncWeek, "month": TruncMonth, "quarter": TruncQuarter, "year": TruncYear}


class PeriodStart(Func):
    """The first day of the week (Monday), month, quarter or year holding a date column.

    Django's Trunc everywhere but on SQLite, where Trunc calls back into Python for
    every row (most of a big dyad's timeline time): there SQLite's own date functions
    on the stored 'YYYY-MM-DD' text do it.
    """

    output_field = DateField()
    SQLITE = {
        "week": "date(%(expressions)s, '-6 days', 'weekday 1')",
        "month": "date(%(expressions)s, 'start of month')",
        "quarter": "date(substr(%(expressions)s, 1, 5) || CASE WHEN substr(%(expressions)s, 6, 2) < '04' THEN '01' "
                   "WHEN substr(%(expressions)s, 6, 2) < '07' THEN '04' WHEN substr(%(expressions)s, 6, 2) < '10' "
                   "THEN '07' ELSE '10' END || '-01')",
        "year": "date(%(expressions)s, 'start of year')",
    }

    def __init__(self, column: str, by: str):
        super().__init__(F(column))
        self.by = by

    def as_sql(self, compiler, connection, **extra):
        return compiler.compile(Cast(TRUNC[self.by](self.source_expressions[0]), DateField()))

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template=self.SQLITE[self.by], **extra)


def _as_date(value) -> dt.date:
    """A truncated period as the database driver returns it (datetime, date or ISO text)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value


def dyad_events(query: DyadQuery):
    """The active, dated, counted events of the query's dyad (either direction), theatre and range."""
    conditions = dyad_q(query.a, query.b) & Q(status=Event.Status.ACTIVE, date_start__isnull=False)
    conditions &= ~Q(modality__in=UNCOUNTED_MODALITIES) & span_q(query.since, query.until, query.theatre)
    return Event.objects.filter(conditions)


TALLIED_TOP = 3  # events per group that PeriodTop keeps


def tallied_dyad(query: DyadQuery) -> str | None:
    """The dyad whose tallies answer ``query`` (two countries, no date bounds), else None."""
    if query.since or query.until:
        return None
    return country_dyad(query.a, query.b)


def tally_unit(by: str) -> str:
    """The tallied period a timeline period is made of: weeks of weeks, the others of months."""
    return "week" if by == "week" else "month"


class DatabaseBackend:
    """Timeline rows from the Django database (``relations.timeline.TimelineBackend``)."""

    def aggregate_rows(self, query: DyadQuery) -> list[AggregateRow]:
        """Counts and Goldstein sums per (period, quad class, theatre): from the tallies when they
        answer the query, else one GROUP BY (period, theatre) query over the events with a count
        and a sum per quad class (four times fewer rows travel than with quad_class grouped)."""
        dyad = tallied_dyad(query)
        grouped = _tallied_groups(query, dyad) if dyad else _grouped_rows(query)
        return sorted(row for group in grouped for row in _expand(group))

    def top_events(self, query: DyadQuery, per_period: int) -> list[EventRef]:
        """The ``per_period`` most reported events of each period: the best of the tallied candidates
        (read with their events, in one query), else ranked by a window query and fetched by primary key."""
        dyad = tallied_dyad(query)
        if dyad and per_period <= TALLIED_TOP:
            rows = _best(_tallied_candidates(query, dyad), query.by, per_period)
        else:
            rows = list(Event.objects.filter(id__in=_ranked_top_ids(query, per_period)).values(*REF_FIELDS))
        rows.sort(key=lambda row: (row["date_start"], row["id"]))
        return [_ref(row, query.by, evidence) for row, evidence in zip(rows, _evidence(rows))]


REF_FIELDS = ("id", "date_start", "cameo", "quad_class", "goldstein", "source_name", "target_name", "mention_count")


def _ranked_top_ids(query: DyadQuery, per_period: int) -> list[int]:
    """Ranked with a window function over indexed columns only."""
    trunc = PeriodStart("date_start", query.by)
    rank = Window(RowNumber(), partition_by=[trunc],
                  order_by=[F("mention_count").desc(), Abs("goldstein").desc(), F("id").asc()])
    return list(dyad_events(query).annotate(rank=rank).filter(rank__lte=per_period).values_list("id", flat=True))


def _tallied_candidates(query: DyadQuery, dyad: str) -> list[dict]:
    """The events PeriodTop keeps for the query's weeks or months (in its theatre, or in all)."""
    tops = PeriodTop.objects.filter(dyad=dyad, unit=tally_unit(query.by))
    tops = tops.filter(scope__iexact=query.theatre) if query.theatre else tops.filter(scope="")
    return list(Event.objects.filter(id__in=tops.values("event_id")).values(*REF_FIELDS))


def _best(rows: list[dict], by: str, per_period: int) -> list[dict]:
    """The best ``per_period`` rows of each period (a quarter's among its months' best), ranked as
    timelines rank: most mentions, then largest |Goldstein|, then lowest id."""
    periods: dict[dt.date, list] = {}
    for row in rows:
        periods.setdefault(period_start(row["date_start"], by), []).append(row)
    return [row for group in periods.values()
            for row in sorted(group, key=lambda r: (-r["mention_count"], -abs(r["goldstein"]), r["id"]))[:per_period]]


QUADS = (1, 2, 3, 4)
GROUP_COLUMNS = ("period", "theatre", *(f"{x}{q}" for x in "ng" for q in QUADS))


def _grouped_rows(query: DyadQuery) -> list[dict]:
    """Per (period, theatre): n1..n4 and g1..g4, counted over the events."""
    per_quad = {}
    for quad in QUADS:
        per_quad[f"n{quad}"] = Count("quad_class", filter=Q(quad_class=quad))
        per_quad[f"g{quad}"] = Coalesce(Sum("goldstein", filter=Q(quad_class=quad)), 0.0)
    grouped = (dyad_events(query).order_by().annotate(period=PeriodStart("date_start", query.by))
               .values("period", "theatre").annotate(**per_quad))
    sql, params = grouped.query.sql_with_params()
    with connection.cursor() as cursor:  # read straight from the cursor: no model machinery per row
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, values)) for values in cursor.fetchall()]


def _tallied_groups(query: DyadQuery, dyad: str) -> list[dict]:
    """Per (period, theatre): n1..n4 and g1..g4, added up from the week or month tallies."""
    rows = PeriodTally.objects.filter(dyad=dyad, unit=tally_unit(query.by))
    if query.theatre:
        rows = rows.filter(theatre__iexact=query.theatre)
    groups: dict[tuple, dict] = {}
    for period, theatre, *values in rows.values_list(*GROUP_COLUMNS):
        if not any(values[:4]):
            continue
        key = (period_start(_as_date(period), query.by), theatre)
        group = groups.get(key)
        if group is None:
            groups[key] = dict(zip(GROUP_COLUMNS, (*key, *values)))
        else:
            for name, value in zip(GROUP_COLUMNS[2:], values):
                group[name] += value
    return list(groups.values())


def _expand(group: dict) -> list[AggregateRow]:
    period, theatre = _as_date(group["period"]), group["theatre"] or ""
    return [AggregateRow(period, quad, theatre, group[f"n{quad}"], float(group[f"g{quad}"]))
            for quad in QUADS if group[f"n{quad}"]]


def _evidence(rows: list[dict]) -> list[tuple[str, str]]:
    """(sentence, article title) of the first mention of each event."""
    first: dict[int, tuple[str, str]] = {}
    mentions = (EventMention.objects.filter(event_id__in=[r["id"] for r in rows])
                .order_by("event_id", "id").values_list("event_id", "sentence", "article__title"))
    for event_id, sentence, title in mentions:
        first.setdefault(event_id, (sentence, title))
    return [first.get(r["id"], ("", "")) for r in rows]


def _ref(row: dict, by: str, evidence: tuple[str, str]) -> EventRef:
    return EventRef(event_id=row["id"], period=period_start(row["date_start"], by), date=row["date_start"],
                    cameo=row["cameo"], quad_class=row["quad_class"], goldstein=row["goldstein"],
                    source=row["source_name"], target=row["target_name"], sentence=evidence[0],
                    article_title=evidence[1], mentions=row["mention_count"])
