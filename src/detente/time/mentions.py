"""Find the time expressions of a sentence: spaCy DATE entities, joined into ranges
('between 2014' + 'and' + '2016'), plus a few anaphoric words ('at the time', 'then')."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from .vocabulary import vocabulary

_ATTRIBUTIVE = {"compound", "amod", "nmod", "nummod", "poss"}
_SHORT_NUMERIC_DATE = re.compile(r"\d{1,2}[/.]\d{1,2}")
_COUNT_WORDS = {"a", "an", "few", "couple", "of", "several", "or", "some"}


@dataclass(frozen=True)
class Expression:
    text: str
    start_char: int
    end_char: int
    head: int  # token index of the expression's syntactic head


def find_expressions(sent: Span, ents: list[Span] | None = None) -> list[Expression]:
    """The time expressions of ``sent`` (whose entities are ``ents``, when known) in text order."""
    dates = _date_spans(sent, sent.ents if ents is None else ents)
    found = [_expression(span) for span in dates]
    taken = {i for span in dates for i in range(span.start, span.end)}
    for span in _phrase_spans(sent):
        if not taken.intersection(range(span.start, span.end)):
            found.append(_expression(span))
            taken.update(range(span.start, span.end))
    return sorted(found, key=lambda expression: expression.start_char)


def _expression(span: Span) -> Expression:
    return Expression(span.text, span.start_char, span.end_char, span.root.i)


def _date_spans(sent: Span, ents: list[Span]) -> list[Span]:
    ents = [_extend_right(_extend_left(_take_day_number(ent))) for ent in ents
            if ent.label_ in ("DATE", "TIME") and not _attributive(ent)]
    return _join_ranges(sent, ents)


def _take_day_number(ent: Span) -> Span:
    """'27' + 'September': the day of the month the tagger left out (as a CARDINAL)."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > ent.sent.start else None
    month_first = ent[0].lower_ in vocabulary()["months"]
    if before is None or not month_first or not before.is_digit or not 1 <= int(before.text) <= 31:
        return ent
    return doc[ent.start - 1:ent.end]


def _extend_left(ent: Span) -> Span:
    """'the autumn of' + '2019', 'the end of' + 'last year': take in the words the tagger left out."""
    doc, start = ent.doc, ent.start
    words = _period_words()
    while start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in words:
        start -= 2
        if start >= 1 and doc[start - 1].lower_ in ("the", "early", "late", "mid"):
            start -= 1
    return doc[start:ent.end] if start >= ent.sent.start else ent


def _extend_right(ent: Span) -> Span:
    """'three days' + 'after': the offset word the tagger left out."""
    table = vocabulary()
    doc = ent.doc
    after = doc[ent.end] if ent.end < ent.sent.end else None
    if after is not None and ent[-1].lower_ in table["units"] and after.lower_ in table["offsets"]:
        return doc[ent.start:ent.end + 1]
    return ent


def _period_words() -> frozenset[str]:
    table = vocabulary()
    return frozenset([*table["seasons"], *table["months"], *table["parts"], "quarter", "half"])


def _attributive(ent: Span) -> bool:
    """'the 2014 war', 'his 2016 visit': a year that names a thing, not when this sentence happens
    ('Tuesday's talks' and 'last week's attack' still date the sentence)."""
    root = ent.root
    units = vocabulary()["units"]
    year_only = all(token.is_digit or token.lower_ in ("the", "'s") for token in ent)
    return (year_only and root.dep_ in _ATTRIBUTIVE and root.head.pos_ in ("NOUN", "PROPN")
            and root.head.i >= ent.end and root.head.lower_ not in units)


def _join_ranges(sent: Span, ents: list[Span]) -> list[Span]:
    """'Between 2014' 'and' '2016' -> one span 'Between 2014 and 2016'."""
    table = vocabulary()
    joined, skip = [], None
    for ent, after in zip(ents, [*ents[1:], None]):
        if ent is skip:
            continue
        opens = ent[0].lower_ in table["range_openers"]
        gap = sent.doc[ent.end:after.start] if after is not None else None
        if opens and gap is not None and len(gap) == 1 and gap[0].lower_ in table["range_joiners"]:
            joined.append(sent.doc[ent.start:after.end])
            skip = after
        else:
            joined.append(ent)
    return joined


@lru_cache(maxsize=1)
def _phrases_by_first_word() -> dict[str, list[list[str]]]:
    by_first: dict[str, list[list[str]]] = {}
    for phrase in vocabulary()["extra_phrases"]:
        words = phrase.split()
        by_first.setdefault(words[0], []).append(words)
    return by_first


@lru_cache(maxsize=1)
def _period_names() -> frozenset[str]:
    table = vocabulary()
    return frozenset({*table["units"], *table["seasons"], *table["months"]})


def _phrase_spans(sent: Span) -> list[Span]:
    """What the tagger misses: 'recently', 'at the time', 'then' (as an adverb, not
    'then-president' or 'if ... then'), 'the following spring', 'three days after'."""
    phrases, table = _phrases_by_first_word(), vocabulary()
    shifts, units = table["shifts"], table["units"]
    lowered = [token.lower_ for token in sent]
    spans = []
    for i, word in enumerate(lowered):
        for phrase in phrases.get(word, ()):
            if lowered[i:i + len(phrase)] == phrase:
                spans.append(sent[i:i + len(phrase)])
        if word == "then" and _anaphoric_then(sent[i]):
            spans.append(sent[i:i + 1])
        if _SHORT_NUMERIC_DATE.fullmatch(word) and i > 0 \
                and lowered[i - 1] in table["numeric_day_cues"]:
            spans.append(sent[i:i + 1])
        found = None
        if word in shifts:
            found = _shifted_period(sent, lowered, i)
        if found is None and word in units:
            found = _counted_offset(sent, lowered, i)
        if found is not None:
            spans.append(found)
    return spans


def _shifted_period(sent: Span, lowered: list[str], i: int) -> Span | None:
    """'the following spring', 'that winter', 'the next day' at ``i`` (the shift word)."""
    if lowered[i] not in vocabulary()["shifts"] or i + 1 >= len(lowered) or lowered[i + 1] not in _period_names():
        return None
    start = i - 1 if i > 0 and lowered[i - 1] == "the" else i
    return sent[start:i + 2]


def _counted_offset(sent: Span, lowered: list[str], i: int) -> Span | None:
    """'three days after', 'two years later' at ``i`` (the unit), with the count before it."""
    table = vocabulary()
    if lowered[i] not in table["units"] or i + 1 >= len(lowered) or lowered[i + 1] not in table["offsets"]:
        return None
    start = i
    while start > 0 and (sent[start - 1].like_num or lowered[start - 1] in _COUNT_WORDS):
        start -= 1
    return sent[start:i + 2] if start < i else None


def _anaphoric_then(token: Token) -> bool:
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    conditional = any(t.lower_ == "if" for t in doc[max(0, token.i - 30):token.i])
    return token.pos_ == "ADV" and not conditional and (following is None or following.text != "-")
