"""Fixtures shared by the whole suite."""

from __future__ import annotations

import pytest

from detente.model import Article, register_extensions
from detente.settings import Options


@pytest.fixture(scope="session")
def options() -> Options:
    return Options.from_env()


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
