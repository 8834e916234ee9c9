"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os

import pytest

from detente.model import Article, register_extensions
from detente.settings import Options


def pytest_configure(config):
    """The suite's default event coder is the rules: their tests pin down what the verb
    patterns do, sentence by sentence. The learned coder has its own tests and gate
    (tests/events/learned/, tests/test_accuracy_gate.py), which ask for it by name."""
    os.environ.setdefault("DETENTE_CODER", "rules")


@pytest.fixture(scope="session")
def options() -> Options:
    return Options.from_env()


@pytest.fixture(scope="session")
def model_nlp():
    """The full pipeline with the learned event coder (the shipped model)."""
    from detente.pipeline import load_pipeline

    return load_pipeline(Options.from_env(coder="model"))


@pytest.fixture(scope="session")
def nlp(options):
    """The full Detente pipeline, loaded once for the session."""
    from detente.pipeline import load_pipeline

    return load_pipeline(options)


@pytest.fixture(scope="session")
def analyze_text(nlp):
    """Analyse one text written for a test; returns the Doc."""
    import datetime as dt

    from detente.pipeline import analyze

    def run(text: str, date: str | None = "2020-10-20", title: str = "test article"):
        article = Article(text=text, title=title, date=dt.date.fromisoformat(date) if date else None,
                          source="test")
        return next(analyze([article], nlp))

    return run


BASE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a text written for a test with the base model's pipes only (no Detente stages)."""
    register_extensions()
    enabled = [name for name in nlp.pipe_names if name in BASE_PIPES]

    def run(text: str):
        with nlp.select_pipes(enable=enabled):
            return nlp(text)

    return run
