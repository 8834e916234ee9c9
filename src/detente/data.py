"""The one reader of Detente's packaged data files (``detente/<package>/data/<name>``).

A missing, unreadable or malformed file raises ``DataError`` naming the file
and what to do about it (by default: reinstall Detente), never a bare
``FileNotFoundError`` or ``JSONDecodeError``.
"""

from __future__ import annotations

import json
from importlib import resources

from detente.errors import DataError

REINSTALL = "reinstall Detente or restore the file from the repository"


def data_file(package: str, name: str):
    """The packaged file ``name`` of ``detente.<package>``'s data folder (a Traversable)."""
    return resources.files(f"detente.{package}").joinpath("data", name)


def _where(package: str, name: str) -> str:
    return f"detente/{package}/data/{name}"


def read_text(package: str, name: str, hint: str = REINSTALL) -> str:
    try:
        return data_file(package, name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read {_where(package, name)} ({exc}); {hint}") from exc


def read_bytes(package: str, name: str, hint: str = REINSTALL) -> bytes:
    try:
        return data_file(package, name).read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read {_where(package, name)} ({exc}); {hint}") from exc


def read_json(package: str, name: str, hint: str = REINSTALL):
    text = read_text(package, name, hint)
    try:
        return json.loads(text)
    except ValueError as exc:
        raise DataError(f"cannot read {_where(package, name)}: not valid JSON ({exc}); {hint}") from exc
