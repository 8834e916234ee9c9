"""The ``detente_time`` component: give every event of a doc the date it happened."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from detente.actors.dictionary import load_dictionary
from detente.model import Event, EventDate, register_extensions
from detente.sentences import SentenceIndex, refers_back
from detente.stage import EventStage, check_config

from .resolve import SentenceTime, mention_for, sentence_times

ARTICLE_PENALTY = 0.1  # events dated only by the publication day are less certain


@Language.factory("detente_time", assigns=["doc._.events"], requires=["doc.ents", "token.dep"],
                  default_config={"article_penalty": ARTICLE_PENALTY})
def make_event_dater(nlp: Language, name: str, article_penalty: float):
    """``article_penalty``: how much less confident an event is when only the article date dates it."""
    register_extensions()
    return EventDater(nlp, name, article_penalty=article_penalty)


class EventDater(EventStage):
    """Sets ``event.date`` on each event in ``doc._.events``."""

    def __init__(self, nlp: Language, name: str = "detente_time", article_penalty: float = ARTICLE_PENALTY):
        super().__init__(nlp, name)
        self.article_penalty = check_config(name, "article_penalty", article_penalty, lambda v: 0.0 <= v <= 1.0,
                                            "between 0 and 1")

    def annotate(self, doc: Doc, events: list[Event]) -> None:
        article = doc._.article
        day = article.date if article is not None else None
        sentences = SentenceIndex(doc)
        times = sentence_times(doc, day, sentences)
        date_events(doc, events, times, sentences, self.article_penalty)
        roles_on_event_dates(events, day)


def date_events(doc: Doc, events: list[Event], times: list[SentenceTime],
                sentences: SentenceIndex | None = None, article_penalty: float = ARTICLE_PENALTY) -> None:
    """Give each event the time of its own sentence (``SentenceIndex.of_event``: the one holding
    its trigger), from the mention nearest its verb, or the date the next sentence gives it
    ("... attacked a police post. The attack took place on Tuesday.")."""
    sentences = sentences if sentences is not None else SentenceIndex(doc)
    for event in events:
        index = sentences.of_event(event)
        if not 0 <= index < len(times):
            continue
        event.date = event_date(doc, event, times[index])
        if event.date.basis == "article":
            event.date = date_told_next(sentences.sents, times, index) or event.date
        if event.date.basis == "article":
            event.confidence = max(0.0, event.confidence - article_penalty)


def date_told_next(sents: list, times: list[SentenceTime], index: int) -> EventDate | None:
    """The date of the next sentence of the same paragraph when that sentence opens by
    referring back to the act ("The attack", "The clashes", "It", "This happened")."""
    if index + 1 >= len(times) or times[index + 1].paragraph != times[index].paragraph:
        return None
    following = times[index + 1]
    if following.date.basis not in ("explicit", "relative") or not refers_back(sents[index + 1]):
        return None
    return following.date


def event_date(doc: Doc, event: Event, sentence: SentenceTime) -> EventDate:
    mention = mention_for(sentence, doc, event.trigger)
    date = sentence.date
    if mention is None or date.start is None:
        return date
    if mention.period.start <= date.start and date.end <= mention.period.end:
        return date
    return mention.event_date()


def roles_on_event_dates(events: list[Event], article_day) -> None:
    """A person is coded with the role held when the event happened, not when it was
    reported: Erdogan was prime minister (TURGOV) in 2012 and is president now; Trump
    in a 2019 event of a 2023 article is in office, not a former official."""
    people = load_dictionary().people
    for event in events:
        day = _middle(event.date)
        if day is None or day == article_day:
            continue
        event.source = _on(event.source, day, people)
        event.target = _on(event.target, day, people)


def _on(ref, day, people):
    entry = people.get(ref.name) if ref is not None and ref.kind == "person" else None
    return entry.ref_on(day) if entry is not None else ref


def _middle(date: EventDate | None):
    if date is None or date.start is None:
        return None
    end = date.end or date.start
    return date.start + (end - date.start) / 2
