"""A SQLite file of the public tables, for datasette, DuckDB or pandas.

Tables: ``events`` (the events schema shared with the Parquet export and the
batch output, one row per event), ``mentions`` (one row per sentence that
reports an event, with its article), ``articles`` (the articles those
mentions come from, with their text) and ``detente_metadata`` (versions).
No users, sessions, comments, corrections' authors or password hashes.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from detente.atomic import output_path
from detente.batch.schema import EVENTS
from detente.versions import file_metadata

from .columns import NAMES, event_row

ARTICLE_COLUMNS = ("article_id", "title", "date", "source", "url", "text")
MENTION_COLUMNS = ("event_id", "article_id", "sentence_index", "sentence", "span_start", "span_end",
                   "source_text", "target_text", "cameo", "modality", "date_text", "date_basis", "confidence")
SQL_TYPES = {"int64": "INTEGER", "int32": "INTEGER", "int8": "INTEGER", "double": "REAL", "date32[day]": "TEXT"}


def _events_ddl() -> str:
    columns = ", ".join(f'"{f.name}" {SQL_TYPES.get(str(f.type), "TEXT")}' for f in EVENTS)
    return f"CREATE TABLE events ({columns}, PRIMARY KEY (event_id))"


SCHEMA = (
    "CREATE TABLE articles (article_id TEXT PRIMARY KEY, title TEXT, date TEXT, source TEXT, url TEXT, text TEXT)",
    "CREATE TABLE mentions (event_id INTEGER REFERENCES events(event_id), article_id TEXT REFERENCES "
    "articles(article_id), sentence_index INTEGER, sentence TEXT, span_start INTEGER, span_end INTEGER, "
    "source_text TEXT, target_text TEXT, cameo TEXT, modality TEXT, date_text TEXT, date_basis TEXT, "
    "confidence REAL)",
    "CREATE TABLE detente_metadata (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE INDEX mentions_event ON mentions(event_id)",
)


def _sql(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _article_id(article) -> str:
    return article.external_id or article.content_hash[:16]


def _article_row(article) -> tuple:
    return tuple(_sql(v) for v in (_article_id(article), article.title, article.date, article.source,
                                   article.url, article.text))


def _mention_row(event, mention) -> tuple:
    values = (event.pk, _article_id(mention.article), mention.sentence_index, mention.sentence,
              mention.span_start, mention.span_end, mention.source_text, mention.target_text, mention.cameo,
              mention.modality, mention.date_text, mention.date_basis, mention.confidence)
    return tuple(_sql(v) for v in values)


def _fill(db: sqlite3.Connection, events: Iterable) -> int:
    placeholders = ", ".join("?" for _ in NAMES)
    count, seen_articles = 0, set()
    for event in events:
        row = event_row(event)
        db.execute(f"INSERT INTO events VALUES ({placeholders})", [_sql(row[name]) for name in NAMES])
        for mention in event.mentions.all():
            if mention.article_id not in seen_articles:
                seen_articles.add(mention.article_id)
                db.execute("INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?)", _article_row(mention.article))
            db.execute(f"INSERT INTO mentions VALUES ({', '.join('?' for _ in MENTION_COLUMNS)})",
                       _mention_row(event, mention))
        count += 1
    return count


def write_sqlite(events: Iterable, out: str | Path | None) -> int:
    with output_path(out) as temp:
        db = sqlite3.connect(temp)
        try:
            for statement in (_events_ddl(), *SCHEMA):
                db.execute(statement)
            db.executemany("INSERT INTO detente_metadata VALUES (?, ?)", sorted(file_metadata().items()))
            count = _fill(db, events)
            db.commit()
        finally:
            db.close()
    return count
