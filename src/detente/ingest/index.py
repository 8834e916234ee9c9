"""A folder of article files with an index of their metadata.

``index.jsonl`` beside the articles holds one line per file::

    {"file": "01_story.txt", "title": "...", "date": "2020-10-20", "source": "...", "url": "..."}

Lines carry ``file`` and no ``text``, which tells an index from a corpus. The
index is a source of its own: it yields the articles of the files it lists,
with the title, date, source and URL it gives them (the user's ``--date`` and
``--title`` still win). Listed files must lie in the index's folder or below.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from detente.errors import InputError, RecordError
from detente.model import Article

from .base import Failure, SourceContext
from .dates import parse_record_date

MAX_INDEX_BYTES = 16 << 20


def _first_record(path: Path) -> dict | None:
    try:
        with open(path, "rb") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line.decode("utf-8-sig"))
                    return record if isinstance(record, dict) else None
    except (OSError, ValueError, RecursionError):  # absurdly deep nesting: not an index either
        return None
    return None


def is_index(path: str | Path) -> bool:
    """True for a plain .jsonl file whose first record names a ``file`` and has no ``text``."""
    path = Path(path)
    if path.suffix.lower() != ".jsonl" or not path.is_file():
        return False
    record = _first_record(path)
    return record is not None and isinstance(record.get("file"), str) and "text" not in record


def index_entries(path: Path) -> list[tuple[int, dict]]:
    """(line number, entry) for each non-blank line; InputError for an unreadable index."""
    if path.stat().st_size > MAX_INDEX_BYTES:
        raise InputError(f"{path}: an index larger than {MAX_INDEX_BYTES >> 20} MiB; split the folder")
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if line.strip():
            try:
                entries.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                entries.append((number, {"_error": f"not valid JSON ({exc.msg} at column {exc.colno})"}))
            except RecursionError:
                entries.append((number, {"_error": "not valid JSON (nested too deep)"}))
    return entries


def listed_files(path: Path) -> list[Path]:
    """The files an index lists that lie inside its folder (resolved)."""
    files = []
    for _, entry in index_entries(path):
        target = _target(path, entry)
        if target is not None:
            files.append(target)
    return files


def _target(index: Path, entry: dict) -> Path | None:
    name = entry.get("file") if isinstance(entry, dict) else None
    if not isinstance(name, str) or not name:
        return None
    folder = index.parent.resolve()
    target = (folder / name).resolve()
    return target if target.is_relative_to(folder) else None


def _failure(index: Path, number: int, problem: str) -> Failure:
    error = RecordError(f"line {number}: {problem} ({index}); fix or remove this line")
    return Failure(f"{index} line {number}", error)


def _labelled(article: Article, entry: dict, date, ctx: SourceContext) -> Article:
    """The article with the index's metadata, below the user's own --date/--title."""
    changes = {}
    if ctx.title is None and isinstance(entry.get("title"), str):
        changes["title"] = entry["title"].strip()
    if ctx.date is None and date is not None:
        changes["date"] = date
    for name in ("source", "url"):
        if isinstance(entry.get(name), str) and entry[name]:
            changes[name] = entry[name]
    return replace(article, **changes)


def iter_index(index: Path, ctx: SourceContext, read_file) -> Iterator[Article | Failure]:
    """The articles of the files ``index`` lists, labelled; ``read_file(path, ctx)`` reads one."""
    for number, entry in index_entries(index):
        if not isinstance(entry, dict) or "_error" in entry:
            problem = entry.get("_error") if isinstance(entry, dict) else "expected a JSON object"
            yield _failure(index, number, problem)
            continue
        target = _target(index, entry)
        if target is None:
            yield _failure(index, number, 'needs a "file" inside the index\'s folder')
            continue
        try:
            date = parse_record_date(entry.get("date"))
        except (ValueError, InputError) as exc:
            yield _failure(index, number, str(exc))
            continue
        file_ctx = SourceContext(ctx.options, str(target), target.name, date=ctx.date, title=ctx.title)
        try:
            for item in read_file(target, file_ctx):
                yield _labelled(item, entry, date, ctx) if isinstance(item, Article) else item
        except InputError as err:
            yield Failure(str(target), err)
