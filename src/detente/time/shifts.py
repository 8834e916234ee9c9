"""Rules for shifts from an anchor: 'two years ago', 'a week later', 'last week', 'the following
year', 'the past five years', 'recently', and anaphors ('at the time', 'then')."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from . import periods
from .periods import Period
from .readings import SOME, Reading, anchor_of, basis_of, count_of, strip_leads, words
from .vocabulary import vocabulary


def offset_rule(tokens, context):
    """'two years ago', 'a week later', 'the year before', 'two or three years ago'."""
    table = vocabulary()
    if len(tokens) < 2 or tokens[-1] not in table["offsets"] or tokens[-2] not in table["units"]:
        return None
    count = count_of(tokens[:-2]) if tokens[:-2] or not tokens[-2].endswith("s") else SOME
    if count is None:
        return None
    unit = table["units"][tokens[-2]]
    sign = table["offsets"][tokens[-1]]
    kind = {"ago": "article", "earlier": "story", "before": "story"}.get(tokens[-1], "narrative")
    anchor = anchor_of(kind, context)
    if anchor is None:
        return None
    low, high = sorted((sign * count[0], sign * count[1]))
    return Reading(_shifted(anchor, unit, low, high), basis_of(kind, context))


def _shifted(anchor: Period, unit: str, low: int, high: int) -> Period:
    start, end = periods.shift(anchor.start, unit, low), periods.shift(anchor.end, unit, high)
    if _UNIT_DAYS[unit] * 2 < anchor.days:
        return Period(start, end, anchor.granularity)
    if unit in ("day", "week") and anchor.granularity == "day":
        return Period(start, end, periods.granularity_of((end - start).days + 1))
    first, last = periods.unit_period(unit, start), periods.unit_period(unit, end)
    if first == last:
        return first
    granularity = "multi-year" if first.start.year != last.end.year else \
        periods.granularity_of((last.end - first.start).days + 1)
    return Period(first.start, last.end, granularity)


_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}


def unit_rule(tokens, context):
    """'last week', 'the following year', 'next month', 'the past five years', 'that day'."""
    table = vocabulary()
    if len(tokens) < 2 or tokens[0] not in table["shifts"] or tokens[-1] not in table["units"]:
        return None
    unit = table["units"][tokens[-1]]
    middle = [word for word in tokens[1:-1] if word not in table["shifts"]]  # 'that same year'
    plural = tokens[-1] != unit
    if middle or plural or tokens[0] == "past":
        count = count_of(middle) if middle else (SOME if plural else (1, 1))
        return _window(tokens[0], unit, count, context) if count else None
    offset, kind = table["shifts"][tokens[0]]
    anchor = anchor_of(kind, context)
    if anchor is None:
        return None
    period = periods.unit_period(unit, periods.shift(anchor.start, unit, offset))
    return Reading(period, basis_of(kind, context))


def _window(word, unit, count, context):
    """'the past five years', 'the next two weeks', 'the following months': a span that
    starts or ends at the anchor (the article date, or the narrative time for 'following')."""
    offset, kind = vocabulary()["shifts"][word]
    anchor = anchor_of(kind, context)
    if anchor is None:
        return None
    if offset > 0:
        start = anchor.end + dt.timedelta(days=1)
        end = periods.shift(anchor.end, unit, count[1])
    else:
        start, end = periods.shift(anchor.start, unit, -count[1]), anchor.end
    days = (end - start).days + 1
    granularity = "multi-year" if days > 366 else periods.granularity_of(days)
    return Reading(Period(start, end, granularity), basis_of(kind, context))


def window_rule(tokens, context):
    """'recently', 'in recent weeks', 'the past few years', 'in the coming months'."""
    table = vocabulary()["windows"]
    phrase = " ".join(tokens)
    if phrase not in table or context.article is None:
        return None
    return Reading(periods.window(context.article, table[phrase]), "relative")


def anaphor_rule(tokens, context):
    """'at the time', 'then', 'by then': the narrative time itself."""
    if context.narrative is None or " ".join(tokens) not in _anaphor_phrases():
        return None
    return Reading(context.narrative, "context")


@lru_cache(maxsize=1)
def _anaphor_phrases() -> frozenset[str]:
    return frozenset(" ".join(strip_leads(words(phrase))) for phrase in vocabulary()["anaphors"])
