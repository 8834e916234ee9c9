"""Reciprocal and bilateral acts whose counterpart only the story names.

"He calls each other almost every day", "The two sides met in Brussels": the
sentence names one party of an act done between two. "The talks have come to a
standstill, Aliyev said": a statement about a process two parties carry on
(``about_process``) is addressed to the other party. The counterpart is the
other main actor of the preceding sentences (``story_counterpart``); the event
carries the rule coder's "[target from context]" mark, which the learned coder
also reads, and the record says the target's basis is ``story``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from detente.actors.codes import country_name, is_country
from detente.model import ActorMention, ActorRef

from .participants import Party
from .rules import read_data

# Kinds of counterpart, most wanted first: the people and states a story is about
# before the generic actors it mentions.
RANKS = {"person": 0, "country": 1, "organisation": 1, "group": 1, "agent": 2, "place": 3}
STATE_ROLES = ("GOV", "MIL", "COP", "SPY")


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, ...], tuple[str, ...], int]:
    data = read_data("reciprocal.json")
    return tuple(data["codes"]), tuple(f" {w} " for w in data["words"]), int(data["story_sentences"])


@lru_cache(maxsize=1)
def _processes() -> tuple[str, ...]:
    return tuple(f" {w} " for w in read_data("reciprocal.json")["processes"])


def _padded(sentence: str) -> str:
    return " " + "".join(c if c.isalnum() or c == "-" else " " for c in sentence.lower()) + " "


def about_process(sentence: str) -> bool:
    """The sentence speaks of a process two parties carry on: talks, negotiations, a dialogue
    ("the talks have come to a standstill")."""
    text = _padded(sentence)
    return any(word in text for word in _processes())


def is_reciprocal(code: str | None, sentence: str) -> bool:
    """An act done between two parties: its code, or a reciprocal phrase in the sentence."""
    codes, words, _ = _rules()
    if code is not None and code.startswith(codes):
        return True
    text = f" {sentence.lower().strip('.!?')} "
    return any(word in text for word in words)


def rank(mention: ActorMention, ref: ActorRef, source: ActorRef) -> int | None:
    """How wanted ``ref`` is as the counterpart of ``source`` (lower is better), or None."""
    if ref.kind not in RANKS or ref.country == source.country or ref == source:
        return None
    if not (is_country(ref.country) or ref.kind in ("organisation", "group")):
        return None
    if ref.kind == "agent" and ref.code[3:6] not in STATE_ROLES:
        return None        # victims and bystanders are not the other party of talks
    return RANKS[ref.kind]


def as_actor(ref: ActorRef) -> ActorRef:
    """A place of another country ("arrived in Moscow") stands for its country, the host."""
    if ref.kind != "place":
        return ref
    return ActorRef(code=ref.country, country=ref.country, name=country_name(ref.country), kind="country")


def story_counterpart(doc: Doc, source: ActorRef, index: int) -> Party | None:
    """The other main actor of the sentences before sentence ``index``: in the nearest
    sentence that has one, the best-ranked actor of another country, first named first."""
    _, _, reach = _rules()
    by_sentence: dict[int, list[tuple[int, int, ActorRef, str]]] = {}
    for order, mention in enumerate(doc._.actors or []):
        if index - reach <= mention.sentence_index < index:
            for ref in mention.refs:
                wanted = rank(mention, ref, source)
                if wanted is not None:
                    by_sentence.setdefault(mention.sentence_index, []).append(
                        (wanted, order, ref, mention.text))
    if not by_sentence:
        return None
    _, _, ref, text = min(by_sentence[max(by_sentence)], key=lambda found: found[:2])
    return Party(as_actor(ref), text, -1, from_context=True)
