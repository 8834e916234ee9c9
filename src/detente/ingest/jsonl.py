"""JSONL corpora, streamed line by line (gzip too): one article per line.

Each line is ``{"id", "title", "date", "text", "url"?, "source"?, "meta"?}``.
A bad line becomes a Failure naming its line number; the other lines go on.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from detente.errors import InputError, RecordError, TextTooLongError
from detente.model import Article

from .base import Failure, SourceContext
from .dates import parse_record_date

_CHUNK = 1 << 20
MAX_DEPTH = 64  # records are flat: a few levels of "meta" at most

# What reading a damaged gzip stream raises: a bad header or CRC (BadGzipFile, an OSError),
# a stream cut short (EOFError), corrupt deflate data (zlib.error, which is neither).
GZIP_ERRORS = (OSError, EOFError, zlib.error)


def open_corpus(path: Path) -> BinaryIO:
    """A binary stream over the corpus, decompressing .gz files as they are read."""
    return gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")


def iter_lines(stream: BinaryIO, max_bytes: int, where: str = "the corpus") -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; bytes is None for a line longer than ``max_bytes``.

    A long line is skipped in chunks, so memory stays bounded by ``max_bytes``.
    """
    number = 0
    while line := _read_line(stream, max_bytes + 1, where):
        number += 1
        if len(line) > max_bytes:
            _skip_rest_of_line(stream, line, where)
            line = None
        yield number, line


def _skip_rest_of_line(stream: BinaryIO, line: bytes, where: str) -> None:
    while line and not line.endswith(b"\n"):
        line = _read_line(stream, _CHUNK, where)


def _read_line(stream: BinaryIO, limit: int, where: str) -> bytes:
    try:
        return stream.readline(limit)
    except GZIP_ERRORS as exc:
        raise InputError(f"{where}: not readable gzip, corrupt or cut short ({exc}); "
                         f"re-create or re-download it") from None


def _field(record: dict, name: str, types: tuple, default=None):
    value = record.get(name, default)
    if value is not None and not isinstance(value, types):
        raise ValueError(f'"{name}" must be {" or ".join(t.__name__ for t in types)}, '
                         f"got {type(value).__name__}")
    return value


def _check_depth(value, limit: int = MAX_DEPTH) -> None:
    """ValueError when ``value`` nests lists/objects more than ``limit`` deep (walked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            raise ValueError(f"nested more than {limit} levels deep")
        stack.extend((child, depth + 1) for child in children)


def load_object(text: str) -> dict:
    """The JSON object in ``text``; ValueError when it is not one, or nests absurdly deep
    (which would otherwise exhaust the interpreter's recursion limit, here or later)."""
    try:
        record = json.loads(text)
    except RecursionError:
        raise ValueError(f"not valid JSON (nested more than {MAX_DEPTH} levels deep)") from None
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    _check_depth(record)
    return record


def _parse(line: bytes, number: int) -> dict:
    record = load_object(line.decode("utf-8-sig" if number == 1 else "utf-8"))
    if not isinstance(record.get("text"), str):
        raise ValueError('the record has no "text" string')
    return record


def record_article(record: dict, number: int, ctx: SourceContext) -> Article:
    """The Article of one parsed record; ValueError for a bad field."""
    record_id = _field(record, "id", (str, int))
    meta = _field(record, "meta", (dict,)) or {}
    return ctx.article(
        record["text"], where=f"line {number}", title=_field(record, "title", (str,)) or "",
        date=parse_record_date(record.get("date")), id=str(record_id or ""),
        url=_field(record, "url", (str,)), source=_field(record, "source", (str,)) or ctx.source,
        meta=meta)


def _line_failure(number: int, ctx: SourceContext, problem: str) -> Failure:
    error = RecordError(f"line {number}: {problem} ({ctx.where}); fix or remove this line")
    return Failure(f"{ctx.where} line {number}", error)


def _line_item(number: int, line: bytes, ctx: SourceContext) -> Article | Failure:
    try:
        return record_article(_parse(line, number), number, ctx)
    except UnicodeDecodeError as exc:
        return _line_failure(number, ctx, f"not UTF-8 ({exc.reason} at byte {exc.start})")
    except json.JSONDecodeError as exc:
        return _line_failure(number, ctx, f"not valid JSON ({exc.msg} at column {exc.colno})")
    except (ValueError, TypeError) as exc:
        return _line_failure(number, ctx, str(exc))
    except InputError as err:
        return Failure(f"{ctx.where} line {number}", err)


def _too_long(number: int, ctx: SourceContext) -> Failure:
    error = TextTooLongError(f"line {number}: longer than {ctx.raw_limit:,} bytes ({ctx.where}); "
                             f"split it or raise DETENTE_MAX_TEXT_CHARS")
    return Failure(f"{ctx.where} line {number}", error)


def _refuse_json_array(line: bytes, ctx: SourceContext) -> None:
    """A corpus that opens with ``[`` is one JSON array, not JSON lines: say how to convert it."""
    if line.lstrip(b"\xef\xbb\xbf \t").startswith(b"["):
        raise InputError(f"{ctx.where}: is a JSON array, not JSON lines (one object per line); "
                         f"convert it with `jq -c '.[]' FILE > FILE.jsonl`")


def iter_jsonl(stream: BinaryIO, ctx: SourceContext) -> Iterator[Article | Failure]:
    """One Article (or Failure) per non-blank line, reading one line at a time."""
    seen_record = False
    for number, line in iter_lines(stream, ctx.raw_limit, ctx.where):
        if line is None:
            yield _too_long(number, ctx)
        elif line.strip():
            if not seen_record:
                _refuse_json_array(line, ctx)
                seen_record = True
            yield _line_item(number, line, ctx)
