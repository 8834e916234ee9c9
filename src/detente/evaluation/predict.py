"""Run the pipeline over gold items and keep what scoring needs from each event."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language

from detente.model import Article, Event
from detente.pipeline import analyze

from .gold import GoldItem
from .labels import normalise_actor


@dataclass(frozen=True)
class PredictedEvent:
    source: str | None
    target: str | None
    code: str
    modality: str
    evidence: str = ""
    confidence: float = 1.0


def from_event(event: Event, text: str) -> PredictedEvent:
    return PredictedEvent(
        source=normalise_actor(event.source.country),
        target=normalise_actor(event.target.country) if event.target else None,
        code=event.cameo, modality=event.modality,
        evidence=text[event.trigger[0]:event.trigger[1]], confidence=event.confidence)


def predict(items: Iterable[GoldItem], nlp: Language, batch_size: int = 32) -> dict[str, list]:
    """Item id -> the pipeline's events for the item's text (read against its date)."""
    items = list(items)
    articles = (Article(text=i.text, id=i.id, date=i.date, source="gold") for i in items)
    predictions = {}
    for item, doc in zip(items, analyze(articles, nlp, batch_size=batch_size)):
        predictions[item.id] = [from_event(e, doc.text) for e in doc._.events or []
                                if e.trigger[0] >= item.scored_from]
    return predictions
