"""Modality, negation and duplicates."""

import pytest


@pytest.mark.parametrize("text", [
    "Turkey attacked Syrian positions.",
    "Iran condemned France.",
])
def test_modality_plain_act_is_asserted(events_of, text):
    assert {e[3] for e in events_of(text)} == {"asserted"}


@pytest.mark.parametrize("text, code", [
    ("Erdogan threatened that his army would retake the territory from Syria.", "1382"),
    ("Turkey threatened to impose sanctions on Greece.", "1312"),
    ("Russia vowed to retaliate against Turkey.", "1384"),
])
def test_modality_threat_is_coded_as_a_threat_not_the_act(events_of, text, code):
    found = events_of(text)
    assert [(e[2], e[3]) for e in found] == [(code, "threatened")]


def test_modality_denied_act_keeps_its_code_flagged_denied(events_of):
    found = events_of("Iran denied attacking the French embassy.")
    assert [(e[0], e[1], e[2], e[3]) for e in found] == [("IRN", "FRA", "190", "denied")]


def test_modality_denying_responsibility_is_016_asserted(events_of):
    found = events_of("Iran denied any responsibility for the attack on the French embassy.")
    assert [(e[0], e[2], e[3]) for e in found] == [("IRN", "016", "asserted")]


def test_modality_reported_negation_of_own_act_is_a_denial(events_of):
    found = events_of("China has not supplied any weapons to Russia, the Chinese envoy insisted.")
    assert [(e[0], e[1], e[2][:2], e[3]) for e in found] == [("CHN", "RUS", "07", "denied")]


@pytest.mark.parametrize("text", [
    "Officials believe the Russian air force was involved in the strike on Turkish soldiers.",
    "Turkish drones reportedly struck Syrian positions.",
    "Greece accused Turkey of attacking its ships.",
])
def test_modality_allegation_is_alleged(events_of, text):
    assert "alleged" in {e[3] for e in events_of(text) if e[2][:2] in ("18", "19")}


@pytest.mark.parametrize("text", [
    "If Turkey attacks Syria, Russia will respond.",
    "Russia could impose sanctions on Turkey.",
    "Iran might attack Pakistan.",
])
def test_modality_conditions_and_possibility_are_hypothetical(events_of, text):
    conflict = [e for e in events_of(text) if e[2][:2] in ("16", "19")]
    assert conflict and all(e[3] == "hypothetical" for e in conflict)


@pytest.mark.parametrize("text, forbidden_roots", [
    ("Russia did not help Turkey.", ("07", "06", "05")),
    ("Russia failed to enforce the truce with Turkey.", ("08",)),
    ("Turkey never attacked Greece.", ("19", "18")),
    ("Greece did not condemn Turkey.", ("11",)),
    ("Iran did not sign the agreement with France.", ("05",)),
])
def test_modality_negation_never_produces_the_act(events_of, text, forbidden_roots):
    assert not [e for e in events_of(text) if e[2][:2] in forbidden_roots]


@pytest.mark.parametrize("text, code", [
    ("Turkey refused to meet Russian officials.", "125"),
    ("Greece did not agree to meet Turkey.", "125"),
    ("India rejected the proposal from Pakistan.", "120"),
])
def test_modality_refusal_is_coded_as_rejection(events_of, text, code):
    found = events_of(text)
    assert [e[2] for e in found] == [code]
    assert not any(e[2].startswith("04") for e in found)


@pytest.mark.parametrize("text", [
    "Turkey shot down a Russian jet, Turkey shot down a Russian jet.",
    "Russia and Iran and Russia condemned Turkey.",
    "The Turkish army attacked Syrian positions.",
])
def test_modality_no_duplicate_events_from_one_clause(coded, text):
    _, events = coded(text)
    keys = [(e.source, e.target, e.cameo, e.trigger) for e in events]
    assert keys and len(keys) == len(set(keys))
    per_dyad_code = [(e.source, e.target, e.cameo) for e in events]
    assert len(per_dyad_code) == len(set(per_dyad_code))


@pytest.mark.parametrize("text", [
    "Greece said it will never recognise the Turkish claim on the islands of Turkey.",
    "India will not meet Pakistan.",
])
def test_modality_negated_future_act_is_a_refusal(events_of, text):
    found = events_of(text)
    assert found and all(e[2].startswith("12") and e[3] == "asserted" for e in found)


def test_modality_inverted_condition_is_hypothetical(events_of):
    found = events_of("Had Russia attacked Turkey, Iran would have condemned Moscow.")
    assert ("RUS", "TUR", "190", "hypothetical") in found


def test_modality_condition_of_a_threat_is_not_an_event(events_of):
    found = events_of("Turkey threatened to expel the French envoy unless France apologizes to Ankara.")
    assert [e[2][:2] for e in found] == ["13"]


@pytest.mark.parametrize("text, code", [
    ("Iran is willing to send troops to Syria.", "0334"),
    ("Greece is ready to meet Turkey.", "036"),
])
def test_modality_readiness_is_an_expressed_intent(events_of, text, code):
    assert [e[2] for e in events_of(text)] == [code]
