"""The one contract of Detente's pipeline components: spaCy's ``Pipe`` and its error handler.

A stage's ``__call__`` annotates one doc and raises when it cannot; it never
catches its own error. spaCy's ``Pipe.pipe`` hands the error to the stage's
error handler, which re-raises by default; a handler that returns (the one
``detente.analysis`` sets while it streams) gets the doc dropped from the
stream, so no half-annotated doc goes on to the next stage.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from detente.errors import OptionError
from detente.model import Event


def check_config(component: str, key: str, value, valid: Callable[[object], bool], expected: str):
    """``value`` of the config ``key`` of ``component``, or an OptionError saying what is expected.

    spaCy already checks each value's type against the factory's signature; this checks its range."""
    if not valid(value):
        raise OptionError(f"{component}: config {key!r} must be {expected}, got {value!r} "
                          f"(nlp.add_pipe({component!r}, config={{{key!r}: ...}}))")
    return value


class Stage(Pipe):
    """Base of Detente's components: ``annotate(doc)`` fills the doc, or raises."""

    def __init__(self, nlp: Language | None, name: str):
        self.vocab = nlp.vocab if nlp is not None else None
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.annotate(doc)
        return doc

    def annotate(self, doc: Doc) -> None:
        raise NotImplementedError


class EventStage(Stage):
    """A stage that annotates the events already found (time, places): ``annotate(doc, events)``,
    called only on docs that have events."""

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.events or []
        if events:
            self.annotate(doc, events)
        return doc

    def annotate(self, doc: Doc, events: list[Event]) -> None:
        raise NotImplementedError
