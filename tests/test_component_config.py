"""Every Detente component takes its settings through spaCy's config, checks them, and acts on them.

Each test builds the component with ``nlp.create_pipe(name, config=...)`` (what
``nlp.add_pipe`` and a config.cfg use) and runs it on a doc the shared pipeline
parsed, next to the default component, so a setting that stopped working fails.
"""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.lang.en import English
from thinc.api import ConfigValidationError

from detente.errors import OptionError
from detente.model import Article
from detente.pipeline import STAGES, add_detente_components, make_doc
from detente.settings import Options

DAY = dt.date(2020, 3, 10)


def parsed(nlp, text: str, until: str):
    """``text`` run through the shared pipeline up to and including the stage ``until``."""
    names = [name for name, _ in STAGES]
    later = names[names.index(until) + 1:]
    return nlp(make_doc(nlp, Article(text=text, id="t", date=DAY, title="t", source="test")), disable=later)


def mentions(doc) -> list[tuple[str, str, str]]:
    return [(m.text, m.actor.code, m.via) for m in doc._.actors]


def test_actors_keep_only_the_kinds_configured(nlp):
    text = "Russian jets struck Turkish soldiers in Idlib in February."
    default = nlp.create_pipe("detente_actors")(parsed(nlp, text, "detente_actors"))
    countries = nlp.create_pipe("detente_actors", config={"kinds": ["country"]})(parsed(nlp, text, "detente_actors"))
    assert {m.actor.kind for m in default._.actors} >= {"country", "agent", "place"}
    assert [m.text for m in countries._.actors] == ["Russian"]


def test_coreference_leaves_pronouns_alone_when_configured(nlp):
    text = "Erdogan met Putin in Sochi. He accused Russia of violating the ceasefire."
    default = nlp.create_pipe("detente_coref")(parsed(nlp, text, "detente_actors"))
    off = nlp.create_pipe("detente_coref", config={"pronouns": False})(parsed(nlp, text, "detente_actors"))
    assert ("He", "TURGOV", "coreference") in mentions(default)
    assert "He" not in [m.text for m in off._.actors]


def test_coreference_leader_window_bounds_how_far_the_president_looks_back(nlp):
    text = "Erdogan flew to Sochi on Monday. The talks lasted four hours. The president then accused Moscow of lying."
    default = nlp.create_pipe("detente_coref")(parsed(nlp, text, "detente_actors"))
    near = nlp.create_pipe("detente_coref", config={"leader_window": 1})(parsed(nlp, text, "detente_actors"))
    assert ("president", "TURGOV", "coreference") in mentions(default)
    assert [m for m in mentions(near) if m[0] == "president" and m[2] == "coreference"] == []


def test_actor_spans_go_to_the_configured_span_group(nlp):
    doc = parsed(nlp, "Erdogan accused the Kremlin of lying.", "detente_coref")
    nlp.create_pipe("detente_actor_spans", config={"spans_key": "actors"})(doc)
    assert [s.kb_id_ for s in doc.spans["actors"]] == ["TURGOV", "RUSGOV"]
    assert "detente_actors" not in doc.spans


def test_events_min_confidence_drops_the_model_events_below_it(nlp):
    text = "Turkey accused Russia of lying."
    default = nlp.create_pipe("detente_events")(parsed(nlp, text, "detente_actor_spans"))
    strict = nlp.create_pipe("detente_events", config={"min_confidence": 1.0})(parsed(nlp, text, "detente_actor_spans"))
    assert [e.cameo for e in default._.events] == ["112"]
    assert strict._.events == []


def test_events_rules_coder_loads_no_model(nlp):
    assert nlp.create_pipe("detente_events", config={"coder": "rules"}).model is None
    assert nlp.create_pipe("detente_events").model is not None


def test_time_article_penalty_is_taken_from_the_config(nlp):
    text = "Turkey accused Russia of lying."
    default = nlp.create_pipe("detente_time")(parsed(nlp, text, "detente_events"))
    none = nlp.create_pipe("detente_time", config={"article_penalty": 0.0})(parsed(nlp, text, "detente_events"))
    assert default._.events[0].date.basis == "article"
    assert none._.events[0].confidence - default._.events[0].confidence == pytest.approx(0.1)


def test_places_theatres_and_context_come_from_the_config(nlp):
    text = "Russian jets struck Turkish soldiers in Idlib in February. Ankara condemned Moscow."
    default = nlp.create_pipe("detente_places")(parsed(nlp, text, "detente_time"))
    no_context = nlp.create_pipe("detente_places", config={"context_sentences": 0})(parsed(nlp, text, "detente_time"))
    off = nlp.create_pipe("detente_places", config={"theatres": False})(parsed(nlp, text, "detente_time"))
    assert [e.theatre for e in default._.events] == ["Syria", "Syria"]
    assert [e.theatre for e in no_context._.events] == ["Syria", None]
    assert [e.theatre for e in off._.events] == [None, None]
    assert [e.location for e in off._.events] == [e.location for e in default._.events]


BAD_VALUES = [
    ("detente_actors", {"kinds": ["nation"]}, "kinds"),
    ("detente_actors", {"kinds": []}, "kinds"),
    ("detente_coref", {"leader_window": -1}, "leader_window"),
    ("detente_actor_spans", {"spans_key": " "}, "spans_key"),
    ("detente_events", {"coder": "magic"}, "coder"),
    ("detente_events", {"min_confidence": 1.5}, "confidence"),
    ("detente_time", {"article_penalty": 2.0}, "article_penalty"),
    ("detente_places", {"context_sentences": -2}, "context_sentences"),
]


@pytest.mark.parametrize("name,config,key", BAD_VALUES)
def test_a_bad_config_value_is_refused_with_a_clear_error(name, config, key):
    nlp = spacy.blank("en")
    add_detente_components(nlp, until=STAGES[0][0])
    with pytest.raises(OptionError) as caught:
        nlp.add_pipe(name, name=f"{name}_bad", config=config)
    assert caught.value.code == "E200" and key in str(caught.value) and name in str(caught.value)


@pytest.mark.parametrize("name,config", [("detente_time", {"article_penalty": "high"}),
                                         ("detente_places", {"theatres": "maybe"}),
                                         ("detente_coref", {"unknown": 1})])
def test_a_config_value_of_the_wrong_type_is_refused_by_spacy(name, config):
    nlp = spacy.blank("en")
    add_detente_components(nlp, until=STAGES[0][0])
    with pytest.raises(ConfigValidationError, match=name):
        nlp.add_pipe(name, name=f"{name}_bad", config=config)


def test_every_component_declares_its_settings_in_its_default_config():
    nlp = spacy.blank("en")
    add_detente_components(nlp)
    configs = {name: dict(nlp.config["components"][name]) for name, _ in STAGES}
    assert {name: sorted(k for k in config if k != "factory") for name, config in configs.items()} == {
        "detente_actors": ["kinds"], "detente_coref": ["leader_window", "pronouns"],
        "detente_actor_spans": ["spans_key"], "detente_events": ["coder", "min_confidence", "model_path"],
        "detente_time": ["article_penalty"], "detente_places": ["context_sentences", "theatres"]}


def test_a_pipeline_rebuilt_from_its_config_keeps_the_settings():
    nlp = spacy.blank("en")
    add_detente_components(nlp, options=Options.from_env({}, coder="rules"))
    config = nlp.config.copy()
    config["components"]["detente_time"]["article_penalty"] = 0.25
    config["components"]["detente_places"]["theatres"] = False
    rebuilt = English.from_config(config)
    assert rebuilt.get_pipe("detente_time").article_penalty == 0.25
    assert rebuilt.get_pipe("detente_places").theatres is False
    assert rebuilt.get_pipe("detente_events").coder == "rules"


@pytest.mark.parametrize("environ,coder,floor", [({}, "model", None),
                                                 ({"DETENTE_CODER": "rules"}, "rules", None),
                                                 ({"DETENTE_MIN_CONFIDENCE": "0.6"}, "model", 0.6)])
def test_the_settings_fill_the_config_when_detente_builds_the_pipeline(environ, coder, floor):
    nlp = add_detente_components(spacy.blank("en"), options=Options.from_env(environ))
    assert nlp.config["components"]["detente_events"]["coder"] == coder
    assert nlp.get_pipe("detente_events").min_confidence == floor
