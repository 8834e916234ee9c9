"""Rules for expressions made of other expressions: ranges ('between 2014 and 2016',
'2014-15') and parts of a period ('early 2015', 'mid-2019', 'earlier this year', quarters)."""

from __future__ import annotations

import datetime as dt

from . import periods
from .periods import Period
from .readings import Context, Reading, anchor_of, strip_leads, year_of
from .vocabulary import vocabulary


def range_rule(tokens, context, read):
    """'between 2014 and 2016', 'from March to May 2016', '2014-2016'; ``read`` reads each side
    with the full rule list (``expressions.read_words``, which includes this module's rules)."""
    table = vocabulary()
    opened = tokens[0] in table["range_openers"]
    body = tokens[1:] if opened else tokens
    for i, token in enumerate(body):
        if token in (*table["range_joiners"], "or") and 0 < i < len(body) - 1:
            return _join(body[:i], _full_year(body[:i], body[i + 1:]), context, read)
    return None


def _full_year(left_tokens, right_tokens):
    """'2014-15' -> the right side '2015'."""
    left_year = year_of(left_tokens)
    if left_year and len(right_tokens) == 1 and len(right_tokens[0]) == 2 and right_tokens[0].isdigit():
        return [str(left_year - left_year % 100 + int(right_tokens[0]))]
    return right_tokens


def _join(left_tokens, right_tokens, context, read):
    right = read(right_tokens, context)
    if right is None:
        return None
    left = read(left_tokens, Context(context.article, right.period, context.future))
    if left is None or left.period.start > right.period.end:
        return None
    start, end = left.period.start, right.period.end
    spans_years = start.year != end.year
    granularity = "multi-year" if spans_years else periods.granularity_of((end - start).days + 1)
    return Reading(Period(start, end, granularity), right.basis)


def part_rule(tokens, context, read):
    """'early 2015', 'mid-2019', 'the end of last year', 'earlier this year', 'later that year'."""
    head, rest = _part_head(tokens)
    rest = strip_leads(rest)
    if head is None or not rest:
        return None
    inner = read(rest, context)
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
    anchor = anchor_of("article" if about_now else "narrative", context)
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
