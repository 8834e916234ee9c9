"""``detente_actor_spans``: Detente's actor mentions as the span group ``doc.spans["detente_actors"]``.

Each span carries the actor code as ``kb_id_`` and the actor kind as
``label_``, so displaCy (``style="span", options={"spans_key": "detente_actors"}``)
and other spaCy tools see Detente's actors. A plural mention ("the two
leaders") gives one span per actor it refers to.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from detente.stage import Stage, check_config

SPANS_KEY = "detente_actors"


def actor_spans(doc: Doc) -> list[Span]:
    return [Span(doc, mention.token_start, mention.token_end, label=ref.kind, kb_id=ref.code)
            for mention in doc._.actors or () for ref in mention.refs]


class ActorSpans(Stage):
    """Copies ``doc._.actors`` (after coreference) into ``doc.spans[SPANS_KEY]``."""

    def __init__(self, name: str = "detente_actor_spans", spans_key: str = SPANS_KEY):
        super().__init__(None, name)
        self.spans_key = check_config(name, "spans_key", spans_key, lambda v: bool(v.strip()),
                                      "a non-empty span group name")

    def annotate(self, doc: Doc) -> None:
        doc.spans[self.spans_key] = actor_spans(doc)


@Language.factory("detente_actor_spans", assigns=["doc.spans"], requires=["doc._.actors"],
                  default_config={"spans_key": SPANS_KEY})
def make_actor_spans(nlp: Language, name: str, spans_key: str) -> ActorSpans:
    return ActorSpans(name, spans_key)
