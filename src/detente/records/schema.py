"""The event record of DESIGN.md and its flat row: one declarative table of columns.

Each ``Column`` says where its value sits in the nested record (``("source",
"code")`` is the row's ``source_code``), its type, and which field of the
store's ``Event`` keeps it (with that field's length limit and default).
Every mapping of an event is read off this table:

- ``record_row`` flattens a record into a row (batch output, Parquet/CSV/SQLite
  exports share the columns), ``row_record`` nests a row back into a record;
- ``stored_fields`` gives a new stored event's field values for a record;
- ``stored_row`` reads one row off a stored event (the export of the store).

Missing values in a row are null (None), never ``""``; the store keeps ``""``
where its text columns have no value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from detente.events.plover import plover_coding

ACTOR_FIELDS = ("text", "code", "country", "name", "kind", "basis")   # basis: named | place | story | corrected


@dataclass(frozen=True)
class Column:
    name: str                        # the flat row's column
    type: str                        # string | date | int8 | int32 | int64 | float64
    path: tuple | None = None        # where the value is in the record; None: filled by the store
    stored: str | None = None        # the ``store.models.Event`` field holding it
    limit: int | None = None         # that field's max_length
    default: object = None           # what the store keeps when the record has no value
    required: bool = False           # never null in a row


def _actor_columns(role: str) -> list[Column]:
    limits = {"code": 32, "country": 8, "name": 300, "kind": 16, "basis": 16}
    return [Column(f"{role}_{name}", "string", (role, name),
                   stored=None if name == "text" else f"{role}_{name}", limit=limits.get(name), default="")
            for name in ACTOR_FIELDS]


EVENT_COLUMNS: tuple[Column, ...] = (
    Column("article_id", "string", ("article", "id"), required=True),
    Column("article_title", "string", ("article", "title")),
    Column("article_date", "date", ("article", "date")),
    Column("sentence", "string", ("sentence",)),
    Column("sentence_index", "int32", ("sentence_index",)),
    Column("span_start", "int32", ("span", 0)),
    Column("span_end", "int32", ("span", 1)),
    *_actor_columns("source"),
    *_actor_columns("target"),
    Column("cameo", "string", ("cameo",), stored="cameo"),
    Column("cameo_root", "string", ("cameo_root",), stored="cameo_root"),
    Column("cameo_name", "string", ("cameo_name",)),
    Column("quad_class", "int8", ("quad_class",), stored="quad_class"),
    Column("goldstein", "float64", ("goldstein",), stored="goldstein"),
    Column("plover", "string", ("plover",), stored="plover", limit=32, default=""),
    Column("modality", "string", ("modality",), stored="modality", default="asserted"),
    Column("date_start", "date", ("date", "start"), stored="date_start"),
    Column("date_end", "date", ("date", "end"), stored="date_end"),
    Column("date_granularity", "string", ("date", "granularity"), stored="date_granularity", default="unknown"),
    Column("date_text", "string", ("date", "text"), stored="date_text", limit=200, default=""),
    Column("date_basis", "string", ("date", "basis"), stored="date_basis", default="article"),
    Column("location_name", "string", ("location", "name"), stored="location_name", limit=200, default=""),
    Column("location_country", "string", ("location", "country"), stored="location_country", default=""),
    Column("location_lat", "float64", ("location", "lat"), stored="lat"),
    Column("location_lon", "float64", ("location", "lon"), stored="lon"),
    Column("theatre", "string", ("theatre",), stored="theatre", limit=100, default=""),
    Column("confidence", "float64", ("confidence",), stored="confidence", default=0.5),
    Column("plover_mode", "string", ("plover_mode",)),
    Column("plover_context", "string", ("plover_context",)),
    Column("article_url", "string", ("article", "url")),
    Column("event_id", "int64"),       # the stored event (exports of the store only)
    Column("mentions", "int32"),       # sentences reporting it
    Column("articles", "int32"),       # articles reporting it
)
NAMES = tuple(column.name for column in EVENT_COLUMNS)
STORED = tuple(column for column in EVENT_COLUMNS if column.stored)
# Not part of the record that ``row_record`` rebuilds: the pipeline's records carry no article URL.
_ROW_ONLY = {"article_url"}
_DERIVED = {"plover_mode", "plover_context"}   # from the CAMEO code, whatever the record says


def _get(record: dict, path: tuple):
    value = record
    for key in path:
        if value is None:
            return None
        if isinstance(key, int):
            value = value[key] if len(value) > key else None
        else:
            value = value.get(key)
    return value


def _day(value) -> dt.date | None:
    if isinstance(value, dt.date) or value is None:
        return value
    return dt.date.fromisoformat(value) if value else None


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def blank_to_null(row: dict) -> dict:
    """``""`` (and whitespace) in a row becomes None: Parquet readers see NULL for a missing value."""
    return {key: (None if isinstance(value, str) and not value.strip() else value) for key, value in row.items()}


def record_row(record: dict) -> dict:
    """One event record (DESIGN.md contract) as one flat row (the columns with a place in the record)."""
    row = {}
    for column in EVENT_COLUMNS:
        if column.path is None or column.name in _DERIVED:
            continue
        value = _get(record, column.path)
        row[column.name] = _day(value) if column.type == "date" else value
    plover = plover_coding(record.get("cameo"))
    row.update(plover_mode=plover.mode, plover_context=plover.context)
    return blank_to_null(row)


def row_record(row: dict) -> dict:
    """A flat row back into the nested event record of DESIGN.md."""
    record: dict = {"span": [None, None], "date": {}}
    for column in EVENT_COLUMNS:
        if column.path is None or column.name in _ROW_ONLY:
            continue
        value = row.get(column.name)
        value = _iso(value) if column.type == "date" else value
        *parents, last = column.path
        holder = record
        for key in parents:
            holder = holder.setdefault(key, {})
        holder[last] = value
    for role in ("source", "target"):
        if record[role]["code"] is None:
            record[role] = None
    if record["location"]["name"] is None:
        record["location"] = None
    return record


def stored_value(column: Column, record_value):
    """What the store keeps for ``record_value`` in ``column`` (its default when empty, cut to its limit)."""
    if record_value is None or (isinstance(record_value, str) and not record_value.strip()):
        return column.default
    if column.limit is not None and isinstance(record_value, str):
        return record_value[:column.limit]
    return record_value


def stored_fields(record: dict, article_date: dt.date | None = None) -> dict:
    """Field values of a new stored ``Event`` for one record (without the store's keys: dyad, fingerprint).

    An event with no date of its own takes the article's; its end defaults to its start.
    """
    fields = {column.stored: stored_value(column, _get(record, column.path)) for column in STORED}
    fields["cameo_root"] = fields["cameo_root"] or record["cameo"][:2]
    fields["quad_class"] = int(record["quad_class"])
    fields["goldstein"] = float(record["goldstein"])
    fields["confidence"] = float(fields["confidence"])
    fields["date_start"] = _day(fields["date_start"]) or article_date
    fields["date_end"] = _day(fields["date_end"]) or fields["date_start"]
    return fields


def stored_row(event, first_mention=None, mentions: int = 0, articles: int = 0, cameo_name: str | None = None) -> dict:
    """One stored event as one row: its effective (corrected) values, the evidence of its first
    mention (article, sentence, span, actor texts), and how often it was reported."""
    row = dict.fromkeys(NAMES)
    row.update({column.name: getattr(event, column.stored) for column in STORED})
    for role in ("source", "target"):
        if not row[f"{role}_code"]:
            row.update({f"{role}_{name}": None for name in ACTOR_FIELDS})
        elif first_mention is not None:
            row[f"{role}_text"] = getattr(first_mention, f"{role}_text")
    if first_mention is not None:
        article = first_mention.article
        row.update(article_id=article.external_id or article.content_hash[:16], article_title=article.title,
                   article_date=article.date, article_url=article.url, sentence=first_mention.sentence,
                   sentence_index=first_mention.sentence_index, span_start=first_mention.span_start,
                   span_end=first_mention.span_end)
    plover = plover_coding(event.cameo)
    row.update(cameo_name=cameo_name, event_id=event.pk, mentions=mentions, articles=articles,
               plover_mode=plover.mode, plover_context=plover.context)
    if row["date_start"] is None:
        row["date_granularity"] = row["date_basis"] = None  # "unknown"/"article" defaults, no date
    return blank_to_null(row)
