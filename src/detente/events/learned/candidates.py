"""Candidate (source, target) pairs of one sentence, for the learned coder to decide.

Every ordered pair of actor mentions in the sentence is a candidate, and so is
every mention alone (an act with no recipient in the sentence). The rule
coder's events are matched to these pairs: their CAMEO root is a feature of
the pair, not the answer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from detente.model import ActorMention, Event

from .syntax import PairSyntax, SentenceParse

NO_RULE = "none"
MAX_MENTIONS = 8          # nearest mentions kept in a crowded sentence (keeps pairs O(64))


@dataclass(frozen=True)
class Pair:
    source: int                 # index into the sentence's mentions
    target: int | None          # None: an act with no recipient in the sentence
    rule_root: str = NO_RULE    # the rule coder's CAMEO root for this pair, or "none"
    syntax: PairSyntax | None = None


def sentence_mentions(mentions: list[ActorMention], start: int, end: int) -> list[ActorMention]:
    """Mentions whose characters lie in [start, end), at most MAX_MENTIONS, in text order."""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    return inside[:MAX_MENTIONS]


def rule_roots(mentions: list[ActorMention], events: list[Event]) -> dict[tuple, str]:
    """(source index, target index or None) -> root of the rule coder's event on it."""
    by_text: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        by_text.setdefault(m.text, []).append(i)
    roots = {}
    for event in events:
        for s in by_text.get(event.source_text, []):
            targets = by_text.get(event.target_text, []) if event.target_text else []
            for t in targets or [None]:
                if t != s:
                    roots.setdefault((s, t), event.cameo[:2])
    return roots


def candidate_pairs(mentions: list[ActorMention], events: list[Event]) -> list[Pair]:
    roots = rule_roots(mentions, events)
    pairs = []
    for s in range(len(mentions)):
        for t in (None, *range(len(mentions))):
            if t != s:
                pairs.append(Pair(s, t, roots.get((s, t), NO_RULE)))
    return pairs


def with_syntax(doc: Doc, mentions: list[ActorMention], pairs: list[Pair]) -> list[Pair]:
    """The pairs with what the parse says about each (mentions' token ranges in ``doc``)."""
    spans = [(m.token_start, max(m.token_end, m.token_start + 1)) for m in mentions]
    parse = SentenceParse(doc)
    return [replace(p, syntax=parse.pair(spans[p.source], spans[p.target] if p.target is not None else None))
            for p in pairs]
