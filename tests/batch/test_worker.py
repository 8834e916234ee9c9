"""One partition's analysis, in process: a broken document is the only one lost."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from detente.batch.worker import get_pipeline
from detente.batch.worker import partition_outcomes as analyse_articles
from detente.model import Article, register_extensions


@Language.component("test_batch_breaks_on_boom")
def _breaks_on_boom(doc):
    if "BOOM" in doc.text:
        raise ValueError("this component cannot read BOOM")
    doc._.events = []
    return doc


@pytest.fixture(scope="module")
def fragile_nlp():
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_batch_breaks_on_boom")
    return nlp


TEXTS = [f"Article {i} says the envoys met in the capital." for i in range(7)]


@pytest.mark.parametrize("broken", [0, 3, 6])
@pytest.mark.parametrize("batch_size", [1, 4, 32])
def test_document_that_breaks_a_component_is_the_only_one_lost(fragile_nlp, broken, batch_size):
    texts = [t if i != broken else t + " BOOM" for i, t in enumerate(TEXTS)]
    outcomes = analyse_articles([Article(text=t) for t in texts], fragile_nlp, batch_size)
    assert [isinstance(o, str) for o in outcomes] == [i == broken for i in range(len(texts))]


def test_failure_reason_names_the_exception(fragile_nlp):
    outcome = analyse_articles([Article(text="BOOM goes the text.")], fragile_nlp, 8)[0]
    assert "ValueError: this component cannot read BOOM" in outcome


def test_pipeline_is_loaded_once_per_worker_thread(monkeypatch):
    from detente import pipeline
    from detente.settings import Options

    loads = []
    monkeypatch.setattr(pipeline, "load_pipeline", lambda options: loads.append(options) or spacy.blank("en"))
    options = Options.from_env(spacy_model="test-model-loaded-once")
    pipelines = {id(get_pipeline(options)[0]) for _ in range(5)}
    assert (len(pipelines), len(loads)) == (1, 1)


def test_a_partition_with_a_deeply_nested_line_finishes_with_one_error(tmp_path, fragile_nlp, monkeypatch):
    """A RecursionError used to escape and lose the whole partition, on every rerun."""
    import json

    from detente.batch import worker
    from detente.batch.inputs import describe_input, plan_partitions
    from detente.settings import Options

    path = tmp_path / "c.jsonl"
    good = {"id": "ok", "title": "t", "date": "2020-01-01", "text": "The envoys met in the capital."}
    path.write_bytes(json.dumps(good).encode() + b"\n" + b"[" * 100_000 + b"\n")
    [part] = plan_partitions([describe_input(path)], 10)
    monkeypatch.setattr(worker, "get_pipeline", lambda options: (fragile_nlp, 0.0))
    marker = worker.process_partition(part, Options.from_env({}), str(tmp_path / "out"), "key")
    assert (marker["articles"], marker["failed"]) == (1, 1)
    assert "[E106]" in marker["errors"][0]["reason"] and "nested" in marker["errors"][0]["reason"]
