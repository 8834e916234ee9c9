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

import numpy as np
import ruptures

from detente.errors import OptionError
from detente.records.filters import ActorFilter

from .series import (
    PERIODS,
    QUAD_NAMES,
    UNCOUNTED_MODALITIES,
    AggregateRow,
    ChangePoint,
    DyadQuery,
    EventRef,
    Timeline,
    TimelineBackend,
    TimelinePeriod,
    next_period,
    period_dict,
    period_range,
    period_start,
    ref_dict,
)
from .summary import summarize

__all__ = ["ActorFilter", "QUAD_NAMES", "AggregateRow", "ChangePoint", "DyadQuery", "EventRef", "PERIODS",
           "TimelinePeriod", "Timeline", "TimelineBackend", "UNCOUNTED_MODALITIES", "next_period", "period_dict",
           "period_range", "period_start", "ref_dict", "assemble_periods", "build_timeline",
           "change_point_indices", "find_change_points", "timeline_for"]


def assemble_periods(rows: list[AggregateRow], refs: list[EventRef], query: DyadQuery) -> list[TimelinePeriod]:
    """Fold aggregate rows into periods, filling the empty periods in between."""
    by_start: dict[dt.date, TimelinePeriod] = {}
    for row in rows:
        period = by_start.setdefault(row.period, TimelinePeriod(row.period))
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
    return [by_start.get(start) or TimelinePeriod(start) for start in period_range(first, last, query.by)]


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
    series = np.asarray(values, dtype=float).reshape(-1, 1)
    if len(series) < 2 * min_size + 1 or float(np.ptp(series)) == 0.0:
        return []
    pen = penalty if penalty is not None else 3.0 * math.log(len(series)) * _noise_variance(series[:, 0])
    breaks = ruptures.KernelCPD(kernel="linear", min_size=min_size).fit(series).predict(pen=pen)
    return [int(b) for b in breaks if 0 < b < len(series)]


def _segment_mean(values: list[float], start: int, end: int) -> float:
    return float(np.mean(values[start:end]))


def find_change_points(periods: list[TimelinePeriod]) -> list[ChangePoint]:
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
    periods = assemble_periods(rows, refs, query)
    timeline = Timeline(query, periods, find_change_points(periods))
    timeline.summary = summarize(timeline)
    return timeline


def timeline_for(backend: TimelineBackend, query: DyadQuery, per_period: int = 3) -> Timeline:
    """Ask a back end for the rows of ``query`` and build the timeline."""
    if query.by not in PERIODS:
        raise OptionError(f"unknown period {query.by!r}: use one of {', '.join(PERIODS)}")
    return build_timeline(backend.aggregate_rows(query), backend.top_events(query, per_period), query)
