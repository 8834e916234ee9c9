"""Sentence structures: who did what to whom."""

import pytest


@pytest.mark.parametrize("text, expected", [
    ("Turkey shot down a Russian jet.", ("TUR", "RUS", "190")),
    ("Russia sold missiles to Greece.", ("RUS", "GRC", "062")),
    ("Iran condemned France.", ("IRN", "FRA", "111")),
])
def test_events_active_sentence_codes_subject_verb_object(events_of, text, expected):
    assert expected in [e[:3] for e in events_of(text)]


@pytest.mark.parametrize("text, expected", [
    ("A Russian jet was shot down by Turkey.", ("TUR", "RUS", "190")),
    ("Greece was condemned by Iran.", ("IRN", "GRC", "111")),
])
def test_events_passive_sentence_takes_the_source_from_the_by_phrase(events_of, text, expected):
    assert [e[:3] for e in events_of(text)] == [expected]


def test_events_passive_without_agent_gives_no_event(events_of):
    assert events_of("A Russian jet was shot down over the border.") == []


def test_events_compound_subject_with_object_gives_one_event_each(events_of):
    found = {e[:3] for e in events_of("Russia and Iran condemned Turkey.")}
    assert found == {("RUS", "TUR", "111"), ("IRN", "TUR", "111")}


def test_events_compound_subject_without_object_is_reciprocal(events_of):
    found = {e[:3] for e in events_of("Russia and Turkey signed an agreement.")}
    assert found == {("RUS", "TUR", "057"), ("TUR", "RUS", "057")}


def test_events_coordinated_verbs_give_one_event_per_act(events_of):
    found = {e[:3] for e in events_of("Turkey shot down a Russian jet and accused Moscow of aggression.")}
    assert {("TUR", "RUS", "190"), ("TUR", "RUS", "1123")} <= found


def test_events_clauses_of_one_sentence_are_coded_apart(events_of):
    found = {e[:3] for e in events_of("Iran praised China, while India criticized Pakistan.")}
    assert {("IRN", "CHN", "051"), ("IND", "PAK", "111")} <= found


@pytest.mark.parametrize("text, expected", [
    ("Russia and Turkey agreed to cooperate on the pipeline.", "0311"),
    ("Greece refused to meet Turkish officials.", "125"),
    ("France urged Turkey to withdraw its troops.", "0256"),
])
def test_events_xcomp_chain_codes_the_meaningful_verb(events_of, text, expected):
    assert expected in {e[2] for e in events_of(text)}


def test_events_urged_party_is_the_target(events_of):
    assert ("FRA", "TUR") in {e[:2] for e in events_of("France urged Turkey to withdraw its troops from Syria.")}


def test_events_reported_act_belongs_to_its_own_actor(events_of):
    found = {e[:3] for e in events_of("Iran said Russian jets bombed Turkish positions.")}
    assert ("RUS", "TUR", "195") in found
    assert not any(code.startswith("01") for _, _, code in found)


def test_events_reported_attack_by_another_actor_is_an_accusation(events_of):
    found = {e for e in events_of("Greece said Turkish jets bombed Greek islands.")}
    assert ("GRC", "TUR", "112", "asserted") in found
    assert any(e[0] == "TUR" and e[2] == "195" and e[3] == "alleged" for e in found)


def test_events_hosting_gives_the_guest_visit_too(events_of):
    found = {e[:3] for e in events_of("Pakistan hosted Iran on Monday.")}
    assert found == {("PAK", "IRN", "043"), ("IRN", "PAK", "042")}


def test_events_a_visit_is_one_event(events_of):
    assert {e[:3] for e in events_of("Iran visited Pakistan on Monday.")} == {("IRN", "PAK", "042")}


def test_events_a_date_is_not_a_complement(events_of):
    found = {e[2] for e in events_of("Iran telephoned Pakistan on Tuesday.")}
    assert found == {"041"}


def test_events_listed_countries_in_apposition_are_each_a_source(events_of):
    found = {e[:3] for e in events_of("Russia, China, Iran and India condemned France.")}
    assert {("RUS", "FRA", "111"), ("CHN", "FRA", "111"), ("IND", "FRA", "111")} <= found


def test_events_statement_without_reported_act_is_coded_010(events_of):
    found = {e[:3] for e in events_of("Moscow said relations with Ankara were difficult.")}
    assert found == {("RUS", "TUR", "010")}


def test_events_unresolved_pronoun_in_reported_clause_is_the_speaker(events_of):
    found = {e[:3] for e in events_of("Turkey said it would buy missiles from Russia.")}
    assert ("TUR", "RUS", "0312") in found


def test_events_implicit_target_comes_from_the_previous_event(coded):
    doc, events = coded("Russia imposed sanctions on Turkey. Two days later Ankara vowed to retaliate.")
    second = [e for e in events if e.sentence_index == 1]
    assert [(e.source.country, e.target.country) for e in second] == [("TUR", "RUS")]
    assert "context" in second[0].pattern
    assert second[0].confidence < events[0].confidence


def test_events_point_back_to_their_evidence(coded):
    doc, events = coded("After the talks, Turkey shot down a Russian jet near the border.")
    event = events[0]
    assert doc.text[event.trigger[0]:event.trigger[1]] == "shot down"
    assert "Turkey shot down a Russian jet" in doc.text[event.span[0]:event.span[1]]


def test_events_sentence_index_counts_sentences(coded):
    _, events = coded("Nothing happened on Monday. Iran condemned France on Tuesday.")
    assert [e.sentence_index for e in events] == [1]


def test_events_sentence_without_actors_gives_nothing(events_of):
    assert events_of("The officials attacked the proposal and condemned the plan.") == []


@pytest.mark.parametrize("text, code", [
    ("Iran seized a Greek tanker.", "171"),
    ("Russia seized the Syrian town.", "192"),
    ("Pakistani troops killed hundreds of Indian civilians.", "202"),
])
def test_events_object_decides_between_related_codes(events_of, text, code):
    assert [e[2] for e in events_of(text)] == [code]


def test_events_agent_of_a_nominal_act_is_the_source(events_of):
    found = events_of("Dozens of Turkish soldiers were killed in an air strike by Syrian forces.")
    assert [e[:3] for e in found] == [("SYR", "TUR", "195")]


def test_events_possessive_pronoun_subject_in_reported_clause_is_the_speaker(events_of):
    found = {e[:3] for e in events_of("Greece said its jets carried out raids on Turkish positions.")}
    assert ("GRC", "TUR", "195") in found


def test_events_reported_obligation_of_another_is_a_demand(events_of):
    found = events_of("India insists that Pakistan must return the captured pilot.")
    assert [(e[0], e[1], e[2][:2], e[3]) for e in found] == [("IND", "PAK", "10", "asserted")]


def test_events_coordinated_adjectives_name_each_actor(events_of):
    found = {e[:2] for e in events_of("Syrian and Turkish forces clashed near the border.")}
    assert found == {("SYR", "TUR"), ("TUR", "SYR")}


@pytest.mark.parametrize("text", [
    "Greece beat Turkey in the basketball final.",
    "France beat China to win the World Cup.",
])
def test_events_sports_sentences_are_discarded(events_of, text):
    assert events_of(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Thousands of Iranian students protested in Tehran.", ("IRN", "IRN", "141")),
    ("Pakistani doctors went on a hunger strike.", ("PAK", "PAK", "142")),
])
def test_events_protest_without_named_target_is_aimed_at_the_own_state(events_of, text, expected):
    assert [e[:3] for e in events_of(text)] == [expected]


def test_events_government_protest_is_an_official_complaint(events_of):
    assert [e[2] for e in events_of("Greece protested to Turkey over the flights.")] == ["114"]
