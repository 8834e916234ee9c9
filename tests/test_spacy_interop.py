"""Detente's annotations survive spaCy's own tools: DocBin, multiprocessing, span groups, displaCy."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy import displacy
from spacy.tokens import DocBin

from detente.model import Article
from detente.pipeline import analyze
from detente.records import actor_records, doc_records
from detente.serialize import decode, encode

TEXTS = ("Erdogan accused the Kremlin of violating the ceasefire in Idlib last month.",
         "Russian jets struck Turkish soldiers in Syria in February. Ankara condemned Moscow.")


def articles():
    return [Article(text=t, id=f"a{i}", date=dt.date(2020, 3, 10), title="t", source="test")
            for i, t in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def docs(nlp):
    return list(analyze(articles(), nlp))


def test_docs_have_events_to_compare(docs):
    assert all(doc_records(doc) for doc in docs)


def test_docbin_with_user_data_round_trips_the_annotations(nlp, docs):
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    restored = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert [doc_records(d) for d in restored] == [doc_records(d) for d in docs]
    assert [actor_records(d) for d in restored] == [actor_records(d) for d in docs]
    assert restored[0]._.article == docs[0]._.article


@pytest.mark.slow
def test_pipe_with_two_processes_gives_the_same_records(nlp, docs):
    from detente.pipeline import make_doc

    inputs = [make_doc(nlp, a) for a in articles()]
    parallel = list(nlp.pipe(inputs, n_process=2, batch_size=1))
    assert [doc_records(d) for d in parallel] == [doc_records(d) for d in docs]


def test_actors_are_a_span_group_with_kb_ids(docs):
    spans = docs[0].spans["detente_actors"]
    assert [(s.text, s.kb_id_, s.label_) for s in spans] == \
        [(m["text"], m["code"], m["kind"]) for m in actor_records(docs[0])]
    assert "TURGOV" in {s.kb_id_ for s in spans}


def test_displacy_renders_the_actor_spans(docs):
    html = displacy.render(docs[0], style="span", options={"spans_key": "detente_actors"})
    assert "Erdogan" in html and "person" in html


def test_codec_leaves_other_values_to_the_next_hook():
    seen = []
    assert encode({1, 2}, chain=lambda o: seen.append(o) or "chained") == "chained"
    assert decode({"a": 1}) == {"a": 1} and seen == [{1, 2}]
