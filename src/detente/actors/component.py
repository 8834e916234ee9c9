"""Placeholder for the `detente_actors` component (being built); passes docs through."""

from spacy.language import Language
from spacy.tokens import Doc

from detente.model import register_extensions


class _Placeholder:
    def __call__(self, doc: Doc) -> Doc:
        if doc._.actors is None:
            doc._.actors = []
        return doc


@Language.factory("detente_actors")
def make_actor_recognizer(nlp: Language, name: str):
    register_extensions()
    return _Placeholder()
