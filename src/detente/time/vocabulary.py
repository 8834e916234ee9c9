"""The word tables the time resolver reads (data/vocabulary.json), loaded once."""

from __future__ import annotations

from functools import lru_cache

from detente.data import read_json


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The tables of data/vocabulary.json, without their ``_about`` notes."""
    table = read_json("time", "vocabulary.json")
    return {key: _without_notes(value) for key, value in table.items() if key != "_about"}


def _without_notes(value):
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k != "_about"}
    return value
