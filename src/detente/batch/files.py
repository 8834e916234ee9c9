"""Batch output files, written with ``detente.atomic``: a reader (or a resumed job) sees a whole file or none."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from detente.atomic import atomic_path, remove_stale_temps

__all__ = ["read_json", "remove_stale_temps", "write_json", "write_parquet", "write_stream", "write_text"]


def write_parquet(table: pa.Table, path: Path) -> None:
    with atomic_path(path) as temp:
        pq.write_table(table, temp, compression="zstd")


def write_text(text: str, path: Path) -> None:
    with atomic_path(path) as temp:
        temp.write_text(text, encoding="utf-8")


def write_stream(source, path: Path, copy) -> None:
    """Write what ``copy(source, destination)`` writes, atomically (a partial copy is removed)."""
    with atomic_path(path) as temp, open(temp, "wb") as destination:
        copy(source, destination)


def write_json(data: dict, path: Path) -> None:
    write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", path)


def read_json(path: Path) -> dict | None:
    """The JSON object at ``path``, or None when it does not exist."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
