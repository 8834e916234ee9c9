"""The word tables the time resolver reads (data/vocabulary.json), loaded once."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from detente.errors import DataError

_FILE = "vocabulary.json"


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The tables of data/vocabulary.json, without their ``_about`` notes."""
    try:
        text = resources.files("detente.time").joinpath("data", _FILE).read_text("utf-8")
        table = json.loads(text)
    except (OSError, ValueError) as exc:
        raise DataError(f"cannot read detente/time/data/{_FILE} ({exc}); reinstall Detente "
                        "or restore the file from the repository.") from exc
    return {key: _without_notes(value) for key, value in table.items() if key != "_about"}


def _without_notes(value):
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k != "_about"}
    return value
