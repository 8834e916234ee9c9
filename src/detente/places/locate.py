"""Where each event happened, and which theatre it belongs to: plain functions over a Doc."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span

from detente.model import Event, Location

from ..sentences import SentenceIndex, refers_back
from . import gazetteer
from .candidates import governing_verb, locative_places, people_names
from .theatre import Evidence, infer_theatre

CONTEXT_SENTENCES = 2
MATERIAL_ROOTS = {"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"}


@dataclass
class SentencePlaces:
    """One sentence: its paragraph, the countries it names and (on first use) its locative
    place spans; most sentences hold no event, so their places are never looked for."""

    sent: Span
    paragraph: int
    ents: list[Span]
    people: frozenset[str]
    countries: frozenset[str]

    @cached_property
    def places(self) -> list[Span]:
        return locative_places(self.sent, self.people, self.ents)


def sentence_places(doc: Doc, sentences: SentenceIndex | None = None) -> list[SentencePlaces]:
    people = people_names(doc)
    sentences = sentences if sentences is not None else SentenceIndex(doc)
    return [SentencePlaces(sent, paragraph, ents, people, _countries(ents))
            for sent, paragraph, ents in zip(sentences, sentences.paragraphs, sentences.entities)]


def _countries(ents: list[Span]) -> frozenset[str]:
    codes = (gazetteer.country_of(ent.text) for ent in ents if ent.label_ == "GPE")
    return frozenset(code for code in codes if code)


def locate_events(doc: Doc, events: list[Event], theatres: bool = True,
                  context_sentences: int = CONTEXT_SENTENCES) -> None:
    """Set ``location`` and (with ``theatres``) ``theatre`` on each event of ``doc``; the theatre is
    read from the event's sentence and up to ``context_sentences`` before it in its paragraph."""
    index = SentenceIndex(doc)
    sentences = sentence_places(doc, index)
    named = frozenset().union(*(s.countries for s in sentences)) if sentences else frozenset()
    for event in events:
        at = index.of_event(event)
        if not index.holds(at):
            continue
        event.location = event_location(sentences, event, named, at)
        if theatres:
            event.theatre = infer_theatre(evidence_for(sentences, event, at, context_sentences))


def event_location(sentences: list[SentencePlaces], event: Event, named: frozenset[str],
                   at: int) -> Location | None:
    """The place of the event's sentence (the ``at``-th) nearest its verb, or the previous sentence's for 'there'."""
    span = _place_span(sentences, event, at)
    if span is None:
        return None
    found = gazetteer.lookup(span.text, _qualified(span) or named)
    return found or Location(gazetteer_name(span), None, None, None)


def _qualified(span: Span) -> frozenset[str]:
    """'Paris, Texas', 'Tripoli, Lebanon': the country of the region or country after the
    comma, which the town's name is looked up in first."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return frozenset()
    after = doc[span.end + 1:span.end + 4]
    ent = next((e for e in doc.ents if e.start == span.end + 1), None)
    for candidate in ([ent.text] if ent is not None else []) + [after[:1].text]:
        place = gazetteer.find(candidate)
        if place is not None and place.kind != "city" and place.country:
            return frozenset({place.country})
    return frozenset()


def gazetteer_name(span: Span) -> str:
    text = span.text
    return text[4:] if text.lower().startswith("the ") else text


def _place_span(sentences: list[SentencePlaces], event: Event, at: int) -> Span | None:
    current = sentences[at]
    if current.places:
        return _nearest(current, event.trigger)
    previous = sentences[at - 1] if at > 0 else None
    if previous and previous.places and previous.paragraph == current.paragraph and _same_scene(current, event):
        return previous.places[-1]
    return None


def _same_scene(current: SentencePlaces, event: Event) -> bool:
    """The event happens where the sentence before left off: the sentence refers back to it
    ('there', 'The attack', 'It'; ``sentences.refers_back``), or a
    material act (CAMEO 06-08, 14-20) continues the same episode (dated from context)."""
    if refers_back(current.sent):
        return True
    material = event.cameo[:2] in MATERIAL_ROOTS
    return material and event.date is not None and event.date.basis == "context"


def _nearest(sentence: SentencePlaces, trigger: tuple[int, int]) -> Span:
    """The place attached to the trigger's verb, else the one nearest the trigger."""
    doc = sentence.sent.doc
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None and len(span) else None
    attached = [place for place in sentence.places if governing_verb(place.root) == verb]
    return min(attached or sentence.places, key=lambda place: _distance(place, trigger))


def _distance(place: Span, trigger: tuple[int, int]) -> int:
    if place.end_char <= trigger[0]:
        return trigger[0] - place.end_char
    return max(0, place.start_char - trigger[1])


def evidence_for(sentences: list[SentencePlaces], event: Event, at: int,
                 context_sentences: int = CONTEXT_SENTENCES) -> Evidence:
    """What names the event's theatre: its sentence (the ``at``-th) and up to ``context_sentences``
    just before it in its paragraph."""
    current = sentences[at]
    first = max(0, at - context_sentences)
    context = [s.sent.text for s in sentences[first:at] if s.paragraph == current.paragraph]
    return Evidence(current.sent.text, " ".join(context), event.location, current.countries)
