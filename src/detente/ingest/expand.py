"""Expand directories and glob patterns into the list of sources they hold."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

from detente.errors import InputError

from .fetch import url_scheme
from .index import is_index, listed_files
from .kinds import kind_for_name

_GLOB_CHARS = frozenset("*?[")


def _hidden_below(path: Path, folder: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(folder).parts)


def _is_source_file(path: Path, folder: Path) -> bool:
    return path.is_file() and not _hidden_below(path, folder) and kind_for_name(path.name) is not None


def _files_under(folder: Path) -> list[str]:
    files = sorted(p for p in folder.rglob("*") if _is_source_file(p, folder))
    if not files:
        raise InputError(f"{folder}: holds no .txt, .html, .jsonl(.gz) or feed files; check the folder")
    return [str(p) for p in _without_indexed(files)]


def _without_indexed(files: list[Path]) -> list[Path]:
    """The files of a folder, less those an ``index.jsonl`` lists (the index reads them, labelled)."""
    indexed = {target for path in files if is_index(path) for target in listed_files(path)}
    return [path for path in files if path.resolve() not in indexed]


def _matches(pattern: str) -> list[str]:
    matches = sorted(p for p in glob.glob(pattern, recursive=True) if Path(p).is_file())
    if not matches:
        raise InputError(f"{pattern}: matches no file; check the pattern")
    return matches


def _expand_one(pattern: str) -> list[str]:
    path = Path(pattern)
    if pattern == "-" or url_scheme(pattern) is not None or path.is_file():
        return [pattern]
    if path.is_dir():
        return _files_under(path)
    if _GLOB_CHARS & set(pattern):
        return _matches(pattern)
    raise InputError(f"{pattern}: no such file or directory; check the path")


def expand_sources(patterns: Iterable[str]) -> list[str]:
    """Every source named by the patterns (files, folders, globs, URLs, -), in order, once."""
    sources = [source for pattern in patterns for source in _expand_one(pattern)]
    return list(dict.fromkeys(sources))
