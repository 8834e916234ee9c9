"""Dyad timelines, independent of where the events are stored.

A back end (``relations/db.py`` for the Django database, ``relations/parquet.py``
for DuckDB over the batch Parquet output) answers a ``DyadQuery`` with two
lists, and ``build_timeline`` turns them into a ``Timeline``:

1. aggregate rows, one per (period, quad class, theatre) group::

       AggregateRow(period=date(2020, 2, 1),   # start of the period, see period_start()
                    quad_class=4,              # 1..4
                    theatre="Syria",           # "" when the event has no theatre
                    events=12,                 # COUNT(*) of active events in the group
                    goldstein_sum=-84.0)       # SUM(goldstein) of those events

   In SQL: ``GROUP BY period, quad_class, theatre`` over the events of the
   dyad (either direction) whose ``date_start`` lies in [since, until], with
   the period computed by truncating ``date_start`` (weeks start on Monday,
   quarters in Jan/Apr/Jul/Oct). Rejected events are excluded; events without
   a date are left out.

2. top events, the most reported events of each period (``EventRef``), at most
   ``per_period`` per period, ordered by mentions, then |goldstein|, then id.

Both back ends must return the same rows for the same data, so both give the
same timeline. Mean Goldstein, the empty periods in between, the change points
(ruptures, on the mean-Goldstein series) and the summary are computed here.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from detente.errors import OptionError

PERIODS = ("week", "month", "quarter", "year")
# Acts the text says did not happen (denied, negated) or might happen
# (hypothetical) are kept and listed, but a relationship's timeline counts
# only what was reported as done, threatened or alleged.
UNCOUNTED_MODALITIES = ("denied", "hypothetical")
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation",
              3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class ActorFilter:
    """One side of a dyad: every given field must equal the event's actor field."""

    label: str
    country: str | None = None      # ISO 3166-1 alpha-3 (or IGO/region code)
    code: str | None = None         # CAMEO actor code, e.g. TURGOV
    name: str | None = None         # canonical actor name, e.g. "Recep Tayyip Erdogan"

    def fields(self) -> dict[str, str]:
        """The constraints as {"country"|"code"|"name": value}."""
        return {k: v for k, v in (("country", self.country), ("code", self.code),
                                  ("name", self.name)) if v}


@dataclass(frozen=True)
class DyadQuery:
    a: ActorFilter
    b: ActorFilter
    by: str = "month"
    theatre: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True, order=True)
class AggregateRow:
    period: dt.date
    quad_class: int
    theatre: str
    events: int
    goldstein_sum: float


@dataclass(frozen=True)
class EventRef:
    """An event cited by a timeline: enough to show it and link to its evidence."""

    event_id: int | str
    period: dt.date
    date: dt.date
    cameo: str
    quad_class: int
    goldstein: float
    source: str
    target: str
    sentence: str
    article_title: str = ""
    mentions: int = 1


@dataclass
class Period:
    start: dt.date
    counts: dict[int, int] = field(default_factory=lambda: {q: 0 for q in QUAD_NAMES})
    goldstein_sum: float = 0.0
    theatres: dict[str, int] = field(default_factory=dict)
    top_events: list[EventRef] = field(default_factory=list)

    @property
    def events(self) -> int:
        return sum(self.counts.values())

    @property
    def goldstein_mean(self) -> float | None:
        return self.goldstein_sum / self.events if self.events else None

    @property
    def net_cooperation(self) -> int:
        """Cooperative minus conflictual events."""
        return self.counts[1] + self.counts[2] - self.counts[3] - self.counts[4]


@dataclass(frozen=True)
class ChangePoint:
    """Relations shift at ``period``: mean Goldstein ``before`` -> ``after``."""

    period: dt.date
    before: float
    after: float
    events: tuple[EventRef, ...] = ()

    @property
    def direction(self) -> str:
        return "improved" if self.after > self.before else "worsened"


@dataclass
class Timeline:
    query: DyadQuery
    periods: list[Period]
    change_points: list[ChangePoint] = field(default_factory=list)
    summary: str = ""

    @property
    def events(self) -> int:
        return sum(p.events for p in self.periods)

    @property
    def theatres(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for period in self.periods:
            for name, count in period.theatres.items():
                totals[name] = totals.get(name, 0) + count
        return dict(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))

    def to_dict(self) -> dict:
        return {
            "a": self.query.a.label, "b": self.query.b.label, "by": self.query.by,
            "theatre": self.query.theatre, "events": self.events, "theatres": self.theatres,
            "periods": [period_dict(p) for p in self.periods],
            "change_points": [{"period": c.period.isoformat(), "before": round(c.before, 3),
                               "after": round(c.after, 3), "direction": c.direction,
                               "events": [ref_dict(e) for e in c.events]}
                              for c in self.change_points],
            "summary": self.summary,
        }


class TimelineBackend(Protocol):
    def aggregate_rows(self, query: DyadQuery) -> list[AggregateRow]: ...

    def top_events(self, query: DyadQuery, per_period: int) -> list[EventRef]: ...


def period_start(day: dt.date, by: str) -> dt.date:
    """First day of the week (Monday), month, quarter or year holding ``day``."""
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "quarter":
        return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if by == "year":
        return dt.date(day.year, 1, 1)
    raise OptionError(f"unknown period {by!r}: use one of {', '.join(PERIODS)}")


def next_period(start: dt.date, by: str) -> dt.date:
    if by == "week":
        return start + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    index = start.year * 12 + start.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def period_range(first: dt.date, last: dt.date, by: str) -> list[dt.date]:
    """Every period start from ``first``'s period to ``last``'s, inclusive."""
    starts, current, end = [], period_start(first, by), period_start(last, by)
    while current <= end:
        starts.append(current)
        current = next_period(current, by)
    return starts


def ref_dict(ref: EventRef) -> dict:
    return {"event_id": ref.event_id, "date": ref.date.isoformat(), "cameo": ref.cameo,
            "quad_class": ref.quad_class, "goldstein": ref.goldstein, "source": ref.source,
            "target": ref.target, "sentence": ref.sentence, "article_title": ref.article_title,
            "mentions": ref.mentions}


def period_dict(period: Period) -> dict:
    mean = period.goldstein_mean
    return {"period": period.start.isoformat(), "events": period.events,
            **{f"quad{q}": n for q, n in period.counts.items()},
            "goldstein_sum": round(period.goldstein_sum, 3),
            "goldstein_mean": None if mean is None else round(mean, 3),
            "net_cooperation": period.net_cooperation, "theatres": dict(period.theatres),
            "top_events": [ref_dict(e) for e in period.top_events]}


def assemble_periods(rows: list[AggregateRow], refs: list[EventRef], query: DyadQuery) -> list[Period]:
    """Fold aggregate rows into periods, filling the empty periods in between."""
    by_start: dict[dt.date, Period] = {}
    for row in rows:
        period = by_start.setdefault(row.period, Period(row.period))
        period.counts[row.quad_class] = period.counts.get(row.quad_class, 0) + row.events
        period.goldstein_sum += row.goldstein_sum
        if row.theatre:
            period.theatres[row.theatre] = period.theatres.get(row.theatre, 0) + row.events
    for ref in refs:
        if ref.period in by_start:
            by_start[ref.period].top_events.append(ref)
    if not by_start:
        return []
    first = query.since or min(by_start)
    last = query.until or max(by_start)
    return [by_start.get(start) or Period(start) for start in period_range(first, last, query.by)]


def _noise_variance(values: np.ndarray) -> float:
    """Robust noise variance from first differences (insensitive to the shifts themselves).

    Floored at 1 Goldstein point squared: smaller shifts are not turning points.
    """
    diffs = np.abs(np.diff(values))
    sigma = float(np.median(diffs)) / (0.6745 * math.sqrt(2))
    return max(sigma * sigma, 1.0)


def change_point_indices(values: list[float], min_size: int = 2, penalty: float | None = None) -> list[int]:
    """Indices where a new regime starts; [] for short or flat series.

    ruptures' KernelCPD with a linear kernel: the exact penalised optimum of
    the L2 (mean-shift) cost, as Pelt would find, but computed in C.
    """
    import ruptures

    series = np.asarray(values, dtype=float).reshape(-1, 1)
    if len(series) < 2 * min_size + 1 or float(np.ptp(series)) == 0.0:
        return []
    pen = penalty if penalty is not None else 3.0 * math.log(len(series)) * _noise_variance(series[:, 0])
    breaks = ruptures.KernelCPD(kernel="linear", min_size=min_size).fit(series).predict(pen=pen)
    return [int(b) for b in breaks if 0 < b < len(series)]


def _segment_mean(values: list[float], start: int, end: int) -> float:
    return float(np.mean(values[start:end]))


def find_change_points(periods: list[Period]) -> list[ChangePoint]:
    """Turning points of the mean-Goldstein series over the periods that have events.

    Empty periods are skipped rather than read as neutral: news coverage is
    sparse, and a quiet month is not a month of neutral relations.
    """
    active = [i for i, p in enumerate(periods) if p.events]
    values = [periods[i].goldstein_mean for i in active]
    indices = change_point_indices(values)
    bounds = [0, *indices, len(values)]
    points = []
    for i, index in enumerate(indices):
        before = _segment_mean(values, bounds[i], index)
        after = _segment_mean(values, index, bounds[i + 2])
        period = periods[active[index]]
        points.append(ChangePoint(period.start, before, after, tuple(period.top_events[:2])))
    return points


def build_timeline(rows: list[AggregateRow], refs: list[EventRef], query: DyadQuery) -> Timeline:
    from .summary import summarize

    periods = assemble_periods(rows, refs, query)
    timeline = Timeline(query, periods, find_change_points(periods))
    timeline.summary = summarize(timeline)
    return timeline


def timeline_for(backend: TimelineBackend, query: DyadQuery, per_period: int = 3) -> Timeline:
    """Ask a back end for the rows of ``query`` and build the timeline."""
    if query.by not in PERIODS:
        raise OptionError(f"unknown period {query.by!r}: use one of {', '.join(PERIODS)}")
    return build_timeline(backend.aggregate_rows(query), backend.top_events(query, per_period), query)
