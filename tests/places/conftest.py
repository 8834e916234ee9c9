"""Fixtures for the places tests: docs parsed by the spaCy model alone (no Detente stages)."""

from __future__ import annotations

import pytest

from detente.model import register_extensions

BASE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a text written for a test with the base model's pipes only."""
    register_extensions()
    enabled = [name for name in nlp.pipe_names if name in BASE_PIPES]

    def run(text: str):
        with nlp.select_pipes(enable=enabled):
            return nlp(text)

    return run
