"""Names that say where, languages and sponsors are not the actors of a sentence."""

import pytest


def kinds(analyze_text, text, date="2024-03-14"):
    return {m.text: m.actor.kind for m in analyze_text(text, date=date)._.actors}


@pytest.mark.parametrize("text, name", [
    ("Protesters stormed the parliament in Khartoum.", "Khartoum"),
    ("Erdogan flew to Moscow for talks.", "Moscow"),
    ("Lavrov accused the alliance of waging a proxy war in Ukraine.", "Ukraine"),
    ("A storm knocked down power lines in Lebanon, Tennessee.", "Lebanon"),
])
def test_settings_a_name_saying_where_is_a_place(analyze_text, text, name):
    assert kinds(analyze_text, text)[name] == "place"


@pytest.mark.parametrize("text, name", [
    ("Russia attacked Ukraine in February.", "Ukraine"),
    ("Moscow condemned the decision.", "Moscow"),
    ("Israeli strikes on Lebanon killed dozens.", "Lebanon"),
])
def test_settings_a_name_that_acts_or_is_acted_on_stays_an_actor(analyze_text, text, name):
    assert kinds(analyze_text, text)[name] == "country"


def test_settings_a_dateline_is_a_place_and_its_agency_no_actor(analyze_text):
    found = kinds(analyze_text, "BAMAKO, Sept 18 (Reuters) - Militants killed 12 soldiers.")
    assert found["BAMAKO"] == "place" and "Reuters" not in found


@pytest.mark.parametrize("text", [
    "He speaks Russian and Azerbaijani fluently.",
    "The statement was published in Arabic and English.",
    "The minister said in French that the talks had failed.",
    "The president addressed the crowd in Ukrainian on Monday.",
    "The document was translated from Turkish by the ministry.",
    "He answered questions in French and English after the meeting.",
    "The decree was published in Russian yesterday.",
])
def test_settings_languages_are_not_countries(analyze_text, text):
    assert not [m for m in analyze_text(text)._.actors if m.actor.kind == "country"]


@pytest.mark.parametrize("text, name", [
    ("The town fell back into Russian hands.", "Russian"),
    ("Aid from Turkish and Qatari donors arrived in Gaza.", "Turkish"),
])
def test_settings_a_demonym_before_a_noun_after_in_or_from_stays_a_country(analyze_text, text, name):
    assert kinds(analyze_text, text)[name] == "country"


def test_settings_a_sponsor_is_not_the_actor(analyze_text):
    found = {m.text: m.actor.country for m in
             analyze_text("The Turkish-backed SNA advanced on Ras al-Ain.", date="2019-10-14")._.actors}
    assert found == {"SNA": "SYR"}


@pytest.mark.parametrize("text, name, country", [
    ("Iraqi forces killed three militants in Kirkuk.", "Kirkuk", "IRQ"),
    ("Soldiers repelled an assault in the Kharkiv region.", "Kharkiv region", "UKR"),
])
def test_settings_cities_of_countries_with_dated_codes_are_places(analyze_text, text, name, country):
    found = {m.text: m.actor for m in analyze_text(text)._.actors}
    assert (found[name].kind, found[name].country) == ("place", country)


def test_settings_a_country_after_at_is_a_target(analyze_text):
    assert kinds(analyze_text, "Iran fired missiles at Israel.")["Israel"] == "country"


@pytest.mark.parametrize("text, name, country", [
    ("A storm knocked down power lines in Lebanon, Tennessee.", "Lebanon", "USA"),
    ("Police in Tripoli, Lebanon, arrested a smuggler.", "Tripoli", "LBN"),
])
def test_settings_a_town_takes_the_country_of_the_region_after_the_comma(analyze_text, text, name,
                                                                         country):
    found = {m.text: m.actor for m in analyze_text(text)._.actors}
    assert (found[name].kind, found[name].country) == ("place", country)


def test_settings_a_list_of_countries_stays_a_list_of_actors(analyze_text):
    found = {m.text: m.actor.country for m in analyze_text("Russia, Turkey and Iran met in Astana.")._.actors}
    assert [found[n] for n in ("Russia", "Turkey", "Iran")] == ["RUS", "TUR", "IRN"]


@pytest.mark.parametrize("text, expected", [
    ("A jet was downed near the Syrian border.", {}),
    ("Russian border guards detained the crew.", {"Russian border guards": "RUS"}),
])
def test_settings_a_border_is_a_thing_but_border_guards_are_actors(analyze_text, text, expected):
    assert {m.text: m.actor.country for m in analyze_text(text)._.actors} == expected


def test_settings_a_list_of_countries_after_in_stays_countries(analyze_text):
    found = {m.text: m.actor.country for m in
             analyze_text("Floods hit towns in Indonesia, Malaysia and Singapore.")._.actors}
    assert found == {"Indonesia": "IDN", "Malaysia": "MYS", "Singapore": "SGP"}
