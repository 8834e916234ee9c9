"""A reciprocal or bilateral act that names one party takes the other from the story."""

from __future__ import annotations

import pytest

from detente.actors.basis import CONTEXT_MARK
from detente.events.reciprocal import is_reciprocal
from detente.records import doc_records


def pairs(analyze_text, text: str, date: str = "2024-03-01") -> list[tuple]:
    doc = analyze_text(text, date=date)
    return [(r["sentence_index"], r["source"]["country"], (r["target"] or {}).get("country"),
             (r["target"] or {}).get("basis"), r["cameo"]) for r in doc_records(doc)]


def test_reciprocal_codes_and_phrases():
    assert is_reciprocal("046", "They held talks.")
    assert is_reciprocal("010", "He calls each other almost every day.")
    assert not is_reciprocal("190", "Troops shelled the town.")


@pytest.mark.parametrize("text, second", [
    # a visit with no counterpart named: the host is the country of the place visited
    ("Chinese President Xi Jinping arrived in Moscow on Monday. On Tuesday, he signed a trade agreement.",
     ("CHN", "RUS")),
    # no earlier event gives the counterpart: the other main actor of the story does
    ("Ethiopia's prime minister Abiy Ahmed faces growing pressure at home. "
     "Kenyan President William Ruto held talks on Tuesday.", ("KEN", "ETH")),
])
def test_a_bilateral_act_with_one_party_takes_the_other_from_the_story(analyze_text, text, second):
    found = [p for p in pairs(analyze_text, text) if p[0] == 1]
    assert any((p[1], p[2], p[3]) == (*second, "story") for p in found), found


def test_the_story_counterpart_is_marked_and_less_sure(analyze_text):
    doc = analyze_text("Chinese President Xi Jinping arrived in Moscow on Monday. "
                       "On Tuesday, he signed a trade agreement.", date="2024-03-01")
    event = next(e for e in doc._.events if e.sentence_index == 1 and e.target is not None)
    assert CONTEXT_MARK in event.pattern and event.confidence < 0.4


def test_a_one_sided_act_takes_no_counterpart_from_the_story(analyze_text):
    found = pairs(analyze_text, "Putin met Erdogan in Sochi on Monday. Troops shelled the town of Avdiivka.")
    assert all(p[2] != "TUR" for p in found if p[0] == 1)


def test_a_counterpart_is_never_of_the_actors_own_country(analyze_text):
    found = pairs(analyze_text, "Russian police detained protesters in Moscow. "
                  "Putin held talks on Tuesday.")
    assert all(p[2] != "RUS" for p in found if p[0] == 1)



def test_a_plural_mention_before_gives_one_counterpart(nlp):
    """'Saudi and Iranian foreign ministers' holds two actors of one mention: choosing
    between them must not compare the actors themselves."""
    from detente.events.reciprocal import story_counterpart
    from detente.model import ActorMention, ActorRef

    doc = nlp.make_doc("Saudi and Iranian ministers met. China hosted talks.")
    sau, irn = (ActorRef(c + "GOV", c, c, "agent") for c in ("SAU", "IRN"))
    doc._.actors = [ActorMention("Saudi and Iranian ministers", 0, 27, 0, 4, (sau, irn), "agent", 0)]
    party = story_counterpart(doc, ActorRef("CHN", "CHN", "China", "country"), 1)
    assert party is not None and party.ref == sau and party.from_context


@pytest.mark.parametrize("second", [
    "The talks have come to a standstill, Aliyev said on Friday.",
    "Aliyev said on Friday that the negotiations had reached a deadlock.",
])
def test_a_statement_about_the_talks_is_addressed_to_the_other_party(analyze_text, second):
    found = pairs(analyze_text, "Aliyev met Pashinyan in Brussels on Monday. " + second)
    assert any(p[:4] == (1, "AZE", "ARM", "story") for p in found), found


def test_a_statement_about_nothing_bilateral_takes_no_counterpart(analyze_text):
    found = pairs(analyze_text, "Aliyev met Pashinyan in Brussels on Monday. "
                  "Aliyev said on Friday that the economy had grown.")
    assert all(p[2] is None for p in found if p[0] == 1), found
