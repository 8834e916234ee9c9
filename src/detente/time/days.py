"""Rules for years, decades and days: '2015', 'the 1990s', 'yesterday', 'on Wednesday',
'over the weekend', 'this morning', 'on the 5th', 'the year'."""

from __future__ import annotations

import datetime as dt

from . import periods
from .periods import Period
from .readings import Context, Reading, anchor_of, basis_of, year_of
from .vocabulary import vocabulary


def bare_unit_rule(tokens, context):
    """'the year', 'the month' (as in 'by the end of the year'): the one being told, else the current one."""
    units = vocabulary()["units"]
    if len(tokens) != 1 or units.get(tokens[0]) != tokens[0]:
        return None
    anchor = anchor_of("story", context)
    if anchor is None:
        return None
    return Reading(periods.unit_period(tokens[0], anchor.start), basis_of("story", context))


def day_of_month_rule(tokens, context):
    """'on the 5th': that day of the month being told, else of the latest month up to the article."""
    if len(tokens) != 1 or not tokens[0][:-2].isdigit() or tokens[0][-2:] not in ("st", "nd", "rd", "th"):
        return None
    number = int(tokens[0][:-2])
    narrative = context.narrative
    if narrative is not None and narrative.granularity in ("month", "day"):
        month, basis = narrative.start, "context"
    elif context.article is not None:
        month, basis = context.article, "relative"
        if number > month.day and not context.future:
            month = periods.add_months(month.replace(day=1), -1)
    else:
        return None
    try:
        return Reading(periods.day(month.replace(day=number)), basis)
    except ValueError:
        return None


def decade_rule(tokens, context):
    """'the 1990s', "the '90s"."""
    if len(tokens) != 1:
        return None
    token = tokens[0].replace("'s", "s").lstrip("'")
    digits = token[:-1]
    if not token.endswith("s") or not digits.isdigit():
        return None
    if len(digits) == 4 and int(digits) % 10 == 0:
        return Reading(periods.decade(int(digits)), "explicit")
    if len(digits) == 2 and int(digits) % 10 == 0:
        century = 1900 if int(digits) >= 30 else 2000
        return Reading(periods.decade(century + int(digits)), "explicit")
    return None


def year_rule(tokens, context):
    """'2015', 'the year 2015'."""
    rest = [token for token in tokens if token != "year"]
    if len(rest) == 1 and year_of(rest) is not None:
        return Reading(periods.year(year_of(rest)), "explicit")
    return None


def numeric_day_rule(tokens, context):
    """'16/02', '16.02', '2/16' (no year): day and month, or month and day when the second
    number cannot be a month; the latest such day up to the article date (the next one in
    the future tense)."""
    numbers = [token for token in tokens if token != "/"]
    if context.article is None or len(numbers) != 2 or len(tokens) > 3 \
            or not all(n.isdigit() and len(n) <= 2 for n in numbers):
        return None
    first, second = int(numbers[0]), int(numbers[1])
    day_number, month = (second, first) if second > 12 else (first, second)
    return _latest_day(month, day_number, context)


def _latest_day(month: int, day_number: int, context: Context) -> Reading | None:
    today = context.article
    for year in ((today.year, today.year + 1) if context.future else (today.year, today.year - 1)):
        try:
            date = dt.date(year, month, day_number)
        except ValueError:
            return None
        if (date >= today) if context.future else (date <= today):
            return Reading(periods.day(date), "relative")
    return None


def day_word_rule(tokens, context):
    """'yesterday', 'today', 'tomorrow' (also 'yesterday morning')."""
    table = vocabulary()["day_words"]
    if tokens[0] not in table or context.article is None:
        return None
    date = context.article + dt.timedelta(days=table[tokens[0]])
    return Reading(periods.day(date), "relative")


def weekday_rule(tokens, context):
    """'on Wednesday', 'last Friday', 'next Monday': the nearest such day around the article date."""
    weekdays = vocabulary()["weekdays"]
    found = [token for token in tokens if token in weekdays]
    if not found or context.article is None or len(tokens) > 3:
        return None
    date = _weekday_date(weekdays[found[0]], tokens[0], context)
    return Reading(periods.day(date), "relative")


def _weekday_date(weekday: int, word: str, context: Context) -> dt.date:
    """A bare weekday is the latest such day up to the article date (the day itself
    included: news says 'on Tuesday' for the day it is published); 'last' excludes it;
    'next' or the future tense look ahead."""
    today = context.article
    ahead = (today.weekday() - weekday) % 7
    if context.future or word in ("next", "coming"):
        return today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)
    if word == "last":
        return today - dt.timedelta(days=ahead or 7)
    return today - dt.timedelta(days=ahead)


def weekend_rule(tokens, context):
    """'over the weekend', 'last weekend', 'this weekend': the Saturday and Sunday."""
    if tokens[-1] not in vocabulary()["weekend"] or context.article is None or len(tokens) > 2:
        return None
    saturday = _weekday_date(5, tokens[0], context)
    if saturday == context.article and not context.future:
        saturday -= dt.timedelta(days=7)
    return Reading(Period(saturday, saturday + dt.timedelta(days=1), "day"), "relative")


def time_of_day_rule(tokens, context):
    """'this morning', 'last night', 'earlier today', 'overnight': the article day or the night before."""
    table = vocabulary()["times_of_day"]
    phrase = " ".join(tokens)
    if context.article is None or phrase not in table:
        return None
    date = context.article + dt.timedelta(days=table[phrase])
    return Reading(Period(date, context.article, "day"), "relative")
