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


@pytest.mark.parametrize("text, phrase, code", [
    # the sentence between names nobody: "he" and "his" reach the person two sentences back
    ("President Erdogan spoke at length in Ankara on Monday. The economy was discussed. "
     "He said his forces would stay in Syria.", "his forces", "TURMIL"),
    ("Haftar visited Cairo. The visit lasted two days. His forces later attacked Tripoli.",
     "His forces", "LBYMIL"),
    # a person in the sentence between is nearer: "his" is the subject of that sentence
    ("Putin met Erdogan. Macron called Scholz. He said his troops were ready.",
     "his troops", "FRAMIL"),
])
def test_references_his_forces_reach_a_person_named_two_sentences_back(analyze_text, text,
                                                                       phrase, code):
    found = refs(analyze_text, text, phrase, date="2020-10-20")
    assert (found.actor.code, found.basis) == (code, "story")


def test_references_he_reaches_two_sentences_back_only_past_sentences_naming_nobody(analyze_text):
    text = ("President Erdogan spoke at length in Ankara on Monday. The economy was discussed. "
            "He said the lira would recover.")
    assert refs(analyze_text, text, "He", date="2020-10-20").actor.code == "TURGOV"
    far = ("President Erdogan spoke in Ankara on Monday. The economy was discussed. "
           "Inflation rose. He said the lira would recover.")
    assert all(m.text != "He" for m in analyze_text(far, date="2020-10-20")._.actors)
