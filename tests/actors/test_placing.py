"""Generic actors placed by the story: the phrase, the place of the act, the story's country."""

import pytest

DATE = "2024-03-14"   # the report date the texts are read against


@pytest.mark.parametrize("text, phrase, country", [
    ("Police fired tear gas at protesters in Nairobi.", "Police", "KEN"),
    ("Protesters in Bale zone blocked the main road.", "Protesters", "ETH"),
    ("Gunmen killed three villagers in Jijiga, in Ethiopia's Somali Region.", "Gunmen", "ETH"),
    ("Security forces arrested 20 opposition supporters in Mandalay overnight.", "Security forces", "MMR"),
    ("Gunmen abducted 40 students in Niger State.", "Gunmen", "NGA"),
    ("Police fired tear gas at protesters in Dakar.", "Police", "SEN"),
])
def test_placing_takes_the_country_of_the_place_of_the_act(placed, text, phrase, country):
    found = placed(text, phrase, DATE)
    assert (found.actor.country, found.basis) == (country, "place")


def test_placing_prefers_the_place_to_a_country_named_elsewhere_in_the_sentence(placed):
    found = placed("Turkey said government forces shelled rebel positions in Idlib.",
                   "government forces", DATE)
    assert (found.actor.code, found.basis) == ("SYRGOV", "place")


def test_placing_gives_troops_the_state_named_before_them(placed):
    text = "Israel said troops killed five militants in Jenin."
    assert placed(text, "troops", DATE).actor.country == "ISR"
    assert placed(text, "militants", DATE).actor.country == "PSE"


def test_placing_does_not_give_troops_an_armed_groups_country(placed):
    found = placed("JNIM fighters attacked an army post in Djibo.", "army post", DATE)
    assert found.actor.country == "BFA"


@pytest.mark.parametrize("text, phrase, code", [
    ("Oromia police detained 12 people.", "Oromia police", "ETHCOP"),
    ("Amhara regional forces clashed with the rebels.", "Amhara regional forces", "ETHGOV"),
    ("Masalit fighters defended the town.", "Masalit fighters", "SDNREB"),
    ("Somali Region special police raided a village.", "Somali Region special police", "ETHCOP"),
])
def test_placing_reads_a_region_or_community_before_the_actor(placed, text, phrase, code):
    found = placed(text, phrase, DATE)
    assert (found.actor.code, found.basis) == (code, "named")


def test_placing_uses_the_dateline_when_the_sentence_names_no_place(placed):
    found = placed("MOGADISHU, Somalia (Reuters) - Gunmen attacked a hotel on Friday.",
                   "Gunmen", DATE)
    assert (found.actor.country, found.basis) == ("SOM", "story")


def test_placing_uses_the_country_named_in_an_earlier_sentence(placed):
    text = "Kenya's president deployed the army. Police shot dead at least 20 demonstrators."
    found = placed(text, "Police", DATE)
    assert (found.actor.country, found.basis) == ("KEN", "story")


@pytest.mark.parametrize("text, country", [
    ("Police in Tripoli, Lebanon, arrested a smuggler.", "LBN"),
    ("Police in Tripoli arrested a smuggler.", "LBY"),
    ("Police said the gunman in Paris, Texas, acted alone.", "USA"),
])
def test_placing_reads_the_country_after_a_comma(placed, text, country):
    assert placed(text, "Police", DATE).actor.country == country


def test_placing_drops_a_generic_actor_nothing_places(analyze_text):
    doc = analyze_text("Police said the suspect had fled.")
    assert [m.text for m in doc._.actors] == []


def test_placing_names_the_basis_of_a_named_actor(placed):
    found = placed("Al Shabaab militants attacked a police post in Beledweyne.",
                   "Al Shabaab militants", DATE)
    assert (found.actor.code, found.basis) == ("SOMREB", "named")


@pytest.mark.parametrize("text, phrase, code", [
    ("JNIM fighters attacked an army post in Djibo.", "JNIM fighters", "BFAREB"),
    ("JNIM militants besieged villages near Mopti.", "JNIM militants", "MLIREB"),
    ("Boko Haram militants attacked a village in Cameroon's Far North Region.",
     "Boko Haram militants", "CMRREB"),
    ("JNIM claimed the attack.", "JNIM", "MLIREB"),
])
def test_placing_codes_cross_border_groups_where_they_act(placed, text, phrase, code):
    assert placed(text, phrase, DATE).actor.code == code


def test_placing_keeps_a_victim_word_describing_a_thing_out(analyze_text):
    doc = analyze_text("Russian troops struck a children's hospital in Kyiv.")
    assert "children" not in [m.text for m in doc._.actors]


def test_placing_sets_the_basis_in_actor_records(analyze_text):
    from detente.records import actor_records

    doc = analyze_text("Police fired tear gas at protesters in Nairobi.")
    assert {row["text"]: row["basis"] for row in actor_records(doc)}["Police"] == "place"


def test_placing_works_without_a_parser_by_the_story_alone():
    import spacy

    from detente.pipeline import add_detente_components

    nlp = add_detente_components(spacy.blank("en"), until="detente_coref")
    doc = nlp("MOGADISHU, Somalia - Gunmen attacked a hotel.")
    found = {m.text: (m.actor.country, m.basis) for m in doc._.actors}
    assert found["Gunmen"] == ("SOM", "story")


@pytest.mark.parametrize("text, phrase, country", [
    ("Russia's shelling of Kharkiv killed four civilians.", "civilians", "UKR"),
    ("A Russian drone strike on Odesa injured police officers.", "police officers", "UKR"),
    ("Russia's attack on Ukraine killed civilians.", "civilians", "UKR"),
])
def test_placing_puts_victims_where_an_attack_struck(placed, text, phrase, country):
    found = placed(text, phrase, DATE)
    assert (found.actor.country, found.basis) == (country, "place")


def test_placing_keeps_the_place_of_the_act_before_the_place_struck(placed):
    text = "After Russia's shelling of Kharkiv, police in Belgorod detained two protesters."
    assert placed(text, "police", DATE).actor.country == "RUS"
