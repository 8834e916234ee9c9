"""The decider's de-duplication of acts with no recipient."""

from __future__ import annotations

from detente.events.learned.coder import without_bare_duplicates
from detente.model import ActorRef, Event


def event(source: str, target: str | None, code: str) -> Event:
    ref = ActorRef(code=source, country=source, name=source, kind="country")
    target_ref = ActorRef(code=target, country=target, name=target, kind="country") if target else None
    return Event(source=ref, source_text=source, target=target_ref, target_text=target or "",
                 cameo=code, sentence_index=0, span=(0, 1), trigger=(0, 1))


def test_a_bare_act_is_dropped_when_the_same_source_does_it_to_someone():
    kept = without_bare_duplicates([event("RUS", None, "194"), event("RUS", "UKR", "190"),
                                    event("RUS", None, "111"), event("UKR", None, "190")])
    assert {(e.source.country, e.target.country if e.target else None, e.cameo) for e in kept} == {
        ("RUS", "UKR", "190"), ("RUS", None, "111"), ("UKR", None, "190")}
