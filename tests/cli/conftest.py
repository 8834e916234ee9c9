"""A stand-in pipeline for CLI tests: a blank English model and a tiny coder written for the tests.

It lets the output formats be checked with real records while the real
components are loaded only by the end-to-end test.
"""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import Pipe

from detente.model import ActorMention, ActorRef, Event, register_extensions

STUB_ACTORS = {"Turkey": ActorRef("TUR", "TUR", "Turkey", "country"),
               "Russia": ActorRef("RUS", "RUS", "Russia", "country")}
_NAMES = re.compile("|".join(STUB_ACTORS))


def _mentions(doc) -> list[ActorMention]:
    mentions = []
    for match in _NAMES.finditer(doc.text):
        span = doc.char_span(match.start(), match.end())
        mentions.append(ActorMention(match.group(), match.start(), match.end(), span.start, span.end,
                                     (STUB_ACTORS[match.group()],)))
    return mentions


def _code(doc):
    """Every text-named actor is a mention; the first two make one 'criticize' event."""
    if "EXPLODE" in doc.text:
        raise ValueError("the stand-in coder was told to fail")
    doc._.actors = _mentions(doc)
    pair = doc._.actors[:2]
    doc._.events = [Event(pair[0].actor, pair[0].text, pair[1].actor, pair[1].text, "111", 0,
                          (pair[0].start, pair[1].end), (pair[0].end, pair[1].start))] if len(pair) == 2 else []
    return doc


class StubCoder(Pipe):
    """A stage with spaCy's error-handler support, like Detente's own stages."""

    def __init__(self, name: str):
        self.name = name

    def __call__(self, doc):
        return _code(doc)


@Language.factory("detente_cli_test_coder")
def make_stub_coder(nlp, name):
    return StubCoder(name)


@pytest.fixture(scope="session")
def stub_nlp():
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("detente_cli_test_coder")
    return nlp


@pytest.fixture
def stub_pipeline(monkeypatch, stub_nlp):
    """Make `detente analyze/actors` use the stand-in pipeline."""
    monkeypatch.setattr("detente.pipeline.load_pipeline", lambda options, until=None: stub_nlp)
    return stub_nlp


@pytest.fixture
def no_pipeline(monkeypatch):
    """Fail the test if the command loads a pipeline (bad input must be refused first)."""
    def refuse(options, until=None):
        raise AssertionError("the pipeline was loaded for input that should have been refused")
    monkeypatch.setattr("detente.pipeline.load_pipeline", refuse)
