"""The detente_coref component: references back to actors named earlier."""

import pytest

TEXT = ("Recep Tayyip Erdogan spoke with Vladimir Putin by phone on Monday. "
        "He said the two leaders agreed to keep talking. "
        "The Russian leader thanked the Turkish president for the call. "
        "The two countries will hold talks in Ankara, and both sides expect progress.")


def refs_of(mention):
    return [r.name for r in mention.refs]


@pytest.mark.parametrize("phrase, names", [
    ("He", ["Recep Tayyip Erdogan"]),
    ("the two leaders", ["Recep Tayyip Erdogan", "Vladimir Putin"]),
    ("Russian leader", ["Vladimir Putin"]),
    ("Turkish president", ["Recep Tayyip Erdogan"]),
    ("The two countries", ["Russia", "Turkey"]),
    ("both sides", ["Russia", "Turkey"]),
])
def test_coref_resolves_references_back(mention, phrase, names):
    found = mention(TEXT, phrase)
    assert (sorted(refs_of(found)), found.via) == (sorted(names), "coreference")


def test_coref_two_presidents_are_the_last_two_people(mention):
    found = mention("Emmanuel Macron hosted Olaf Scholz in Paris. The two presidents dined late.",
                    "The two presidents", date="2023-03-01")
    assert sorted(refs_of(found)) == ["Emmanuel Macron", "Olaf Scholz"]


def test_coref_pronoun_without_a_person_nearby_stays_unresolved(analyze_text):
    doc = analyze_text("The weather was cold in the morning. He went home early.")
    assert not [m for m in doc._.actors if m.text == "He"]


def test_coref_leader_reference_without_named_leader_keeps_country(mention):
    found = mention("The Iranian leader sent a message to Baghdad.", "Iranian leader")
    assert (found.actor.code, found.via) == ("IRNGOV", "agent")


def test_coref_bare_title_refers_to_the_office_holder_just_named(mention):
    found = mention("Emmanuel Macron arrived in Kyiv on Friday. The president laid a wreath.",
                    "president", date="2023-03-01")
    assert (found.actor.name, found.via) == ("Emmanuel Macron", "coreference")


def test_coref_an_object_pronoun_is_not_the_subject_of_its_own_verb(analyze_text):
    doc = analyze_text("Ethiopia's prime minister Abiy Ahmed faces growing pressure at home. "
                       "Kenyan President William Ruto held talks with him on Tuesday.")
    him = next(m for m in doc._.actors if m.text == "him")
    assert him.actor.code == "ETHGOV"


def test_coref_a_country_name_spacy_calls_a_person_is_still_the_country(analyze_text):
    doc = analyze_text("Armenian Prime Minister Pashinyan accused Azerbaijan of shelling.")
    assert "AZE" in {m.actor.country for m in doc._.actors if m.text == "Azerbaijan"}
