"""Turn an analysed Doc into the event records of DESIGN.md (the output contract).

The package also holds what every layer above shares about records: their flat
row (``schema``), how events are selected (``filters``), when two records are one
event (``merging``) and how codes are shown (``names``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from detente.actors.basis import CONTEXT_MARK, mention_basis
from detente.events.cameo import describe
from detente.events.plover import plover_coding
from detente.model import ActorRef, Event
from detente.sentences import SentenceIndex


def _actor(ref: ActorRef | None, text: str, basis: str = "named") -> dict | None:
    return {**ref.to_dict(text), "basis": basis} if ref is not None else None


def _bases(doc: Doc, event: Event, sentence) -> tuple[str, str]:
    """(source basis, target basis): how each actor's country was found."""
    mentions = doc._.actors or []
    span = (sentence.start_char, sentence.end_char)
    source = mention_basis(mentions, event.source, event.source_text, *span)
    if event.target is None or CONTEXT_MARK in event.pattern:
        return source, "story"
    return source, mention_basis(mentions, event.target, event.target_text, *span)


def event_record(doc: Doc, event: Event, sentences: SentenceIndex | None = None) -> dict:
    """The record of one event; its sentence is ``SentenceIndex.of_event``'s, as every stage reads it."""
    code = describe(event.cameo)
    plover = plover_coding(code.code)
    sentences = sentences if sentences is not None else SentenceIndex(doc)
    index = sentences.of_event(event)
    sentence = sentences[index]
    bases = _bases(doc, event, sentence)
    return {
        "article": doc._.article.header(),
        "sentence": sentence.text,
        "sentence_index": index,
        "span": list(event.span),
        "source": _actor(event.source, event.source_text, bases[0]),
        "target": _actor(event.target, event.target_text, bases[1]),
        "cameo": code.code,
        "cameo_root": code.root,
        "cameo_name": code.name,
        "quad_class": code.quad_class,
        "goldstein": code.goldstein,
        "plover": code.plover or None,
        "plover_mode": plover.mode,
        "plover_context": plover.context,
        "modality": event.modality,
        "date": event.date.to_dict() if event.date else None,
        "location": event.location.to_dict() if event.location else None,
        "theatre": event.theatre,
        "confidence": round(event.confidence, 3),
    }


def doc_records(doc: Doc) -> list[dict]:
    """All event records of one analysed article, in text order."""
    sentences = SentenceIndex(doc)
    return [event_record(doc, event, sentences) for event in doc._.events or []]


def actor_records(doc: Doc) -> list[dict]:
    """One object per actor mention (per actor, for plural mentions)."""
    article_id = doc._.article.id
    rows = []
    for mention in doc._.actors or []:
        for ref in mention.refs:
            row = ref.to_dict(mention.text)
            row.update(start=mention.start, end=mention.end, article_id=article_id, via=mention.via,
                       basis=mention.basis)
            rows.append(row)
    return rows
