"""Read the packaged actor data files (TSV, JSON, gzip JSONL) from ``actors/data/``.

Each reader returns plain rows; a missing or malformed file raises ``DataError``
naming the file and how to regenerate it.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator
from importlib import resources

from detente.errors import DataError

REBUILD_HINT = "reinstall Detente or run `python tools/build_actor_data.py` from a source checkout"


def data_path(name: str):
    return resources.files("detente.actors").joinpath("data", name)


def _open_text(name: str):
    path = data_path(name)
    try:
        if name.endswith(".gz"):
            return gzip.open(path.open("rb"), "rt", encoding="utf-8")
        return path.open("r", encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise DataError(f"actor data file {name!r} is missing: {REBUILD_HINT}") from exc


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header line; '#' lines are comments."""
    with _open_text(name) as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for number, row in enumerate(rows, start=2):
        if None in row or any(value is None for value in row.values()):
            raise DataError(f"actor data file {name!r}: row {number} has the wrong number "
                            f"of tab-separated columns; fix the row")
    return rows


def read_json(name: str) -> dict:
    with _open_text(name) as handle:
        try:
            return json.load(handle)
        except json.JSONDecodeError as exc:
            raise DataError(f"actor data file {name!r} is not valid JSON ({exc}); fix it") from exc


def read_jsonl(name: str) -> Iterator[dict]:
    with _open_text(name) as handle:
        for number, line in enumerate(handle, start=1):
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(f"actor data file {name!r} line {number} is not JSON: "
                                f"{REBUILD_HINT}") from exc
