"""The learned coder: the rules propose, the trained pair model decides.

For each sentence with an actor, every candidate pair (two mentions, or one
mention alone) is scored by the model; a pair becomes an event when the
model's most probable event type clears its threshold (the user's ``min_confidence``,
else the operating point chosen on the development split: one threshold for all types,
or per-type thresholds with a lower one for confirming the rules' proposals). The rule
coder's event on the same pair gives the detailed CAMEO code and the trigger
when it agrees on the root; otherwise the code is the root's general code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span

from detente.model import ActorMention, ActorRef, Event
from detente.sentences import SentenceIndex

from ..coder import dyad_code_key
from ..discards import is_discarded
from .candidates import Pair, candidate_pairs, sentence_mentions, with_syntax
from .model import PairModel, Scored
from .syntax import governor

SENTENCES_PER_CALL = 32
CONTEXT_DISCOUNT = 0.8
CONTEXT_MARK = "[target from context]"


def learned_events(doc: Doc, rule_events: list[Event], model: PairModel,
                   min_confidence: float | None = None) -> list[Event]:
    # Sentences of similar length are encoded together, so little of each call is padding.
    work = sorted(sentence_work(doc, rule_events), key=lambda w: len(w[1]))
    events: list[Event] = []
    for i in range(0, len(work), SENTENCES_PER_CALL):
        chunk = work[i:i + SENTENCES_PER_CALL]
        for (index, sent, mentions, pairs, rules), encoded in zip(
                chunk, model.encode([w[1].text for w in chunk])):
            spans = [(m.start - sent.start_char, m.end - sent.start_char) for m in mentions]
            scored = model.score(encoded, spans, pairs)
            decider = SentenceDecider(doc, index, mentions, rules, model, min_confidence)
            events.extend(decider.events(pairs, scored))
    return sorted(events, key=lambda e: (e.sentence_index, e.trigger))


def sentence_work(doc: Doc, rule_events: list[Event]) -> Iterator[tuple]:
    mentions = doc._.actors or []
    for index, sent in enumerate(SentenceIndex(doc)):
        inside = sentence_mentions(mentions, sent.start_char, sent.end_char)
        if not any(m.actor.kind != "place" for m in inside) or is_discarded(sent.text):
            continue          # no actor that can act: places alone are settings or targets
        rules = [e for e in rule_events if e.sentence_index == index]
        yield index, sent, inside, with_syntax(doc, inside, candidate_pairs(inside, rules)), rules


class SentenceDecider:
    """Turns one sentence's scored pairs into events (deduplicated per dyad and code)."""

    def __init__(self, doc: Doc, index: int, mentions: list[ActorMention], rules: list[Event],
                 model: PairModel, min_confidence: float | None):
        self.doc, self.index, self.mentions, self.rules = doc, index, mentions, rules
        self.model = model
        self.min_confidence = min_confidence if min_confidence is not None else model.min_confidence

    def decision(self, scored: Scored | None) -> Scored | None:
        """The pair's event type when the model accepts one: its own best type above that
        type's threshold, or the rules' proposal when the model gives it at least the
        (lower) threshold for confirming a proposal."""
        if scored is None:
            return None
        cut = self.min_confidence if self.min_confidence is not None else self.model.threshold(scored.label)
        if scored.probability >= cut:
            return scored
        confirm = self.min_confidence if self.min_confidence is not None else self.model.rule_threshold
        if scored.rule_label and scored.rule_probability >= confirm:
            return replace(scored, label=scored.rule_label, probability=scored.rule_probability)
        return None

    def events(self, pairs: list[Pair], scored: list[Scored | None]) -> list[Event]:
        found: dict[tuple, Event] = {}
        for pair, score in zip(pairs, scored):
            score = self.decision(score)
            if score is None:
                continue
            for event in self.pair_events(pair, score):
                key = dyad_code_key(event)
                if key not in found or found[key].confidence < event.confidence:
                    found[key] = event
        return sorted(without_bare_duplicates(list(found.values())), key=lambda e: e.trigger)

    def pair_events(self, pair: Pair, score: Scored) -> Iterator[Event]:
        source = self.mentions[pair.source]
        target = self.mentions[pair.target] if pair.target is not None else None
        rule = self.rule_for(source, target, score.label)
        confidence = score.probability
        context_target = None
        if target is None and rule is not None and rule.target is not None and CONTEXT_MARK in rule.pattern:
            context_target, confidence = rule, confidence * CONTEXT_DISCOUNT
        for s_ref in source.refs:
            for t_ref in target_refs(target, context_target):
                if t_ref is not None and t_ref == s_ref:
                    continue
                yield self.event(source, s_ref, target, t_ref, context_target, score, rule, confidence)

    def rule_for(self, source: ActorMention, target: ActorMention | None, root: str) -> Event | None:
        """The rule coder's event of this root for this pair, else for this source."""
        same_root = [e for e in self.rules if e.cameo[:2] == root and e.source_text == source.text]
        exact = [e for e in same_root if (e.target_text or None) == (target.text if target else None)]
        return (exact or same_root or [None])[0]

    def event(self, source, s_ref, target, t_ref, context_target, score: Scored,
              rule: Event | None, confidence: float) -> Event:
        trigger = rule.trigger if rule is not None else governing_word(self.doc, source)
        shown = [m for m in (source, target) if m is not None]
        span = (min([m.start for m in shown] + [trigger[0]]), max([m.end for m in shown] + [trigger[1]]))
        code = rule.cameo if rule is not None else score.label + "0"
        target_text = target.text if target is not None else (
            context_target.target_text if context_target is not None else "")
        pattern = f"model {score.label} p={score.probability:.2f}" + (
            f"; rules {rule.cameo} ({rule.pattern})" if rule is not None else "") + (
            f" {CONTEXT_MARK}" if context_target is not None else "")
        return Event(source=s_ref, source_text=source.text, target=t_ref, target_text=target_text,
                     cameo=code, sentence_index=self.index, span=span, trigger=trigger,
                     modality=score.modality, confidence=round(max(confidence, 0.01), 3), pattern=pattern)


def without_bare_duplicates(events: list[Event]) -> list[Event]:
    """Drop an act with no recipient when the same source does the same kind of act (same
    CAMEO root) to a recipient in the sentence: "Russia's shelling of Kharkiv" is one
    event, Russia -> Ukraine, not that one plus Russia shelling nobody."""
    aimed = {(e.source.country, e.cameo[:2]) for e in events if e.target is not None}
    return [e for e in events if e.target is not None or (e.source.country, e.cameo[:2]) not in aimed]


def target_refs(target: ActorMention | None, context_target: Event | None) -> tuple[ActorRef | None, ...]:
    if target is not None:
        return target.refs
    if context_target is not None:
        return (context_target.target,)
    return (None,)


def governing_word(doc: Doc, mention: ActorMention) -> tuple[int, int]:
    """Characters of the verb (or noun) the mention hangs from: the act's trigger."""
    span: Span = doc[mention.token_start:max(mention.token_end, mention.token_start + 1)]
    token = governor(span.root)
    return token.idx, token.idx + len(token)
