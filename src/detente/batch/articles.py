"""Corpus records (JSONL lines, Parquet rows) into ``Article`` objects, or the reason why not.

The record is read exactly as ``detente analyze`` reads a JSONL line
(``detente.ingest.jsonl.record_article``: same text cleaning, same checks),
so a batch job's spans point into the same text.
"""

from __future__ import annotations

import datetime as dt
import os

from detente.errors import DetenteError, RecordError
from detente.ingest.base import SourceContext
from detente.ingest.jsonl import load_object, record_article
from detente.model import Article
from detente.settings import Options


def parse_line(line: bytes) -> dict:
    """The JSON object on one corpus line; ValueError when it is not one (or nests absurdly deep)."""
    return load_object(line.decode("utf-8-sig"))


def _jsonable(record: dict) -> dict:
    """Parquet gives dates as date objects; records carry them as ISO strings."""
    date = record.get("date")
    if isinstance(date, (dt.date, dt.datetime)):
        record = {**record, "date": date.isoformat()}
    return record


def to_article(record: dict, path: str, number: int, options: Options) -> Article:
    """The article of record ``number`` (1-based) of ``path``; a ``DetenteError`` saying what is wrong."""
    name = os.path.basename(path)
    try:
        if not isinstance(record.get("text"), str):
            raise ValueError('the record has no "text" string')
        return record_article(_jsonable(record), number, SourceContext(options, where=name, source=""))
    except (ValueError, TypeError) as exc:
        raise RecordError(f"{name}: line {number}: {exc}; fix or remove this record") from None
    except DetenteError as err:
        raise type(err)(f"{name}: {err.message}") from None
