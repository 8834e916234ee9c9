"""The data files of the places stage (data/*.json), loaded once."""

from __future__ import annotations

from functools import lru_cache

from detente.data import read_json


@lru_cache(maxsize=None)
def table(name: str) -> dict:
    """The JSON data file ``data/<name>.json`` without its ``_about`` note."""
    data = read_json("places", f"{name}.json")
    data.pop("_about", None)
    return data
