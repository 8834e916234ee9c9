"""The flat event table shared by the CSV and Parquet exports (one row per event)."""

from __future__ import annotations

from detente.store.models import Event

# (column, Arrow type name) in output order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "int64"), ("date_start", "date32"), ("date_end", "date32"),
    ("date_granularity", "string"), ("date_basis", "string"),
    ("source_code", "string"), ("source_name", "string"), ("source_country", "string"),
    ("source_kind", "string"), ("target_code", "string"), ("target_name", "string"),
    ("target_country", "string"), ("target_kind", "string"),
    ("cameo", "string"), ("cameo_root", "string"), ("quad_class", "int8"), ("goldstein", "float64"),
    ("plover", "string"), ("modality", "string"),
    ("location_name", "string"), ("location_country", "string"), ("lat", "float64"), ("lon", "float64"),
    ("theatre", "string"), ("confidence", "float64"), ("mentions", "int32"), ("articles", "int32"),
    ("sentence", "string"), ("article_title", "string"), ("article_url", "string"),
)
NAMES = tuple(name for name, _ in COLUMNS)
DIRECT = {"date_start", "date_end", "date_granularity", "date_basis", "source_code", "source_name",
          "source_country", "source_kind", "target_code", "target_name", "target_country", "target_kind",
          "cameo", "cameo_root", "quad_class", "goldstein", "plover", "modality", "location_name",
          "location_country", "lat", "lon", "theatre", "confidence"}


def first_mention(event: Event):
    """The earliest-stored mention (mentions are prefetched by ``store.queries.filter_events``)."""
    mentions = list(event.mentions.all())
    return min(mentions, key=lambda m: m.pk) if mentions else None


def event_row(event: Event) -> dict:
    row = {name: getattr(event, name) for name in DIRECT}
    mentions = list(event.mentions.all())
    first = first_mention(event)
    row.update(event_id=event.pk, mentions=len(mentions),
               articles=len({m.article_id for m in mentions}),
               sentence=first.sentence if first else "",
               article_title=first.article.title if first else "",
               article_url=(first.article.url or first.article.external_id) if first else "")
    return row
