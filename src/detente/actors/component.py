"""The ``detente_actors`` spaCy component: find actor mentions and code them.

``doc._.actors`` becomes a list of ``ActorMention`` sorted by start: countries
(names, demonyms, capitals and seats of government), people with the role they
held on the article's date, organisations, armed groups and generic agents
("Turkish soldiers" -> TURMIL). The dictionary is compiled once per process.
"""

from __future__ import annotations

import datetime as dt
import logging

from spacy.language import Language
from spacy.tokens import Doc

from detente.model import ACTOR_KINDS, ActorMention, register_extensions
from detente.stage import Stage, check_config

from .combine import build_mentions
from .dictionary import ActorDictionary, load_dictionary
from .disambiguation import filter_candidates
from .matcher import find_candidates

log = logging.getLogger(__name__)


def article_date(doc: Doc) -> dt.date | None:
    article = doc._.article
    return getattr(article, "date", None) if article is not None else None


class ActorRecognizer(Stage):
    """Find dictionary matches, drop the ones context rules out, then code them."""

    def __init__(self, nlp: Language, name: str = "detente_actors", kinds: tuple[str, ...] = ACTOR_KINDS):
        super().__init__(nlp, name)
        self.kinds = frozenset(check_config(name, "kinds", list(kinds), lambda v: v and set(v) <= set(ACTOR_KINDS),
                                            f"a non-empty list of actor kinds from {', '.join(ACTOR_KINDS)}"))
        self.book: ActorDictionary = load_dictionary(nlp.tokenizer)

    def find(self, doc: Doc) -> list[ActorMention]:
        candidates = filter_candidates(doc, find_candidates(doc, self.book), self.book)
        mentions = build_mentions(doc, candidates, article_date(doc), self.book)
        return [m for m in mentions if m.actor.kind in self.kinds]

    def annotate(self, doc: Doc) -> None:
        doc._.actors = sorted(self.find(doc), key=lambda m: (m.start, m.end))


@Language.factory("detente_actors", assigns=["doc._.actors"],
                  requires=["token.ent_type", "token.pos", "token.is_sent_start"],
                  default_config={"kinds": list(ACTOR_KINDS)})
def make_actor_recognizer(nlp: Language, name: str, kinds: list[str]) -> ActorRecognizer:
    """``kinds``: the actor kinds kept (country, person, organisation, group, agent, place)."""
    register_extensions()
    return ActorRecognizer(nlp, name, tuple(kinds))
