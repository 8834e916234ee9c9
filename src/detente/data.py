"""The one reader of Detente's packaged data files (``detente/<package>/data/<name>``).

Text, bytes, JSON, tab-separated tables and (gzip) JSON lines. A missing,
unreadable or malformed file raises ``DataError`` naming the file and what to do
about it (by default: reinstall Detente; for the actor tables, rebuild them),
never a bare ``FileNotFoundError``, ``JSONDecodeError`` or ``BadGzipFile``.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from importlib import resources

from detente.errors import DataError

REINSTALL = "reinstall Detente or restore the file from the repository"
# What to do about a bad file, for the packages whose data files are built by a tool.
HINTS = {
    "actors": "reinstall Detente or run `python tools/build_actor_data.py` from a source checkout",
}


def data_file(package: str, name: str):
    """The packaged file ``name`` of ``detente.<package>``'s data folder (a Traversable)."""
    return resources.files(f"detente.{package}").joinpath("data", name)


def _where(package: str, name: str) -> str:
    return f"detente/{package}/data/{name}"


def _hint(package: str, hint: str | None) -> str:
    return hint if hint is not None else HINTS.get(package, REINSTALL)


def _unreadable(package: str, name: str, why: str, hint: str | None) -> DataError:
    return DataError(f"cannot read {_where(package, name)} ({why}); {_hint(package, hint)}")


def read_bytes(package: str, name: str, hint: str | None = None) -> bytes:
    """The file's bytes as stored (a ``.gz`` file stays compressed: its digest is the file's)."""
    try:
        return data_file(package, name).read_bytes()
    except OSError as exc:
        raise _unreadable(package, name, str(exc), hint) from exc


def read_text(package: str, name: str, hint: str | None = None) -> str:
    """The file's text (UTF-8; decompressed when the name ends in ``.gz``)."""
    raw = read_bytes(package, name, hint)
    try:
        return (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8")
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise _unreadable(package, name, str(exc) or type(exc).__name__, hint) from exc


def read_json(package: str, name: str, hint: str | None = None):
    text = read_text(package, name, hint)
    try:
        return json.loads(text)
    except ValueError as exc:
        raise _unreadable(package, name, f"not valid JSON: {exc}", hint) from exc


def read_jsonl(package: str, name: str, hint: str | None = None) -> Iterator[dict]:
    """One JSON object per non-blank line (gzip when the name ends in ``.gz``), streamed."""
    for number, line in enumerate(_lines(package, name, hint), start=1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except ValueError as exc:
            raise _unreadable(package, name, f"line {number} is not JSON: {exc}", hint) from exc


def _lines(package: str, name: str, hint: str | None) -> Iterator[str]:
    try:
        raw = data_file(package, name).open("rb")
        binary = gzip.GzipFile(fileobj=raw) if name.endswith(".gz") else raw
        with raw, io.TextIOWrapper(binary, encoding="utf-8") as handle:
            yield from handle
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise _unreadable(package, name, str(exc) or type(exc).__name__, hint) from exc


def read_tsv(package: str, name: str, hint: str | None = None) -> list[dict[str, str]]:
    """Rows of a tab-separated table with a header line; '#' lines are comments."""
    lines = [line for line in io.StringIO(read_text(package, name, hint))
             if line.strip() and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for number, row in enumerate(rows, start=2):
        if None in row or any(value is None for value in row.values()):
            raise _unreadable(package, name, f"row {number} has the wrong number of tab-separated columns",
                              "fix the row")
    return rows
