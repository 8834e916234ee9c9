"""The Django back end of dyad timelines: aggregation done in SQL.

One ``GROUP BY period, theatre`` query (a count and a Goldstein sum per quad
class) over the dyad's active events (the period is ``date_start`` truncated with Django's Trunc functions,
which work on SQLite and PostgreSQL), and one query for the most reported
events. For two countries the filter is the indexed ``dyad`` column, and the
``event_dyad_timeline`` index (dyad, status, date_start, quad_class, goldstein,
theatre, mention_count, id, modality) holds every column both queries read.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Count, DateField, F, Func, Q, Sum, Window
from django.db.models.functions import Abs, Cast, Coalesce, RowNumber, TruncMonth, TruncQuarter, TruncWeek, TruncYear

from detente.store.actors import dyad_q
from detente.store.models import Event, EventMention
from detente.store.queries import span_q

from .timeline import UNCOUNTED_MODALITIES, AggregateRow, DyadQuery, EventRef, period_start

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


class DatabaseBackend:
    """Timeline rows from the Django database (``relations.timeline.TimelineBackend``)."""

    def aggregate_rows(self, query: DyadQuery) -> list[AggregateRow]:
        """One GROUP BY (period, theatre) query with a count and a Goldstein sum per quad class.

        Four times fewer rows travel than with quad_class in the GROUP BY; they
        are read straight from the cursor and expanded into the row schema.
        """
        sql, params = _grouped(query).query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            names = [column[0] for column in cursor.description]
            grouped = [dict(zip(names, values)) for values in cursor.fetchall()]
        return sorted(row for group in grouped for row in _expand(group))

    def top_events(self, query: DyadQuery, per_period: int) -> list[EventRef]:
        """The ``per_period`` most reported events of each period.

        Ranked with a window function over indexed columns only, then the
        chosen events (a few per period) are fetched by primary key.
        """
        trunc = PeriodStart("date_start", query.by)
        rank = Window(RowNumber(), partition_by=[trunc],
                      order_by=[F("mention_count").desc(), Abs("goldstein").desc(), F("id").asc()])
        ids = list(dyad_events(query).annotate(rank=rank).filter(rank__lte=per_period)
                   .values_list("id", flat=True))
        rows = list(Event.objects.filter(id__in=ids).order_by("date_start", "id")
                    .values("id", "date_start", "cameo", "quad_class", "goldstein", "source_name",
                            "target_name", "mention_count"))
        return [_ref(row, query.by, evidence) for row, evidence in zip(rows, _evidence(rows))]


QUADS = (1, 2, 3, 4)


def _grouped(query: DyadQuery):
    per_quad = {}
    for quad in QUADS:
        per_quad[f"n{quad}"] = Count("quad_class", filter=Q(quad_class=quad))
        per_quad[f"g{quad}"] = Coalesce(Sum("goldstein", filter=Q(quad_class=quad)), 0.0)
    return (dyad_events(query).order_by()
            .annotate(period=PeriodStart("date_start", query.by))
            .values("period", "theatre").annotate(**per_quad))


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
