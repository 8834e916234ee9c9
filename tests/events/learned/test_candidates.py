"""Candidate pairs for the learned coder: every ordered pair, every mention alone."""

from __future__ import annotations

from detente.events.learned.candidates import MAX_MENTIONS, NO_RULE, candidate_pairs, sentence_mentions
from detente.model import ActorMention, ActorRef, Event

TUR = ActorRef("TURGOV", "TUR", "Turkey", "country")
RUS = ActorRef("RUSGOV", "RUS", "Russia", "country")
SYR = ActorRef("SYR", "SYR", "Syria", "country")


def mention(text: str, start: int, ref: ActorRef) -> ActorMention:
    return ActorMention(text, start, start + len(text), 0, 1, (ref,))


def test_candidate_pairs_cover_every_ordered_pair_and_each_mention_alone():
    mentions = [mention("Ankara", 0, TUR), mention("Moscow", 20, RUS), mention("Damascus", 40, SYR)]
    pairs = {(p.source, p.target) for p in candidate_pairs(mentions, [])}
    assert pairs == {(0, None), (0, 1), (0, 2), (1, None), (1, 0), (1, 2), (2, None), (2, 0), (2, 1)}


def test_candidate_pairs_carry_the_rule_coders_root_only_on_its_own_pair():
    mentions = [mention("Ankara", 0, TUR), mention("Moscow", 20, RUS)]
    rule = Event(source=TUR, source_text="Ankara", target=RUS, target_text="Moscow", cameo="112",
                 sentence_index=0, span=(0, 26), trigger=(7, 15))
    roots = {(p.source, p.target): p.rule_root for p in candidate_pairs(mentions, [rule])}
    assert roots[(0, 1)] == "11"
    assert roots[(1, 0)] == NO_RULE and roots[(0, None)] == NO_RULE


def test_sentence_mentions_keep_the_sentence_and_cap_a_crowded_one():
    many = [mention(f"M{i}", i * 10, TUR) for i in range(MAX_MENTIONS + 4)]
    outside = mention("Moscow", 500, RUS)
    inside = sentence_mentions(many + [outside], 0, 400)
    assert len(inside) == MAX_MENTIONS
    assert outside not in inside
