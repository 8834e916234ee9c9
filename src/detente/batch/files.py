"""Atomic writes: a reader (or a resumed job) sees a whole file or none.

Each file is written under a temporary name in its final directory, flushed
to disk, then renamed over the final name; the directory is synced so the
rename survives a crash too.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def _temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")


def _sync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _publish(temp: Path, path: Path) -> None:
    fd = os.open(temp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)
    _sync_dir(path.parent)


def write_parquet(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = _temp_name(path)
    pq.write_table(table, temp, compression="zstd")
    _publish(temp, path)


def write_text(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = _temp_name(path)
    temp.write_text(text, encoding="utf-8")
    _publish(temp, path)


def write_stream(source, path: Path, copy) -> None:
    """Write what ``copy(source, destination)`` writes, atomically (a partial copy is removed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = _temp_name(path)
    try:
        with open(temp, "wb") as destination:
            copy(source, destination)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _publish(temp, path)


def write_json(data: dict, path: Path) -> None:
    write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", path)


def read_json(path: Path) -> dict | None:
    """The JSON object at ``path``, or None when it does not exist."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def remove_stale_temps(directory: Path) -> None:
    """Drop temporary files left behind by a killed writer."""
    for temp in directory.glob("**/.*.tmp"):
        temp.unlink(missing_ok=True)
