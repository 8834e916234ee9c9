"""The data files of the places stage (data/*.json), loaded once."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from detente.errors import DataError


@lru_cache(maxsize=None)
def table(name: str) -> dict:
    """The JSON data file ``data/<name>.json`` without its ``_about`` note."""
    try:
        text = resources.files("detente.places").joinpath("data", f"{name}.json").read_text("utf-8")
        data = json.loads(text)
    except (OSError, ValueError) as exc:
        raise DataError(f"cannot read detente/places/data/{name}.json ({exc}); reinstall Detente "
                        "or restore the file from the repository.") from exc
    data.pop("_about", None)
    return data
