"""Rules for months and seasons: 'March 2015', '24 November', 'last March', 'October last year',
'in April' inside a story, 'the spring of 2016', 'that summer', 'the following spring'."""

from __future__ import annotations

import datetime as dt

from . import periods
from .periods import Period
from .readings import Context, Reading, shift_year, year_of
from .vocabulary import vocabulary


def month_rule(tokens, context):
    """'March', 'last March', 'October last year', 'March 2015', '24 November 2015', 'Nov. 24'."""
    months = vocabulary()["months"]
    found = [i for i, token in enumerate(tokens) if token in months]
    if len(found) != 1:
        return None
    i = found[0]
    number = months[tokens[i]]
    days = _day_range(tokens, i)
    if _has_range_shape(tokens) and days is None:
        return None
    year, basis = _month_year(tokens, i, number, context)
    if year is None:
        return None
    if days is not None:
        return _days_of_month(year, number, days, basis)
    day_number = _day_number(tokens, i)
    if day_number is None:
        return Reading(periods.month(year, number), basis)
    try:
        return Reading(periods.day(dt.date(year, number, day_number)), basis)
    except ValueError:
        return None


def _day_range(tokens, i):
    """'March 23-25', 'June 9 and 10', '9 to 12 June': (first day, last day), or None."""
    joiners = vocabulary()["range_joiners"]
    after, before = tokens[i + 1:i + 4], tokens[max(0, i - 3):i]
    for three in (after, before):
        if len(three) == 3 and three[1] in joiners and all(_day(t) for t in (three[0], three[2])):
            return _day(three[0]), _day(three[2])
    return None


def _day(token):
    digits = token.rstrip("stndrh")
    return int(digits) if digits.isdigit() and len(digits) <= 2 and 1 <= int(digits) <= 31 else None


def _days_of_month(year, number, days, basis):
    try:
        start, end = dt.date(year, number, days[0]), dt.date(year, number, days[1])
    except ValueError:
        return None
    if start > end:
        return None
    return Reading(Period(start, end, periods.granularity_of((end - start).days + 1)), basis)


def _has_range_shape(tokens):
    return any(token in ("-", "to", "and", "until", "through") for token in tokens)


def _day_number(tokens, month_index):
    for j in (month_index + 1, month_index - 1):
        if 0 <= j < len(tokens):
            digits = tokens[j].rstrip("stndrh")
            if digits.isdigit() and len(digits) <= 2 and 1 <= int(digits) <= 31:
                return int(digits)
    return None


def _month_year(tokens, i, number, context):
    """The year of the month named at ``tokens[i]``, and the basis of the reading."""
    explicit = year_of(tokens)
    if explicit is not None:
        return explicit, "explicit"
    shifted = shift_year(tokens, context)
    if shifted is not None:
        return shifted
    word = _shift_word(tokens, i)
    year = _nearest_month_year(word, number, context)
    on_story = _on_narrative(word, context) or _steps_from_story(word, context)
    return year, "context" if on_story else "relative"


def _shift_word(tokens, i):
    """The shift word ('last', 'that', ...) right before ``tokens[i]``, if any."""
    word = tokens[i - 1] if i > 0 else None
    return word if word in vocabulary()["shifts"] else None


def _on_narrative(word, context) -> bool:
    """A month or season named without a year is placed in the narrative year ('that April',
    'in May' while telling a story)."""
    narrative = context.narrative
    return word in ("that", "same") or (word is None and narrative is not None
                                        and narrative.granularity != "multi-year")


def _story_year(number: int, narrative: Period, context: Context) -> int:
    """The year of a month named inside a story: the narrative year, or the next one when a
    story told month by month has moved past that month ('In November 2019 ... By January')."""
    year = narrative.start.year
    fine = narrative.granularity in ("day", "month", "season")
    moves_on = fine and _ends_before(year, number, narrative)
    if moves_on and (context.future or context.article is None
                     or periods.month(year + 1, number).start <= context.article):
        return year + 1
    return year


def _story_season(months: tuple[int, int], narrative: Period, context: Context) -> Period:
    """A season named inside a story: that of the narrative year, or of the next year when a
    story told month by month has moved past it ('In October 2012 ... That winter')."""
    season = periods.season(narrative.start.year, months)
    fine = narrative.granularity in ("day", "month", "season")
    if not fine or season.end >= narrative.start:
        return season
    later = periods.season(narrative.start.year + 1, months)
    if context.future or context.article is None or later.start <= context.article:
        return later
    return season


def _ends_before(year: int, number: int, narrative: Period) -> bool:
    return periods.month(year, number).end < narrative.start


def _steps_from_story(word, context) -> bool:
    """'the following spring', 'the previous March' while telling a story."""
    if word is None or context.narrative is None or context.future:
        return False
    offset, kind = vocabulary()["shifts"][word]
    return offset != 0 and kind in ("narrative", "story")


def _needs_story(word, context) -> bool:
    """'the following spring' with no story told yet names no time."""
    return word is not None and vocabulary()["shifts"][word][1] == "narrative" and context.narrative is None


def _step_from(narrative: Period, word: str, period_of) -> Period:
    """The first period (``period_of(year)``) after the narrative time, or the last before it."""
    offset = vocabulary()["shifts"][word][0]
    years = range(narrative.start.year - 2, narrative.end.year + 3)
    if offset > 0:
        return next(p for p in map(period_of, years) if p.start > narrative.end)
    return [p for p in map(period_of, years) if p.end < narrative.start][-1]


def _nearest_month_year(word, number, context):
    """The year of a month named without one: 'last March', 'that April', 'in May'."""
    narrative = context.narrative
    if _steps_from_story(word, context):
        return _step_from(narrative, word, lambda year: periods.month(year, number)).start.year
    if _needs_story(word, context):
        return None
    if _on_narrative(word, context):
        return _story_year(number, narrative, context) if narrative else None
    if context.article is None:
        return None
    today = context.article
    ahead = word in ("next", "coming") or (word is None and context.future)
    if ahead:
        still_ahead = number > today.month or (word is None and number == today.month)
        return today.year if still_ahead else today.year + 1
    if word == "this":
        return today.year
    if word == "last":
        return today.year if number < today.month else today.year - 1
    return today.year if number <= today.month else today.year - 1


def season_rule(tokens, context):
    """'the spring of 2016', 'last summer', 'that winter', 'summer last year'."""
    seasons = vocabulary()["seasons"]
    found = [i for i, token in enumerate(tokens) if token in seasons]
    if not found:
        return None
    i = found[0]
    months = tuple(seasons[tokens[i]])
    explicit = year_of(tokens) or None
    if explicit:
        return Reading(periods.season(explicit, months), "explicit")
    shifted = shift_year(tokens, context)
    if shifted is not None:
        year, basis = shifted
        return Reading(periods.season(year + (1 if months[0] > months[1] else 0), months), basis)
    word = _shift_word(tokens, i)
    period = _nearest_season(word, months, context)
    basis = "context" if _on_narrative(word, context) or _steps_from_story(word, context) else "relative"
    return Reading(period, basis) if period else None


def _nearest_season(word, months, context):
    narrative = context.narrative
    if _steps_from_story(word, context):
        return _step_from(narrative, word, lambda year: periods.season(year, months))
    if _needs_story(word, context):
        return None
    if _on_narrative(word, context):
        return _story_season(months, narrative, context) if narrative else None
    if context.article is None:
        return None
    today = context.article
    candidates = [periods.season(year, months) for year in range(today.year - 1, today.year + 3)]
    if word in ("next", "coming") or (word is None and context.future):
        return next((s for s in candidates if s.start > today), None)
    if word == "this":
        return next((s for s in candidates if s.end >= today), None)
    past = [s for s in candidates if s.start <= today]
    if word == "last":
        past = [s for s in past if s.end < today] or past
    return past[-1]
