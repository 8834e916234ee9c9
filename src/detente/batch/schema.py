"""The output tables of a batch job, as explicit pyarrow schemas.

``events`` is the event record of DESIGN.md flattened into columns (one row
per event); ``articles`` has one row per analysed article; ``actors`` one row
per actor mention (``records.actor_records``). ``event_row`` and
``article_row`` turn the pipeline's objects into rows of these tables.

``EVENTS`` is also the schema of ``detente export --format parquet``: a batch
row is one event as one sentence reported it, so the columns an export fills
from the store (``event_id``, ``mentions``, ``articles``) are null in batch
output. Missing values are null, never ``""``. Every table carries Detente's
version and its code tables' versions in the file metadata.
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from detente.events.plover import plover_coding
from detente.model import Article
from detente.versions import file_metadata

ACTOR_FIELDS = ("text", "code", "country", "name", "kind")
LOCATION_FIELDS = (("name", pa.string()), ("country", pa.string()),
                   ("lat", pa.float64()), ("lon", pa.float64()))


def _actor_columns(role: str) -> list[pa.Field]:
    return [pa.field(f"{role}_{name}", pa.string()) for name in ACTOR_FIELDS]


EVENTS = pa.schema([
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("article_title", pa.string()),
    pa.field("article_date", pa.date32()),
    pa.field("sentence", pa.string()),
    pa.field("sentence_index", pa.int32()),
    pa.field("span_start", pa.int32()),
    pa.field("span_end", pa.int32()),
    *_actor_columns("source"),
    *_actor_columns("target"),
    pa.field("cameo", pa.string()),
    pa.field("cameo_root", pa.string()),
    pa.field("cameo_name", pa.string()),
    pa.field("quad_class", pa.int8()),
    pa.field("goldstein", pa.float64()),
    pa.field("plover", pa.string()),
    pa.field("modality", pa.string()),
    pa.field("date_start", pa.date32()),
    pa.field("date_end", pa.date32()),
    pa.field("date_granularity", pa.string()),
    pa.field("date_text", pa.string()),
    pa.field("date_basis", pa.string()),
    *[pa.field(f"location_{name}", kind) for name, kind in LOCATION_FIELDS],
    pa.field("theatre", pa.string()),
    pa.field("confidence", pa.float64()),
    pa.field("plover_mode", pa.string()),
    pa.field("plover_context", pa.string()),
    pa.field("article_url", pa.string()),
    pa.field("event_id", pa.int64()),
    pa.field("mentions", pa.int32()),
    pa.field("articles", pa.int32()),
], metadata=file_metadata())

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


def _iso_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _nested(record: dict, key: str, names, prefix: str) -> dict:
    inner = record.get(key) or {}
    return {f"{prefix}_{name}": inner.get(name) for name in names}


def event_row(record: dict) -> dict:
    """One event record (DESIGN.md contract) as one flat ``events`` row."""
    article = record["article"]
    date = record.get("date") or {}
    row = {
        "article_id": article["id"], "article_title": article.get("title"),
        "article_date": _iso_date(article.get("date")),
        "sentence": record["sentence"], "sentence_index": record["sentence_index"],
        "span_start": record["span"][0], "span_end": record["span"][1],
    }
    row.update(_nested(record, "source", ACTOR_FIELDS, "source"))
    row.update(_nested(record, "target", ACTOR_FIELDS, "target"))
    for name in ("cameo", "cameo_root", "cameo_name", "quad_class", "goldstein", "plover",
                 "modality", "theatre", "confidence"):
        row[name] = record.get(name)
    row.update(date_start=_iso_date(date.get("start")), date_end=_iso_date(date.get("end")),
               date_granularity=date.get("granularity"), date_text=date.get("text"),
               date_basis=date.get("basis"))
    row.update(_nested(record, "location", [name for name, _ in LOCATION_FIELDS], "location"))
    plover = plover_coding(record.get("cameo"))
    row.update(plover_mode=plover.mode, plover_context=plover.context, article_url=article.get("url"))
    return blank_to_null(row)


def blank_to_null(row: dict) -> dict:
    """``""`` (and whitespace) in a row becomes None: Parquet readers see NULL for a missing value."""
    return {key: (None if isinstance(value, str) and not value.strip() else value) for key, value in row.items()}


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


def row_record(row: dict) -> dict:
    """An ``events`` row back into the nested event record of DESIGN.md."""
    def actor(role):
        if row.get(f"{role}_code") is None:
            return None
        return {name: row.get(f"{role}_{name}") for name in ACTOR_FIELDS}

    def iso(value):
        return value.isoformat() if value else None

    location = None
    if row.get("location_name") is not None:
        location = {name: row.get(f"location_{name}") for name, _ in LOCATION_FIELDS}
    return {
        "article": {"id": row["article_id"], "title": row.get("article_title"),
                    "date": iso(row.get("article_date"))},
        "sentence": row["sentence"], "sentence_index": row["sentence_index"],
        "span": [row["span_start"], row["span_end"]],
        "source": actor("source"), "target": actor("target"),
        **{name: row.get(name) for name in ("cameo", "cameo_root", "cameo_name", "quad_class",
                                            "goldstein", "plover", "plover_mode", "plover_context",
                                            "modality")},
        "date": {"start": iso(row.get("date_start")), "end": iso(row.get("date_end")),
                 "granularity": row.get("date_granularity"), "text": row.get("date_text"),
                 "basis": row.get("date_basis")},
        "location": location, "theatre": row.get("theatre"), "confidence": row.get("confidence"),
    }
