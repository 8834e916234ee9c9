"""The ``detente_places`` component: where each event happened and which theatre it belongs to."""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from detente.model import register_extensions

from .locate import locate_events


@Language.factory("detente_places", assigns=["doc._.events"], requires=["doc.ents", "token.dep"])
def make_event_locator(nlp: Language, name: str):
    register_extensions()
    return EventLocator(nlp, name)


class EventLocator(Pipe):
    """Sets ``event.location`` and ``event.theatre`` on each event in ``doc._.events``."""

    def __init__(self, nlp: Language, name: str = "detente_places"):
        self.vocab = nlp.vocab
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.events or []
        if not events:
            return doc
        try:
            locate_events(doc, events)
        except Exception as exc:  # handed to spaCy's error handler, which re-raises by default
            self.get_error_handler()(self.name, self, [doc], exc)
        return doc
