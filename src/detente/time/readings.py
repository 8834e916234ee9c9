"""What reading a time expression needs: its words, the context it is read in, the result,
and the helpers the rules share (counts, anchors, years)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import periods
from .periods import Period
from .vocabulary import vocabulary

_SPLIT = re.compile(r"[a-z]+'?s?|\d+(?:st|nd|rd|th|s|'s)?|'\d\ds|[-–—]|[^\s\w]")
_DROP = {"the", "of", ",", ".", "'s"}
SOME = (2, 5)  # 'days later', 'weeks earlier': a plural unit without a number


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


def strip_leads(tokens: list[str]) -> list[str]:
    leads = set(vocabulary()["lead_words"])
    while tokens and tokens[0] in leads:
        tokens = tokens[1:]
    return tokens



def count_of(tokens: list[str]) -> tuple[int, int] | None:
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
            low, high = count_of(tokens[:i]), count_of(tokens[i + 1:])
            return (low[0], high[1]) if low and high and tokens[:i] and tokens[i + 1:] else None
    if len(tokens) == 1 and tokens[0].isdigit() and 0 < int(tokens[0]) < 200:
        return (int(tokens[0]), int(tokens[0]))
    return None


def anchor_of(kind: str, context: Context) -> Period | None:
    """The period a shift counts from: the article day or the narrative time."""
    article = periods.day(context.article) if context.article else None
    if kind == "article":
        return article
    if kind == "narrative":
        return context.narrative
    use_story = context.narrative is not None and not context.future
    return context.narrative if use_story else article


def basis_of(kind: str, context: Context) -> str:
    """'context' when a shift of ``kind`` counts from the narrative time, else 'relative'."""
    telling = context.narrative is not None and not context.future
    on_story = kind == "narrative" or (kind == "story" and telling)
    return "context" if on_story else "relative"


def year_of(tokens: list[str]) -> int | None:
    for token in tokens:
        if len(token) == 4 and token.isdigit() and 1000 <= int(token) <= 2999:
            return int(token)
    return None


def shift_year(tokens: list[str], context: Context) -> tuple[int, str] | None:
    """'last year', 'this year', 'next year', 'that year' inside a longer expression: the year,
    and the basis ('context' when counted from the story: 'December of the same year')."""
    if "year" not in tokens:
        return None
    i = tokens.index("year")
    if i == 0 or tokens[i - 1] not in vocabulary()["shifts"]:
        return None
    offset, kind = vocabulary()["shifts"][tokens[i - 1]]
    anchor = anchor_of(kind, context)
    return (anchor.start.year + offset, basis_of(kind, context)) if anchor else None
