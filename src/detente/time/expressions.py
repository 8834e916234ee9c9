"""Read one time expression ("last March", "the following year", "mid-2019") into a period.

``read_expression(text, context)`` tries a list of small rules in order; each
rule looks at the expression's words (tables in data/vocabulary.json) and
returns a ``Reading`` or None. Relative words count from the article date,
anaphoric ones ("the following year", "a week later", "that summer") from the
narrative time, i.e. the time the text was talking about so far.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from . import periods
from .parsing import parse_date
from .periods import Period
from .vocabulary import vocabulary

_SPLIT = re.compile(r"[a-z]+'?s?|\d+(?:st|nd|rd|th|s|'s)?|'\d\ds|[-–—]|[^\s\w]")
_DROP = {"the", "of", ",", ".", "'s"}
_SOME = (2, 5)  # 'days later', 'weeks earlier': a plural unit without a number
_NUMERIC_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")


@dataclass(frozen=True)
class Context:
    """What an expression is read against: the article date, the narrative time, the tense."""

    article: dt.date | None
    narrative: Period | None = None
    future: bool = False


@dataclass(frozen=True)
class Reading:
    period: Period
    basis: str  # explicit | relative | context


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` without articles, 'of' and punctuation; dashes kept."""
    tokens = _SPLIT.findall(text.lower().replace("’", "'"))
    tokens = ["-" if token in "–—" else token for token in tokens]
    return [token for token in tokens if token not in _DROP]


def read_expression(text: str, context: Context) -> Reading | None:
    """The period ``text`` names in ``context``, or None when it names none we can place."""
    tokens = _strip_leads(words(text))
    if not tokens:
        return None
    return read_words(tokens, context) or _dateparser_reading(text, context)


def read_words(tokens: list[str], context: Context) -> Reading | None:
    for rule in RULES:
        reading = rule(tokens, context)
        if reading is not None:
            return reading
    return None


def _strip_leads(tokens: list[str]) -> list[str]:
    leads = set(vocabulary()["lead_words"])
    while tokens and tokens[0] in leads:
        tokens = tokens[1:]
    return tokens


# ---- numbers and anchors ------------------------------------------------------------------

def _number(tokens: list[str]) -> tuple[int, int] | None:
    """'two', 'a couple', '3', 'two or three', 'a few' -> (low, high); [] -> (1, 1)."""
    if not tokens:
        return (1, 1)
    table = vocabulary()["numbers"]
    phrase = " ".join(tokens)
    if phrase in table:
        return tuple(table[phrase])
    for joiner in ("or", "to", "-"):
        if joiner in tokens:
            i = tokens.index(joiner)
            low, high = _number(tokens[:i]), _number(tokens[i + 1:])
            return (low[0], high[1]) if low and high and tokens[:i] and tokens[i + 1:] else None
    if len(tokens) == 1 and tokens[0].isdigit() and 0 < int(tokens[0]) < 200:
        return (int(tokens[0]), int(tokens[0]))
    return None


def _anchor(kind: str, context: Context) -> Period | None:
    """The period a shift counts from: the article day or the narrative time."""
    article = periods.day(context.article) if context.article else None
    if kind == "article":
        return article
    if kind == "narrative":
        return context.narrative
    use_story = context.narrative is not None and not context.future
    return context.narrative if use_story else article


def _basis(kind: str, context: Context) -> str:
    """'context' when a shift of ``kind`` counts from the narrative time, else 'relative'."""
    on_story = kind == "narrative" or (kind == "story" and context.narrative is not None and not context.future)
    return "context" if on_story else "relative"


def _year_of(tokens: list[str]) -> int | None:
    for token in tokens:
        if len(token) == 4 and token.isdigit() and 1000 <= int(token) <= 2999:
            return int(token)
    return None


def _shift_year(tokens: list[str], context: Context) -> int | None:
    """'last year', 'this year', 'next year', 'that year' inside a longer expression."""
    if "year" not in tokens:
        return None
    i = tokens.index("year")
    if i == 0 or tokens[i - 1] not in vocabulary()["shifts"]:
        return None
    offset, kind = vocabulary()["shifts"][tokens[i - 1]]
    anchor = _anchor(kind, context)
    return anchor.start.year + offset if anchor else None


# ---- rules ---------------------------------------------------------------------------------

def _range_rule(tokens, context):
    """'between 2014 and 2016', 'from March to May 2016', '2014-2016'."""
    table = vocabulary()
    opened = tokens[0] in table["range_openers"]
    body = tokens[1:] if opened else tokens
    for i, token in enumerate(body):
        if token in (*table["range_joiners"], "or") and 0 < i < len(body) - 1:
            return _join(body[:i], _full_year(body[:i], body[i + 1:]), context)
    return None


def _full_year(left_tokens, right_tokens):
    """'2014-15' -> the right side '2015'."""
    left_year = _year_of(left_tokens)
    if left_year and len(right_tokens) == 1 and len(right_tokens[0]) == 2 and right_tokens[0].isdigit():
        return [str(left_year - left_year % 100 + int(right_tokens[0]))]
    return right_tokens


def _join(left_tokens, right_tokens, context):
    right = read_words(right_tokens, context)
    if right is None:
        return None
    left = read_words(left_tokens, Context(context.article, right.period, context.future))
    if left is None or left.period.start > right.period.end:
        return None
    start, end = left.period.start, right.period.end
    spans_years = start.year != end.year
    granularity = "multi-year" if spans_years else periods.granularity_of((end - start).days + 1)
    return Reading(Period(start, end, granularity), right.basis)


def _part_rule(tokens, context):
    """'early 2015', 'mid-2019', 'the end of last year', 'earlier this year', 'later that year'."""
    head, rest = _part_head(tokens)
    rest = _strip_leads(rest)
    if head is None or not rest:
        return None
    inner = read_words(rest, context)
    if inner is None:
        return None
    if head in ("earlier", "later"):
        return _cut(head, rest, inner, context)
    if head in vocabulary()["quarters"]:
        return _quarter(vocabulary()["quarters"][head], inner)
    fraction = tuple(vocabulary()["parts"][head])
    return Reading(periods.part(inner.period, fraction), inner.basis)


def _quarter(number: int, inner: Reading) -> Reading | None:
    """'the third quarter of 2016': three months of a calendar year."""
    if inner.period.granularity != "year":
        return None
    first = periods.month(inner.period.start.year, 3 * number - 2)
    last = periods.month(inner.period.start.year, 3 * number)
    return Reading(Period(first.start, last.end, "season"), inner.basis)


def _part_head(tokens):
    parts = {**vocabulary()["parts"], **vocabulary()["quarters"]}
    if " ".join(tokens[:2]) in parts:
        return " ".join(tokens[:2]), tokens[2:]
    if tokens[0] in parts or tokens[0] in ("earlier", "later"):
        rest = tokens[1:]
        return tokens[0], rest[1:] if rest[:1] == ["-"] else rest
    return None, tokens


def _cut(head, rest, inner, context):
    """The part of ``inner`` before ('earlier') or after ('later') the anchor date."""
    about_now = any(word in ("this", "current") for word in rest) or context.narrative is None
    anchor = _anchor("article" if about_now else "narrative", context)
    if anchor is None:
        return None
    period = inner.period
    if head == "earlier":
        end = min(period.end, anchor.start - dt.timedelta(days=1))
        start = period.start
    else:
        start = max(period.start, anchor.end + dt.timedelta(days=1))
        end = period.end
    if start > end:
        return Reading(period, inner.basis)
    basis = "relative" if about_now else "context"
    return Reading(Period(start, end, periods.granularity_of((end - start).days + 1)), basis)


def _offset_rule(tokens, context):
    """'two years ago', 'a week later', 'the year before', 'two or three years ago'."""
    table = vocabulary()
    if len(tokens) < 2 or tokens[-1] not in table["offsets"] or tokens[-2] not in table["units"]:
        return None
    count = _number(tokens[:-2]) if tokens[:-2] or not tokens[-2].endswith("s") else _SOME
    if count is None:
        return None
    unit = table["units"][tokens[-2]]
    sign = table["offsets"][tokens[-1]]
    kind = {"ago": "article", "earlier": "story", "before": "story"}.get(tokens[-1], "narrative")
    anchor = _anchor(kind, context)
    if anchor is None:
        return None
    low, high = sorted((sign * count[0], sign * count[1]))
    return Reading(_shifted(anchor, unit, low, high), _basis(kind, context))


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


def _unit_rule(tokens, context):
    """'last week', 'the following year', 'next month', 'the past five years', 'that day'."""
    table = vocabulary()
    if len(tokens) < 2 or tokens[0] not in table["shifts"] or tokens[-1] not in table["units"]:
        return None
    unit = table["units"][tokens[-1]]
    middle = [word for word in tokens[1:-1] if word not in table["shifts"]]  # 'that same year'
    plural = tokens[-1] != unit
    if middle or plural or tokens[0] == "past":
        count = _number(middle) if middle else (_SOME if plural else (1, 1))
        return _window(tokens[0], unit, count, context) if count else None
    offset, kind = table["shifts"][tokens[0]]
    anchor = _anchor(kind, context)
    if anchor is None:
        return None
    period = periods.unit_period(unit, periods.shift(anchor.start, unit, offset))
    return Reading(period, _basis(kind, context))


def _window(word, unit, count, context):
    """'the past five years', 'the next two weeks', 'the following months': a span that
    starts or ends at the anchor (the article date, or the narrative time for 'following')."""
    offset, kind = vocabulary()["shifts"][word]
    anchor = _anchor(kind, context)
    if anchor is None:
        return None
    if offset > 0:
        start = anchor.end + dt.timedelta(days=1)
        end = periods.shift(anchor.end, unit, count[1])
    else:
        start, end = periods.shift(anchor.start, unit, -count[1]), anchor.end
    days = (end - start).days + 1
    granularity = "multi-year" if days > 366 else periods.granularity_of(days)
    return Reading(Period(start, end, granularity), _basis(kind, context))


def _month_rule(tokens, context):
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
    explicit = _year_of(tokens)
    if explicit is not None:
        return explicit, "explicit"
    shifted = _shift_year(tokens, context)
    if shifted is not None:
        return shifted, "relative"
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
        return today.year if number > today.month or (word is None and number == today.month) else today.year + 1
    if word == "this":
        return today.year
    if word == "last":
        return today.year if number < today.month else today.year - 1
    return today.year if number <= today.month else today.year - 1


def _season_rule(tokens, context):
    """'the spring of 2016', 'last summer', 'that winter', 'summer last year'."""
    seasons = vocabulary()["seasons"]
    found = [i for i, token in enumerate(tokens) if token in seasons]
    if not found:
        return None
    i = found[0]
    months = tuple(seasons[tokens[i]])
    explicit = _year_of(tokens) or None
    if explicit:
        return Reading(periods.season(explicit, months), "explicit")
    shifted = _shift_year(tokens, context)
    if shifted is not None:
        return Reading(periods.season(shifted + (1 if months[0] > months[1] else 0), months), "relative")
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
        if narrative is None:
            return None
        season = periods.season(narrative.start.year, months)
        return season if season.start <= narrative.end else periods.season(narrative.start.year - 1, months)
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


def _bare_unit_rule(tokens, context):
    """'the year', 'the month' (as in 'by the end of the year'): the one being told, else the current one."""
    units = vocabulary()["units"]
    if len(tokens) != 1 or units.get(tokens[0]) != tokens[0]:
        return None
    anchor = _anchor("story", context)
    if anchor is None:
        return None
    return Reading(periods.unit_period(tokens[0], anchor.start), _basis("story", context))


def _day_of_month_rule(tokens, context):
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


def _decade_rule(tokens, context):
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


def _year_rule(tokens, context):
    """'2015', 'the year 2015'."""
    rest = [token for token in tokens if token != "year"]
    if len(rest) == 1 and _year_of(rest) is not None:
        return Reading(periods.year(_year_of(rest)), "explicit")
    return None


def _day_word_rule(tokens, context):
    """'yesterday', 'today', 'tomorrow' (also 'yesterday morning')."""
    table = vocabulary()["day_words"]
    if tokens[0] not in table or context.article is None:
        return None
    date = context.article + dt.timedelta(days=table[tokens[0]])
    return Reading(periods.day(date), "relative")


def _weekday_rule(tokens, context):
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


def _weekend_rule(tokens, context):
    """'over the weekend', 'last weekend', 'this weekend': the Saturday and Sunday."""
    if tokens[-1] not in vocabulary()["weekend"] or context.article is None or len(tokens) > 2:
        return None
    saturday = _weekday_date(5, tokens[0], context)
    if saturday == context.article and not context.future:
        saturday -= dt.timedelta(days=7)
    return Reading(Period(saturday, saturday + dt.timedelta(days=1), "day"), "relative")


def _time_of_day_rule(tokens, context):
    """'this morning', 'last night', 'earlier today', 'overnight': the article day or the night before."""
    table = vocabulary()["times_of_day"]
    phrase = " ".join(tokens)
    if context.article is None or phrase not in table:
        return None
    date = context.article + dt.timedelta(days=table[phrase])
    return Reading(Period(date, context.article, "day"), "relative")


def _window_rule(tokens, context):
    """'recently', 'in recent weeks', 'the past few years', 'in the coming months'."""
    table = vocabulary()["windows"]
    phrase = " ".join(tokens)
    if phrase not in table or context.article is None:
        return None
    return Reading(periods.window(context.article, table[phrase]), "relative")


def _anaphor_rule(tokens, context):
    """'at the time', 'then', 'by then': the narrative time itself."""
    if context.narrative is None or " ".join(tokens) not in _anaphor_phrases():
        return None
    return Reading(context.narrative, "context")


@lru_cache(maxsize=1)
def _anaphor_phrases() -> frozenset[str]:
    return frozenset(" ".join(_strip_leads(words(phrase))) for phrase in vocabulary()["anaphors"])


def _dateparser_reading(text, context):
    """Numeric dates ('24/11/2015', '2015-11-24') and other forms left to dateparser; never
    durations ('90 days', '50 years'), which dateparser would read as '90 days ago'."""
    if not _NUMERIC_DATE.search(text):
        return None
    base = context.article or (context.narrative.end if context.narrative else None)
    if base is None:
        return None
    period = parse_date(text.strip(), base, "future" if context.future else "past")
    return Reading(period, "explicit") if period else None


RULES = (_range_rule, _part_rule, _offset_rule, _window_rule, _unit_rule, _decade_rule,
         _year_rule, _season_rule, _month_rule, _day_word_rule, _weekday_rule, _weekend_rule, _time_of_day_rule, _bare_unit_rule, _day_of_month_rule,
         _anaphor_rule)
