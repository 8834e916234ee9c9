"""The `detente_events` spaCy component: sets ``doc._.events`` from the actors and the parse."""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from detente.model import register_extensions

from .cameo import code_table
from .coder import code_doc
from .lexicon import load_lexicon
from .rules import governors, modality_cues

log = logging.getLogger(__name__)


class EventCoder(Pipe):
    """Find (source, verb phrase, target) in each sentence and code it in CAMEO."""

    def __init__(self, name: str = "detente_events"):
        self.name = name
        load_lexicon(), governors(), modality_cues(), code_table()   # fail early on bad data

    def __call__(self, doc: Doc) -> Doc:
        events = code_doc(doc) if doc._.actors else []
        return self.set_annotations(doc, events)

    def set_annotations(self, doc: Doc, events) -> Doc:
        doc._.events = events
        return doc

    def pipe(self, docs, batch_size: int = 128):
        """Like ``__call__``, but a failing doc goes to the error handler (a batch can skip it)."""
        handler = self.get_error_handler()
        for doc in docs:
            try:
                yield self(doc)
            except Exception as exc:    # noqa: BLE001 - spaCy's error-handler contract
                log.debug("event coding failed for a doc: %s", exc)
                handler(self.name, self, [doc], exc)


@Language.factory("detente_events", assigns=["doc._.events"], requires=["doc._.actors"],
                  default_config={})
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    register_extensions()
    return EventCoder(name)
