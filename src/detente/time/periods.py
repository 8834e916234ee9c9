"""Calendar arithmetic on periods: a start date, an end date and a granularity."""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    granularity: str

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlap(self, other: Period) -> Period | None:
        start, end = max(self.start, other.start), min(self.end, other.end)
        if start > end:
            return None
        narrower = self if self.days <= other.days else other
        return Period(start, end, narrower.granularity)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def day(date: dt.date) -> Period:
    return Period(date, date, "day")


def month(year: int, number: int) -> Period:
    last = calendar.monthrange(year, number)[1]
    return Period(dt.date(year, number, 1), dt.date(year, number, last), "month")


def year(number: int) -> Period:
    return Period(dt.date(number, 1, 1), dt.date(number, 12, 31), "year")


def years(first: int, last: int) -> Period:
    first, last = min(first, last), max(first, last)
    if first == last:
        return year(first)
    return Period(dt.date(first, 1, 1), dt.date(last, 12, 31), "multi-year")


def decade(first_year: int) -> Period:
    return replace(years(first_year, first_year + 9), granularity="multi-year")


def week(date: dt.date) -> Period:
    monday = date - dt.timedelta(days=date.weekday())
    return Period(monday, monday + dt.timedelta(days=6), "day")


def season(number: int, months: tuple[int, int]) -> Period:
    """The season ``months`` (first, last month) of year ``number``; winter starts the year before."""
    first, last = months
    start_year = number - 1 if first > last else number
    end = month(number, last).end
    return Period(dt.date(start_year, first, 1), end, "season")


def window(anchor: dt.date, days: int) -> Period:
    """``days`` before (negative) or after (positive) ``anchor``, anchor included."""
    other = anchor + dt.timedelta(days=days)
    return Period(min(anchor, other), max(anchor, other), granularity_of(abs(days) + 1))


def granularity_of(days: int) -> str:
    """The coarsest granularity a vague span of ``days`` fits in."""
    for limit, name in ((10, "day"), (62, "month"), (122, "season"), (366, "year")):
        if days <= limit:
            return name
    return "multi-year"


def add_months(date: dt.date, count: int) -> dt.date:
    index = date.year * 12 + date.month - 1 + count
    number_year, number_month = divmod(index, 12)
    last = calendar.monthrange(number_year, number_month + 1)[1]
    return dt.date(number_year, number_month + 1, min(date.day, last))


def unit_period(unit: str, date: dt.date) -> Period:
    """The calendar ``unit`` (day, week, month, year, decade) containing ``date``."""
    if unit == "day":
        return day(date)
    if unit == "week":
        return week(date)
    if unit == "month":
        return month(date.year, date.month)
    if unit == "decade":
        return decade(date.year - date.year % 10)
    return year(date.year)


def shift(date: dt.date, unit: str, count: int) -> dt.date:
    """``date`` moved by ``count`` units (negative: back in time)."""
    if unit == "day":
        return date + dt.timedelta(days=count)
    if unit == "week":
        return date + dt.timedelta(weeks=count)
    if unit == "month":
        return add_months(date, count)
    factor = 120 if unit == "decade" else 12
    return add_months(date, count * factor)


def part(period: Period, fraction: tuple[float, float]) -> Period:
    """The share ``fraction`` (e.g. 0.0-0.4 for 'early') of ``period``; of a span of whole
    years ('the mid-1990s') in whole years."""
    if period.granularity == "multi-year" and (period.start.month, period.start.day) == (1, 1):
        return _part_in_years(period, fraction)
    span = period.days - 1
    start = period.start + dt.timedelta(days=round(span * fraction[0]))
    end = period.start + dt.timedelta(days=round(span * fraction[1]))
    return Period(start, end, granularity_of((end - start).days + 1))


def _part_in_years(period: Period, fraction: tuple[float, float]) -> Period:
    count = period.end.year - period.start.year + 1
    first = period.start.year + math.floor(count * fraction[0])
    last = max(first, period.start.year + math.ceil(count * fraction[1]) - 1)
    return Period(dt.date(first, 1, 1), dt.date(last, 12, 31), "multi-year" if last > first else "year")


def clip(period: Period, latest: dt.date) -> Period | None:
    """``period`` cut so it ends by ``latest``; None when it starts after it."""
    if period.start > latest:
        return None
    if period.end <= latest:
        return period
    return replace(period, end=latest)
