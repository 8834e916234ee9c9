"""The back-end-free timeline core: periods, means, change points, summary."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from detente.errors import OptionError
from detente.relations.timeline import (
    ActorFilter,
    AggregateRow,
    DyadQuery,
    EventRef,
    build_timeline,
    change_point_indices,
    period_range,
    period_start,
)

QUERY = DyadQuery(ActorFilter("Turkey", country="TUR"), ActorFilter("Russia", country="RUS"))


@pytest.mark.parametrize("by,day,start", [
    ("week", "2020-02-27", "2020-02-24"), ("month", "2020-02-27", "2020-02-01"),
    ("quarter", "2020-02-27", "2020-01-01"), ("quarter", "2020-11-30", "2020-10-01"),
    ("year", "2020-02-27", "2020-01-01"),
])
def test_period_start_truncates_to_the_period(by, day, start):
    assert period_start(dt.date.fromisoformat(day), by).isoformat() == start


def test_unknown_period_is_an_option_error():
    with pytest.raises(OptionError):
        period_start(dt.date(2020, 1, 1), "decade")


def test_period_range_crosses_year_ends():
    assert period_range(dt.date(2019, 11, 5), dt.date(2020, 2, 1), "month") == [
        dt.date(2019, 11, 1), dt.date(2019, 12, 1), dt.date(2020, 1, 1), dt.date(2020, 2, 1)]


def test_empty_periods_between_events_are_filled_with_zero_counts():
    rows = [AggregateRow(dt.date(2020, 1, 1), 1, "", 2, 6.0), AggregateRow(dt.date(2020, 4, 1), 4, "", 1, -10.0)]
    timeline = build_timeline(rows, [], QUERY)
    assert [p.events for p in timeline.periods] == [2, 0, 0, 1]


def test_rows_of_one_period_add_up_per_quad_class_and_theatre():
    day = dt.date(2020, 1, 1)
    rows = [AggregateRow(day, 4, "Syria", 3, -27.0), AggregateRow(day, 4, "Libya", 1, -10.0),
            AggregateRow(day, 1, "", 2, 4.0)]
    period = build_timeline(rows, [], QUERY).periods[0]
    assert (period.counts, period.goldstein_sum, period.goldstein_mean, period.theatres) == \
        ({1: 2, 2: 0, 3: 0, 4: 4}, -33.0, -5.5, {"Syria": 3, "Libya": 1})


def _series(values: list[float]) -> list[AggregateRow]:
    start = dt.date(2015, 1, 1)
    return [AggregateRow(dt.date(start.year + i // 12, i % 12 + 1, 1), 1 if v > 0 else 4, "", 2, 2 * v)
            for i, v in enumerate(values)]


def test_change_point_found_at_an_obvious_break():
    rng = random.Random(7)
    values = [4 + rng.uniform(-1, 1) for _ in range(18)] + [-6 + rng.uniform(-1, 1) for _ in range(18)]
    timeline = build_timeline(_series(values), [], QUERY)
    assert [(c.period, c.direction) for c in timeline.change_points] == [(dt.date(2016, 7, 1), "worsened")]


def test_no_change_point_in_a_noisy_flat_series():
    rng = random.Random(3)
    values = [2 + rng.uniform(-1, 1) for _ in range(36)]
    assert build_timeline(_series(values), [], QUERY).change_points == []


@pytest.mark.parametrize("values", [[], [1.0], [1.0, -5.0, 3.0], [2.0] * 10])
def test_short_or_flat_series_have_no_change_points(values):
    assert change_point_indices(values) == []


def test_summary_cites_the_events_behind_the_turning_point():
    values = [5.0] * 12 + [-8.0] * 12
    refs = [EventRef(99, dt.date(2016, 1, 1), dt.date(2016, 1, 9), "190", 4, -10.0, "Turkey", "Russia",
                     "Turkish jets shot down a Russian bomber.")]
    timeline = build_timeline(_series(values), refs, QUERY)
    assert 'event #99 (2016-01-09: "Turkish jets shot down a Russian bomber.")' in timeline.summary


def test_summary_of_an_empty_timeline_says_so():
    assert build_timeline([], [], QUERY).summary.startswith("No events between Turkey and Russia")


def test_quiet_periods_between_steady_cooperation_are_not_turning_points():
    rows = [AggregateRow(dt.date(2015 + i // 12, i % 12 + 1, 1), 1, "", 2, 2 * (3.0 + 0.1 * (i % 2)))
            for i in range(0, 48, 4)]
    assert build_timeline(rows, [], QUERY).change_points == []
