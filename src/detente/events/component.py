"""The `detente_events` spaCy component: sets ``doc._.events`` from the actors and the parse.

Two coders: ``rules`` (verb patterns over the dependency parse; the fast path and
the comparison baseline) and ``model`` (the default: the rules propose, the
trained pair classifier in ``events/learned`` decides). The model is loaded once
per process and shared by every pipeline that uses it.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from detente.errors import OptionError
from detente.model import register_extensions

from .cameo import code_table
from .coder import code_doc
from .learned.coder import learned_events
from .learned.model import load_pair_model
from .lexicon import load_lexicon
from .rules import governors, modality_cues

log = logging.getLogger(__name__)

CODERS = ("model", "rules")


class EventCoder(Pipe):
    """Find (source, verb phrase, target) in each sentence and code it in CAMEO."""

    def __init__(self, name: str = "detente_events", coder: str = "model",
                 min_confidence: float | None = None, model_path: str | None = None):
        if coder not in CODERS:
            raise OptionError(f"the event coder must be one of {', '.join(CODERS)}, got {coder!r} "
                              "(DETENTE_CODER / --coder)")
        if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
            raise OptionError(f"the minimum confidence must be between 0 and 1, got {min_confidence} "
                              "(DETENTE_MIN_CONFIDENCE / --min-confidence)")
        self.name = name
        self.coder = coder
        self.min_confidence = min_confidence
        load_lexicon(), governors(), modality_cues(), code_table()   # fail early on bad data
        self.model = self._load_model(model_path) if coder == "model" else None

    @staticmethod
    def _load_model(model_path: str | None):
        return load_pair_model(model_path)

    def __call__(self, doc: Doc) -> Doc:
        events = code_doc(doc) if doc._.actors else []
        if self.model is not None and doc._.actors:
            events = learned_events(doc, events, self.model, self.min_confidence)
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
                  default_config={"coder": "model", "min_confidence": None, "model_path": None})
def make_event_coder(nlp: Language, name: str, coder: str, min_confidence: float | None,
                     model_path: str | None) -> EventCoder:
    register_extensions()
    return EventCoder(name, coder=coder, min_confidence=min_confidence, model_path=model_path)
