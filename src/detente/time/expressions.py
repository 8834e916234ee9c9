"""Read one time expression ("last March", "the following year", "mid-2019") into a period.

``read_expression(text, context)`` tries a list of small rules in order; each
rule looks at the expression's words (tables in data/vocabulary.json) and
returns a ``Reading`` or None. Relative words count from the article date,
anaphoric ones ("the following year", "a week later", "that summer") from the
narrative time, i.e. the time the text was talking about so far. Numeric dates
the rules do not cover go to dateparser.
"""

from __future__ import annotations

import re

from . import days, months, shifts, spans
from .parsing import parse_date
from .readings import Context, Reading, strip_leads, words

__all__ = ["Context", "Reading", "read_expression", "read_words", "words"]

_NUMERIC_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")

RULES = (lambda tokens, context: spans.range_rule(tokens, context, read_words),
         lambda tokens, context: spans.part_rule(tokens, context, read_words),
         shifts.offset_rule, shifts.window_rule, shifts.unit_rule,
         days.decade_rule, days.year_rule, months.season_rule, months.month_rule, days.day_word_rule,
         days.weekday_rule, days.weekend_rule, days.time_of_day_rule, days.bare_unit_rule,
         days.day_of_month_rule, days.numeric_day_rule, shifts.anaphor_rule)


def read_expression(text: str, context: Context) -> Reading | None:
    """The period ``text`` names in ``context``, or None when it names none we can place."""
    tokens = strip_leads(words(text))
    if not tokens:
        return None
    return read_words(tokens, context) or _dateparser_reading(text, context)


def read_words(tokens: list[str], context: Context) -> Reading | None:
    for rule in RULES:
        reading = rule(tokens, context)
        if reading is not None:
            return reading
    return None


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
