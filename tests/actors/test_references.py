"""References back to groups, states and forces: his/her/its/their forces, they, them."""

import pytest


def refs(analyze_text, text, phrase, date="2024-03-14"):
    found = [m for m in analyze_text(text, date=date)._.actors if m.text == phrase]
    assert found, phrase
    return found[0]


@pytest.mark.parametrize("text, phrase, country", [
    ("Haftar visited Moscow. His forces control the east.", "His forces", "LBY"),
    ("Hezbollah said its fighters fired rockets at Haifa.", "its fighters", "LBN"),
    ("Burhan said his forces would not negotiate.", "his forces", "SDN"),
])
def test_references_possessive_generic_actor_takes_its_owner(analyze_text, text, phrase, country):
    found = refs(analyze_text, text, phrase)
    assert (found.actor.country, found.via, found.basis) == (country, "coreference", "story")


def test_references_they_is_the_group_named_before(analyze_text):
    found = refs(analyze_text, "The Houthis said they had targeted a British ship.", "they")
    assert found.actor.code == "YEMREB"


def test_references_them_is_not_the_subject_of_its_own_verb(analyze_text):
    text = "Israeli forces raided Jenin, where the Jenin Brigade fought them."
    assert refs(analyze_text, text, "them").actor.country == "ISR"


def test_references_the_two_countries_leave_out_places(analyze_text):
    text = "Russia and Turkey back opposite sides in Libya. The two countries have clashed before."
    found = refs(analyze_text, text, "The two countries")
    assert sorted(r.country for r in found.refs) == ["RUS", "TUR"]


def test_references_their_forces_after_two_leaders_are_both_armies(analyze_text):
    text = "Putin and Erdogan were calling each other. But in Syria their armies are on opposite sides."
    found = refs(analyze_text, text, "their armies", date="2020-10-20")
    assert sorted(r.code for r in found.refs) == ["RUSMIL", "TURMIL"]
