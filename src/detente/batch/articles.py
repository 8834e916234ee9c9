"""Corpus records (JSONL lines, Parquet rows) into ``Article`` objects, or the reason why not."""

from __future__ import annotations

import datetime as dt

from detente.errors import EmptyTextError, InputError, RecordError
from detente.model import Article
from detente.settings import Options


def _text(record: dict, where: str, options: Options) -> str:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise EmptyTextError(f"{where}: the record has no text; give each record a non-empty 'text' field")
    if len(text) > options.max_text_chars:
        raise InputError(f"{where}: the text has {len(text):,} characters, more than "
                         f"DETENTE_MAX_TEXT_CHARS ({options.max_text_chars:,}); split it or raise the limit")
    return text.strip()


def _date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise RecordError(f"{where}: the date {value!r} is not YYYY-MM-DD; fix or drop the 'date' field") from exc


def _string(record: dict, key: str) -> str:
    value = record.get(key)
    return "" if value is None else str(value)


def record_article(record: dict, where: str, options: Options) -> Article:
    """The article a corpus record describes; raises an ``InputError`` saying what is wrong."""
    return Article(text=_text(record, where, options), id=_string(record, "id"),
                   title=_string(record, "title"), date=_date(record.get("date"), where),
                   source=_string(record, "source"), url=record.get("url") or None)
