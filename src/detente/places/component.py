"""The ``detente_places`` component: where each event happened and which theatre it belongs to."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from detente.model import Event, register_extensions
from detente.stage import EventStage

from .locate import locate_events


@Language.factory("detente_places", assigns=["doc._.events"], requires=["doc.ents", "token.dep"])
def make_event_locator(nlp: Language, name: str):
    register_extensions()
    return EventLocator(nlp, name)


class EventLocator(EventStage):
    """Sets ``event.location`` and ``event.theatre`` on each event in ``doc._.events``."""

    def __init__(self, nlp: Language, name: str = "detente_places"):
        super().__init__(nlp, name)

    def annotate(self, doc: Doc, events: list[Event]) -> None:
        locate_events(doc, events)
