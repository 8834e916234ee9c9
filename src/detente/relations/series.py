"""What a dyad timeline is made of: the query, the rows a back end answers with, periods,
change points and the timeline itself, and how periods are cut (``period_start``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from detente.errors import OptionError
from detente.events.cameo import QUAD_CLASSES as QUAD_NAMES
from detente.records.filters import ActorFilter

PERIODS = ("week", "month", "quarter", "year")
# Acts the text says did not happen (denied, negated) or might happen
# (hypothetical) are kept and listed, but a relationship's timeline counts
# only what was reported as done, threatened or alleged.
UNCOUNTED_MODALITIES = ("denied", "hypothetical")


@dataclass(frozen=True)
class DyadQuery:
    a: ActorFilter
    b: ActorFilter
    by: str = "month"
    theatre: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


class AggregateRow(NamedTuple):
    """One (period, quad class, theatre) group; a tuple, so compared and sorted field by field (a busy
    relationship has thousands: a named tuple is made and compared several times faster than a dataclass)."""

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
class TimelinePeriod:
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
    periods: list[TimelinePeriod]
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


def period_dict(period: TimelinePeriod) -> dict:
    mean = period.goldstein_mean
    return {"period": period.start.isoformat(), "events": period.events,
            **{f"quad{q}": n for q, n in period.counts.items()},
            "goldstein_sum": round(period.goldstein_sum, 3),
            "goldstein_mean": None if mean is None else round(mean, 3),
            "net_cooperation": period.net_cooperation, "theatres": dict(period.theatres),
            "top_events": [ref_dict(e) for e in period.top_events]}
