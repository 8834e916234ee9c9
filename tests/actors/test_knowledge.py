"""World knowledge about generic actors (data/knowledge.tsv) and names with another sense
that is a place of another country (Georgia, the US state)."""

import pytest

from detente.actors.knowledge import known_country

DATE = "2024-05-07"   # the report date the texts are read against


@pytest.mark.parametrize("text, phrase, code", [
    ("Settlers attacked Palestinian farmers near Nablus.", "Settlers", "ISRCVL"),
    ("Hamas fighters fired mortars at troops near Rafah.", "troops", "ISRMIL"),
    ("Soldiers raided a refugee camp in Jenin overnight.", "Soldiers", "ISRMIL"),
    ("Occupation forces shelled villages in Kherson region.", "Occupation forces", "RUSMIL"),
])
def test_knowledge_gives_a_generic_actor_the_country_readers_know(placed, text, phrase, code):
    found = placed(text, phrase, DATE)
    assert (found.actor.code, found.basis) == (code, "story")


@pytest.mark.parametrize("text, phrase, code", [
    ("Palestinian security forces arrested gunmen in Jenin.", "gunmen", "PSEUAF"),
    ("Chinese settlers arrived in Lhasa.", "Chinese settlers", "CHNCVL"),
    ("Troops shelled villages near Kherson.", "Troops", "UKRMIL"),
])
def test_knowledge_leaves_alone_actors_it_does_not_cover(placed, text, phrase, code):
    assert placed(text, phrase, DATE).actor.code == code


def test_knowledge_rules_hold_only_for_their_dates():
    import datetime as dt

    assert known_country("occupation forces", "military", "LBN", dt.date(2024, 10, 1)) == "ISR"
    assert known_country("occupation forces", "military", "LBN", dt.date(2010, 10, 1)) is None


@pytest.mark.parametrize("text, phrase", [
    ("Georgia's governor signed a law banning Chinese land purchases.", "Georgia's governor"),
    ("The governor of Georgia criticized Russia.", "governor of Georgia"),
    ("A storm hit Georgia and the governor declared an emergency.", "governor"),
])
def test_a_us_state_governor_is_american_not_georgian(placed, text, phrase):
    assert placed(text, phrase, DATE).actor.code == "USAGOV"


@pytest.mark.parametrize("text, phrase, code", [
    ("Texas governor Greg Abbott sent troops to the border with Mexico.", "Texas governor", "USAGOV"),
    ("Georgia's president met Putin in Tbilisi.", "Georgia's president", "GEOGOV"),
    ("Police in Georgia arrested two Russian tourists in Batumi.", "Police", "GEOCOP"),
])
def test_other_state_officials_and_the_country_georgia_keep_their_country(placed, text, phrase, code):
    assert placed(text, phrase, DATE).actor.code == code


@pytest.mark.parametrize("text, phrase, code", [
    ("The Tatmadaw bombed a village in Sagaing.", "The Tatmadaw", "MMRMIL"),
    ("Iran vowed revenge on the Zionist regime.", "Zionist regime", "ISRGOV"),
])
def test_names_the_press_uses_for_states_and_their_forces(placed, text, phrase, code):
    assert placed(text, phrase, DATE).actor.code == code
