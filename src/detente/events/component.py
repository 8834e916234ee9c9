"""Placeholder for the `detente_events` component (being built); passes docs through."""

from spacy.language import Language
from spacy.tokens import Doc

from detente.model import register_extensions


class _Placeholder:
    def __call__(self, doc: Doc) -> Doc:
        if doc._.events is None:
            doc._.events = []
        return doc


@Language.factory("detente_events")
def make_event_coder(nlp: Language, name: str):
    register_extensions()
    return _Placeholder()
