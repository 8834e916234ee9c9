"""The ``detente_places`` component: where each event happened and which theatre it belongs to."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from detente.model import Event, register_extensions
from detente.stage import EventStage, check_config

from .locate import CONTEXT_SENTENCES, locate_events


@Language.factory("detente_places", assigns=["doc._.events"], requires=["doc.ents", "token.dep"],
                  default_config={"theatres": True, "context_sentences": CONTEXT_SENTENCES})
def make_event_locator(nlp: Language, name: str, theatres: bool, context_sentences: int):
    """``theatres``: tag each event with its theatre; ``context_sentences``: how many sentences before the
    event's (same paragraph) the theatre is also read from."""
    register_extensions()
    return EventLocator(nlp, name, theatres=theatres, context_sentences=context_sentences)


class EventLocator(EventStage):
    """Sets ``event.location`` and ``event.theatre`` on each event in ``doc._.events``."""

    def __init__(self, nlp: Language, name: str = "detente_places", theatres: bool = True,
                 context_sentences: int = CONTEXT_SENTENCES):
        super().__init__(nlp, name)
        self.theatres = theatres
        self.context_sentences = check_config(name, "context_sentences", context_sentences, lambda v: v >= 0,
                                              "a number of sentences, 0 or more")

    def annotate(self, doc: Doc, events: list[Event]) -> None:
        locate_events(doc, events, theatres=self.theatres, context_sentences=self.context_sentences)
