"""The output tables of a batch job, as explicit pyarrow schemas.

``events`` is the event record of DESIGN.md flattened into columns (one row
per event); ``articles`` has one row per analysed article; ``actors`` one row
per actor mention (``records.actor_records``). The ``events`` columns are those of
``detente.records.schema`` (``record_row`` makes a row of a record, ``row_record``
the record of a row); ``article_row`` and ``actor_row`` make the other rows.

``EVENTS`` is also the schema of ``detente export --format parquet``: a batch
row is one event as one sentence reported it, so the columns an export fills
from the store (``event_id``, ``mentions``, ``articles``) are null in batch
output. Missing values are null, never ``""``. Every table carries Detente's
version and its code tables' versions in the file metadata.
"""

from __future__ import annotations

import pyarrow as pa

from detente.model import Article
from detente.records.schema import ACTOR_FIELDS, EVENT_COLUMNS, blank_to_null
from detente.versions import file_metadata

ARROW_TYPES = {"string": pa.string(), "date": pa.date32(), "int8": pa.int8(), "int32": pa.int32(),
               "int64": pa.int64(), "float64": pa.float64()}

EVENTS = pa.schema([pa.field(column.name, ARROW_TYPES[column.type], nullable=not column.required)
                    for column in EVENT_COLUMNS], metadata=file_metadata())

ARTICLES = pa.schema([
    pa.field("id", pa.string(), nullable=False),
    pa.field("title", pa.string()),
    pa.field("date", pa.date32()),
    pa.field("source", pa.string()),
    pa.field("url", pa.string()),
    pa.field("content_hash", pa.string(), nullable=False),
    pa.field("n_events", pa.int32()),
    pa.field("text", pa.string()),
], metadata=file_metadata())

ACTORS = pa.schema([
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("start", pa.int32()),
    pa.field("end", pa.int32()),
    *[pa.field(name, pa.string()) for name in ACTOR_FIELDS],
    pa.field("via", pa.string()),
], metadata=file_metadata())

TABLES = {"events": EVENTS, "articles": ARTICLES, "actors": ACTORS}


def article_row(article: Article, n_events: int) -> dict:
    return blank_to_null({"id": article.id, "title": article.title, "date": article.date,
            "source": article.source, "url": article.url, "content_hash": article.content_hash,
            "n_events": n_events, "text": article.text})


def actor_row(row: dict) -> dict:
    """One ``records.actor_records`` row as an ``actors`` row."""
    return blank_to_null({name: row.get(name) for name in ACTORS.names})


def to_table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    """Rows in, a table with exactly ``schema`` out (an empty table when no rows)."""
    return pa.Table.from_pylist(rows, schema=schema)
