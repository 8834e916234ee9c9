"""The shape shared by the stages that annotate events already found (time, places)."""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from detente.model import Event


class EventStage(Pipe):
    """Calls ``annotate(doc, events)`` on docs that have events, inside spaCy's error handler.

    A failure is handed to the handler (which re-raises by default, and which a
    batch job replaces to skip and record the document).
    """

    def __init__(self, nlp: Language, name: str):
        self.vocab = nlp.vocab
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.events or []
        if not events:
            return doc
        try:
            self.annotate(doc, events)
        except Exception as exc:  # handed to spaCy's error handler, which re-raises by default
            self.get_error_handler()(self.name, self, [doc], exc)
        return doc

    def annotate(self, doc: Doc, events: list[Event]) -> None:
        raise NotImplementedError
