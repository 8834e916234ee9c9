"""The `detente_events` spaCy component: sets ``doc._.events`` from the actors and the parse.

Two coders: ``rules`` (verb patterns over the dependency parse; the fast path and
the comparison baseline) and ``model`` (the default: the rules propose, the
trained pair classifier in ``events/learned`` decides). The model is loaded once
per process and shared by every pipeline that uses it.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from detente.model import register_extensions
from detente.stage import Stage, check_config

from .cameo import code_table
from .coder import code_doc
from .learned.coder import learned_events
from .learned.model import load_pair_model
from .lexicon import load_lexicon
from .rules import governors, modality_cues

log = logging.getLogger(__name__)

CODERS = ("model", "rules")


class EventCoder(Stage):
    """Find (source, verb phrase, target) in each sentence and code it in CAMEO."""

    def __init__(self, name: str = "detente_events", coder: str = "model",
                 min_confidence: float | None = None, model_path: str | None = None):
        super().__init__(None, name)
        self.coder = check_config(name, "coder", coder, lambda v: v in CODERS,
                                  f"one of {', '.join(CODERS)} (the setting DETENTE_CODER / --coder)")
        self.min_confidence = check_config(name, "min_confidence", min_confidence,
                                           lambda v: v is None or 0.0 <= v <= 1.0,
                                           "between 0 and 1 (the setting DETENTE_MIN_CONFIDENCE / --min-confidence)")
        load_lexicon(), governors(), modality_cues(), code_table()   # fail early on bad data
        self.model = self._load_model(model_path) if coder == "model" else None

    @staticmethod
    def _load_model(model_path: str | None):
        return load_pair_model(model_path)

    def annotate(self, doc: Doc) -> None:
        events = code_doc(doc) if doc._.actors else []
        if self.model is not None and doc._.actors:
            events = learned_events(doc, events, self.model, self.min_confidence)
        doc._.events = events


@Language.factory("detente_events", assigns=["doc._.events"], requires=["doc._.actors"],
                  default_config={"coder": "model", "min_confidence": None, "model_path": None})
def make_event_coder(nlp: Language, name: str, coder: str, min_confidence: float | None,
                     model_path: str | None) -> EventCoder:
    register_extensions()
    return EventCoder(name, coder=coder, min_confidence=min_confidence, model_path=model_path)
