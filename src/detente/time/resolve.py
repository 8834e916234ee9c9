"""Resolve the time of every sentence of a doc, keeping a narrative time as the text goes on.

``sentence_times(doc, article_date)`` walks the sentences in order. A sentence
with time expressions is dated by them (read against the article date and the
narrative time so far) and becomes the new narrative time; a sentence without
one inherits the narrative time when it continues the same episode (basis
"context"), else it is dated by the article (basis "article"). Nothing is
placed after the article date unless the sentence speaks of the future.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..model import GRANULARITIES, EventDate
from ..sentences import SentenceIndex
from . import periods
from .continuity import Episode, actor_codes_by_sentence, continues, names
from .expressions import Context, Reading, read_expression, words
from .mentions import Expression, find_expressions
from .periods import Period
from .readings import year_of
from .tense import is_future
from .vocabulary import vocabulary


@dataclass(frozen=True)
class TimeMention:
    """One time expression of a sentence and what it resolved to (period None: unresolved)."""

    expression: Expression
    period: Period | None
    basis: str

    def event_date(self) -> EventDate:
        return _event_date(self.period, self.expression.text, self.basis)


@dataclass
class SentenceTime:
    index: int
    paragraph: int
    date: EventDate
    mentions: list[TimeMention] = field(default_factory=list)
    future: bool = False


@dataclass
class _Story:
    """The narrative state: the time the text is talking about, and where it was set."""

    period: Period | None = None
    episode: Episode | None = None


def sentence_times(doc: Doc, article_date: dt.date | None,
                   sentences: SentenceIndex | None = None) -> list[SentenceTime]:
    """The resolved time of each sentence of ``doc`` (its ``sentences``, when the caller has them), in order."""
    story = _Story()
    sentences = sentences if sentences is not None else SentenceIndex(doc)
    ents, paragraphs = sentences.entities, sentences.paragraphs
    codes = actor_codes_by_sentence(sentences)
    return [_sentence_time(sent, i, paragraphs[i], ents[i], codes[i], article_date, story)
            for i, sent in enumerate(sentences)]


def _sentence_time(sent, index, paragraph, ents, codes, article_date, story) -> SentenceTime:
    future = is_future(sent)
    context = Context(article_date, story.period, future)
    mentions = _read_in_order(find_expressions(sent, ents), context)
    main = _main_mention(mentions, sent)
    if main is not None and main.period is None and article_date is not None:
        main = None  # a duration or frequency ('for two years', 'daily') dates nothing
    sent_names = names(sent, ents, codes)
    if main is not None:
        episode = Episode(index, paragraph, sent_names)
        _advance(story, _last_clause_mention(mentions, main, sent), episode)
        date = main.event_date()
    elif _inherits(story, sent, index, paragraph, context, sent_names):
        story.episode = Episode(index, paragraph, story.episode.names | sent_names)
        date = _event_date(_no_later_than(story.period, context), "", "context")
    else:
        date = article_event_date(article_date)
    return SentenceTime(index, paragraph, date, mentions, future)


def _inherits(story, sent, index, paragraph, context, sent_names) -> bool:
    """The sentence continues the story, and the story's time is not after the article."""
    if story.episode is None or _no_later_than(story.period, context) is None:
        return False
    return continues(sent, index, paragraph, story.episode, sent_names, future=context.future)


def _no_later_than(period: Period | None, context: Context) -> Period | None:
    if period is None or context.future or context.article is None:
        return period
    return periods.clip(period, context.article)


def _read_in_order(expressions: list[Expression], context: Context) -> list[TimeMention]:
    """Read the expressions left to right, each against the time named just before it in the
    sentence ('In 2015, on 24 November': the November of 2015; 'in May 2013, and ... the same
    month': May 2013), the first against the narrative time."""
    mentions = []
    for expression in expressions:
        mention = _mention(expression, context)
        mentions.append(mention)
        if mention.period is not None:
            context = Context(context.article, mention.period, context.future)
    return mentions


def _mention(expression: Expression, context: Context) -> TimeMention:
    reading = read_expression(expression.text, context)
    clipped = _no_later_than(reading.period, context) if reading is not None else None
    reading = Reading(clipped, reading.basis) if clipped is not None else None
    if reading is None:
        return TimeMention(expression, None, "relative")
    return TimeMention(expression, reading.period, reading.basis)


def _main_mention(mentions: list[TimeMention], sent) -> TimeMention | None:
    """The first resolved mention of the main verb (else of the sentence), narrowed by the
    others that overlap it ('The following year, in 2013'); an unresolved one when none resolved."""
    resolved = [mention for mention in mentions if mention.period is not None]
    if not resolved:
        return mentions[0] if mentions else None
    doc = sent.doc
    resolved.sort(key=lambda m: _governing_verb(doc[m.expression.head]) != sent.root.i)
    main = resolved[0]
    for other in resolved[1:]:
        if not _same_verb(doc, main, other):
            continue  # another clause's date ('Since then ..., and ... last week') leaves it be
        overlap = main.period.overlap(other.period)
        if overlap is not None:
            basis = "explicit" if "explicit" in (main.basis, other.basis) else main.basis
            main = TimeMention(main.expression, overlap, basis)
        elif _more_precise(other, main):
            main = other
    return main


def _same_verb(doc: Doc, first: TimeMention, second: TimeMention) -> bool:
    return _verb_of(doc, first) == _verb_of(doc, second)


def _more_precise(mention: TimeMention, other: TimeMention) -> bool:
    """Of two readings of one clause that disagree ('Then, on 12 April'; 'The following year,
    in May 2009'; 'Ten days later, on 12 May'), a full date beats one counted from the story, a
    named month or year beats a count, a day a month, a month a year."""
    return _precision(mention) < _precision(other)


def _precision(mention: TimeMention) -> tuple[bool, bool, int]:
    return (mention.basis != "explicit", not _names_calendar(mention.expression.text),
            GRANULARITIES.index(mention.period.granularity))


def _names_calendar(text: str) -> bool:
    """The expression names a month, a season or a year ('on 12 May', 'that summer', '2015')."""
    table = vocabulary()
    return any(word in table["months"] or word in table["seasons"] or year_of([word])
               for word in words(text))


def _last_clause_mention(mentions: list[TimeMention], main: TimeMention, sent) -> TimeMention:
    """The time the sentence leaves the story in: that of its last coordinated clause
    ('In 2011 they met, and in 2014 they signed ...'), else its main time. A date in a
    subordinate or reported clause ('said the treaty signed in 2008 was dead') does not move it."""
    later = [m for m in mentions if m.period is not None
             and m.expression.start_char > main.expression.end_char
             and _in_later_clause(sent.doc, m, main)]
    return later[-1] if later else main


def _in_later_clause(doc: Doc, mention: TimeMention, main: TimeMention) -> bool:
    """``mention`` (after ``main``) belongs to a clause conjoined to the main one: its verb is a
    conjunct of the main verb, or, when the parser hung both on one verb, 'and'/'but' stands
    between two dates that disagree ('In 2011 the kings laid ..., and in March this year they
    opened ...')."""
    verb, main_verb = doc[_verb_of(doc, mention)], doc[_verb_of(doc, main)]
    if verb.i != main_verb.i:
        return _coordinated(verb, main_verb)
    between = doc.char_span(main.expression.end_char, mention.expression.start_char, alignment_mode="expand")
    joined = between is not None and any(token.pos_ == "CCONJ" for token in between)
    return joined and main.period.overlap(mention.period) is None


def _verb_of(doc: Doc, mention: TimeMention) -> int:
    return _governing_verb(doc[mention.expression.head])


def _coordinated(verb, main_verb) -> bool:
    """``verb`` is another verb conjoined to ``main_verb`` ('met ..., and ... signed')."""
    while verb.dep_ == "conj" and verb.i != main_verb.i:
        verb = verb.head
    return verb.i == main_verb.i


def _advance(story: _Story, main: TimeMention, episode: Episode) -> None:
    if main.period is not None:
        story.period = main.period
    story.episode = episode if story.period is not None else None


def _event_date(period: Period | None, text: str, basis: str) -> EventDate:
    if period is None:
        return EventDate(None, None, "unknown", text, basis)
    return EventDate(period.start, period.end, period.granularity, text, basis)


def article_event_date(article_date: dt.date | None) -> EventDate:
    """The fallback: the publication day (unknown when the article has no date)."""
    if article_date is None:
        return EventDate(None, None, "unknown", "", "article")
    return EventDate(article_date, article_date, "day", "", "article")


def mention_for(sentence: SentenceTime, doc: Doc, trigger: tuple[int, int]) -> TimeMention | None:
    """The resolved mention of ``sentence`` that belongs to the verb at ``trigger``:
    one attached to the same verb, else the nearest in the text."""
    resolved = [mention for mention in sentence.mentions if mention.period is not None]
    if not resolved:
        return None
    verb = _verb_at(doc, trigger)
    pool = _attached_to_clause(doc, resolved, verb) if verb is not None else []
    return min(pool or resolved, key=lambda m: _distance(m.expression, trigger))


def _attached_to_clause(doc: Doc, mentions: list[TimeMention], verb: int) -> list[TimeMention]:
    """The mentions attached to ``verb``, else to the nearest verb it depends on ('expelled the
    envoy in May after the ministers called ...': 'called' is dated by 'in May')."""
    token = doc[verb]
    while True:
        attached = [m for m in mentions if _verb_of(doc, m) == token.i]
        if attached or token.head.i == token.i:
            return attached
        token = doc[_governing_verb(token.head)]


def _verb_at(doc: Doc, trigger: tuple[int, int]):
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return _governing_verb(span.root)


def _governing_verb(token):
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token.i


def _distance(expression: Expression, trigger: tuple[int, int]) -> int:
    if expression.end_char <= trigger[0]:
        return trigger[0] - expression.end_char
    return max(0, expression.start_char - trigger[1])
