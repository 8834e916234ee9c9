"""How an event's actor got its country (``named``, ``place`` or ``story``), for the records.

An event names its actors by text and reference; the actor mention of its
sentence with that text and reference carries the basis. A target the coder
took from an earlier sentence ("[target from context]"), or one no mention of
the sentence names (a protest aimed at the protesters' own state), was found
from the story.
"""

from __future__ import annotations

from collections.abc import Iterable

from detente.model import ActorMention, ActorRef

CONTEXT_MARK = "[target from context]"   # the rule coder's mark on a target taken from the story


def mention_basis(mentions: Iterable[ActorMention], ref: ActorRef, text: str,
                  start: int, end: int) -> str:
    """The basis of the mention between character offsets ``start`` and ``end`` that
    names ``ref`` as ``text``; ``story`` when none does."""
    if text:
        for mention in mentions:
            if start <= mention.start < end and mention.text == text and ref in mention.refs:
                return mention.basis
    return "story"
