"""The `detente_events` spaCy component: sets ``doc._.events`` from the actors and the parse."""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from detente.model import register_extensions

from .cameo import code_table
from .coder import code_doc
from .lexicon import load_lexicon
from .rules import governors, modality_cues

log = logging.getLogger(__name__)


class EventCoder:
    """Find (source, verb phrase, target) triples in each sentence and code them in CAMEO."""

    def __init__(self, name: str = "detente_events"):
        self.name = name
        load_lexicon(), governors(), modality_cues(), code_table()   # fail early on bad data

    def __call__(self, doc: Doc) -> Doc:
        if doc._.actors is None:
            doc._.actors = []
        events = code_doc(doc)
        doc._.events = events
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory("detente_events", assigns=["doc._.events"], requires=["doc._.actors"],
                  default_config={})
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    register_extensions()
    return EventCoder(name)
