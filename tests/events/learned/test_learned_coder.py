"""The learned coder: the rules propose, the trained pair model decides."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.errors import EventModelError
from detente.events.learned.model import PairModel, load_pair_model
from detente.model import Article
from detente.pipeline import analyze, load_pipeline
from detente.settings import Options


def coded(nlp, text: str, date: str = "2021-05-10"):
    article = Article(text=text, date=dt.date.fromisoformat(date), source="test")
    doc = next(analyze([article], nlp))
    return [(e.source.country, e.target.country if e.target else None, e.cameo, e.confidence, e.pattern)
            for e in doc._.events]


def test_model_files_missing_give_E310_with_the_way_out(tmp_path):
    with pytest.raises(EventModelError) as err:
        PairModel(tmp_path)
    message = str(err.value)
    assert message.startswith("[E310]") and "make model" in message and "--coder rules" in message


def test_model_is_loaded_once_per_process_and_shared_by_pipelines(model_nlp):
    other = load_pipeline(Options.from_env(coder="model"), until="detente_events")
    assert other.get_pipe("detente_events").model is model_nlp.get_pipe("detente_events").model
    assert load_pair_model() is model_nlp.get_pipe("detente_events").model


def test_model_codes_shelling_from_the_attacker_to_the_attacked(model_nlp):
    events = coded(model_nlp, "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday, "
                              "killing four civilians.")
    dyads = {(s, t) for s, t, code, *_ in events if int(code[:2]) >= 14}
    assert ("RUS", "UKR") in dyads
    assert ("UKR", "RUS") not in dyads


def test_model_codes_an_accusation_not_a_statement(model_nlp):
    events = coded(model_nlp, "Iran's foreign minister accused Saudi Arabia of funding the protests "
                              "in Tehran.")
    roots = {code[:2] for s, t, code, *_ in events if (s, t) == ("IRN", "SAU")}
    assert "11" in roots and "01" not in roots


def test_model_events_carry_a_probability_and_say_the_model_decided(model_nlp):
    events = coded(model_nlp, "Erdogan accused the Kremlin of violating the ceasefire in Idlib.")
    assert events
    for *_, confidence, pattern in events:
        assert 0.0 < confidence <= 1.0
        assert pattern.startswith("model ")


def test_min_confidence_trades_recall_for_precision():
    text = ("Putin met Erdogan in Sochi on Monday. The two leaders agreed to extend the ceasefire, "
            "while Turkish drones struck Syrian army positions near Saraqib.")
    loose = coded(load_pipeline(Options.from_env(coder="model", min_confidence=0.2)), text)
    strict = coded(load_pipeline(Options.from_env(coder="model", min_confidence=0.8)), text)
    assert all(confidence >= 0.8 for *_, confidence, _ in strict)
    assert {e[:3] for e in strict} <= {e[:3] for e in loose}
    assert len(strict) < len(loose)


def test_an_operating_point_in_the_models_meta_acts_as_the_default_min_confidence(tmp_path):
    import json
    import shutil

    from detente.events.learned.model import default_model_dir

    for path in default_model_dir().iterdir():
        shutil.copy(path, tmp_path / path.name)
    meta = json.loads((tmp_path / "meta.json").read_text())
    (tmp_path / "meta.json").write_text(json.dumps({**meta, "min_confidence": 0.8}))
    text = ("Putin met Erdogan in Sochi on Monday. The two leaders agreed to extend the ceasefire, "
            "while Turkish drones struck Syrian army positions near Saraqib.")
    nlp = load_pipeline(Options.from_env(coder="model"))
    nlp.replace_pipe("detente_events", "detente_events", config={"coder": "model", "model_path": str(tmp_path)})
    from_meta = coded(nlp, text)
    assert from_meta == coded(load_pipeline(Options.from_env(coder="model", min_confidence=0.8)), text)
    assert from_meta != coded(load_pipeline(Options.from_env(coder="model", min_confidence=0.2)), text)


def test_rules_coder_gives_rule_patterns_not_model_decisions():
    nlp = load_pipeline(Options.from_env(coder="rules"))
    events = coded(nlp, "Erdogan accused the Kremlin of violating the ceasefire in Idlib.")
    assert events and not any(pattern.startswith("model ") for *_, pattern in events)


def test_model_heads_run_on_one_blas_thread(model_nlp):
    """OpenBLAS's idle threads spin: the heads' small matrix products ask for one thread."""
    import numpy as np

    model = model_nlp.get_pipe("detente_events").model
    seen = []
    real = model.blas

    class Spy:
        def limit(self, **kwargs):
            seen.append(kwargs)
            return real.limit(**kwargs)

    model.blas = Spy()
    try:
        root, modality = model.forward(np.zeros((2, model.heads["w1"].shape[1]), dtype=np.float32))
    finally:
        model.blas = real
    assert seen == [{"limits": 1, "user_api": "blas"}]
    assert np.allclose(root.sum(axis=1), 1.0) and np.allclose(modality.sum(axis=1), 1.0)
