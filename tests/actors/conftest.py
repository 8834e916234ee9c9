"""Helpers for the actor tests: look up what the pipeline made of a phrase."""

from __future__ import annotations

import pytest


def mentions_of(doc, text: str):
    """Mentions written as ``text`` (an article in front of it allowed: "the Houthis")."""
    wanted = {text.lower(), f"the {text.lower()}"}
    return [m for m in doc._.actors if m.text.lower() in wanted]


@pytest.fixture(scope="session")
def actors_in(analyze_text):
    """Analyse a text; return {mention text: [codes of its refs]} for every mention."""

    def run(text: str, date: str | None = "2020-10-20") -> dict[str, list[str]]:
        doc = analyze_text(text, date=date)
        return {m.text: [r.code for r in m.refs] for m in doc._.actors}

    return run


@pytest.fixture(scope="session")
def mention(analyze_text):
    """Analyse a text; return the first mention whose text is ``phrase`` (or None)."""

    def run(text: str, phrase: str, date: str | None = "2020-10-20"):
        found = mentions_of(analyze_text(text, date=date), phrase)
        return found[0] if found else None

    return run


@pytest.fixture(scope="session")
def placed(analyze_text):
    """Analyse a text; return the first mention written exactly as ``phrase`` (failing, with the
    mentions found, when there is none)."""

    def run(text: str, phrase: str, date: str):
        doc = analyze_text(text, date=date)
        found = [m for m in doc._.actors if m.text.lower() == phrase.lower()]
        assert found, f"{phrase!r} not found among {[m.text for m in doc._.actors]}"
        return found[0]

    return run
