"""Fixtures for event tests: code a text with hand-marked country actors."""

from __future__ import annotations

import pytest

from detente.events.coder import code_doc

from .marking import mark_countries


@pytest.fixture(scope="session")
def coded(nlp):
    """Parse a text written for a test, mark countries by hand, return (doc, events)."""

    def run(text: str):
        doc = mark_countries(nlp(text))
        return doc, code_doc(doc)

    return run


@pytest.fixture(scope="session")
def events_of(coded):
    """Just the events, as (source, target, code, modality) tuples."""

    def run(text: str) -> list[tuple]:
        _, events = coded(text)
        return [(e.source.country, e.target.country if e.target else None, e.cameo, e.modality)
                for e in events]

    return run
