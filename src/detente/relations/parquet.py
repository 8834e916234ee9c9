"""The DuckDB back end of dyad timelines, over the Parquet output of ``detente batch``.

It answers like the database would after ``detente load DIR`` into an empty
store: the output is read in load order (partition, article, event; the first
article of each content hash), the records are
merged with the store's rules (``detente.records.merging``), and DuckDB
computes the aggregate rows (``GROUP BY period, quad_class, theatre`` with
``date_trunc``) over the merged events. Event ids count merged events from 1
in load order, as a fresh database numbers them. The whole output is merged
once per back end (merging is sequential, so it runs in Python).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from detente.batch import layout
from detente.batch.reading import partition_names
from detente.records.merging import Merger
from detente.records.schema import row_record
from detente.store import rows

from .timeline import UNCOUNTED_MODALITIES, ActorFilter, AggregateRow, DyadQuery, EventRef, period_start

# Rows of the first article of each content hash, in load order (partition, row).
LOAD_ORDER_SQL = """
WITH articles AS (
    SELECT id, date, title, content_hash, regexp_extract(filename, '(part-[0-9]+)', 1) AS part,
           file_row_number AS row
    FROM read_parquet(?, filename = true, file_row_number = true)),
first AS (
    SELECT * FROM articles
    QUALIFY row_number() OVER (PARTITION BY content_hash ORDER BY part, row) = 1),
events AS (
    SELECT *, regexp_extract(filename, '(part-[0-9]+)', 1) AS part, file_row_number AS row
    FROM read_parquet(?, filename = true, file_row_number = true))
SELECT e.* EXCLUDE (filename, file_row_number), a.date AS stored_article_date
FROM events e JOIN first a ON e.part = a.part AND e.article_id = a.id
ORDER BY e.part, a.row, e.row
"""

AGGREGATE_SQL = """
SELECT CAST(date_trunc(?, date_start) AS DATE) AS period, quad_class, coalesce(theatre, '') AS theatre,
       count(*) AS events, coalesce(sum(goldstein), 0.0) AS goldstein_sum
FROM merged GROUP BY ALL ORDER BY ALL
"""

MERGED_SCHEMA = pa.schema([("id", pa.int64()), ("date_start", pa.date32()), ("quad_class", pa.int64()),
                           ("theatre", pa.string()), ("goldstein", pa.float64())])


def _side_matches(event, actor: ActorFilter, side: str) -> bool:
    return all(getattr(event, f"{side}_{name}") == value for name, value in actor.fields().items())


def dyad_matches(event, a: ActorFilter, b: ActorFilter) -> bool:
    """``store.actors.dyad_q`` evaluated on one merged event."""
    if set(a.fields()) == {"country"} and set(b.fields()) == {"country"} and a.country != b.country:
        return event.dyad == rows.dyad_key(a.country, b.country)
    return ((_side_matches(event, a, "source") and _side_matches(event, b, "target"))
            or (_side_matches(event, b, "source") and _side_matches(event, a, "target")))


def in_query(event, query: DyadQuery) -> bool:
    """The database back end's filters: dated, in range, in the theatre, between the dyad."""
    if event.date_start is None or event.modality in UNCOUNTED_MODALITIES:
        return False
    if not dyad_matches(event, query.a, query.b):
        return False
    if query.theatre and (event.theatre or "").casefold() != query.theatre.casefold():
        return False
    return not ((query.since and event.date_start < query.since)
                or (query.until and event.date_start > query.until))


class ParquetBackend:
    """Timeline rows from a batch output directory (``relations.timeline.TimelineBackend``)."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        partition_names(self.directory)  # an InputError when there is no output here
        self._merged: list | None = None

    def _rows(self) -> list[dict]:
        """The event rows of the finished partitions, in load order."""
        names = partition_names(self.directory)
        tables = [[str(layout.table_path(self.directory, t, n)) for n in names] for t in ("articles", "events")]
        with duckdb.connect() as con:
            return con.execute(LOAD_ORDER_SQL, tables).to_arrow_table().to_pylist()

    def _merge(self) -> list:
        """Merge the candidate rows as ``detente load`` would: each article's duplicate mentions once."""
        merger, seen = Merger(), set()
        for row in self._rows():
            record = row_record(row)
            mention = (row["part"], row["article_id"], rows.mention_key(rows.mention_fields(record)))
            if mention in seen:
                continue
            seen.add(mention)
            event, _ = merger.add(rows.event_fields(record, row["stored_article_date"]))
            event.mentions.append((row["sentence"], row["article_title"] or ""))
        for number, event in enumerate(merger.events, 1):
            event.id = number
        return merger.events

    def merged_events(self, query: DyadQuery) -> list:
        """The dyad's merged events (in load order) that pass the query's filters."""
        if self._merged is None:
            self._merged = self._merge()
        return [e for e in self._merged if in_query(e, query)]

    def aggregate_rows(self, query: DyadQuery) -> list[AggregateRow]:
        events = self.merged_events(query)
        merged = pa.Table.from_pylist([{name: getattr(e, name) for name in MERGED_SCHEMA.names}
                                       for e in events], schema=MERGED_SCHEMA)
        with duckdb.connect() as con:
            con.register("merged", merged)
            result = con.execute(AGGREGATE_SQL, [query.by]).fetchall()
        return sorted(AggregateRow(period, int(quad), theatre, int(n), float(total))
                      for period, quad, theatre, n, total in result)

    def top_events(self, query: DyadQuery, per_period: int) -> list[EventRef]:
        """The ``per_period`` most reported events of each period, ranked like the database does."""
        by_period: dict = {}
        for event in self.merged_events(query):
            by_period.setdefault(period_start(event.date_start, query.by), []).append(event)
        chosen = []
        for events in by_period.values():
            ranked = sorted(events, key=lambda e: (-e.mention_count, -abs(e.goldstein), e.id))
            chosen.extend(ranked[:per_period])
        chosen.sort(key=lambda e: (e.date_start, e.id))
        return [_ref(e, query.by) for e in chosen]


def _ref(event, by: str) -> EventRef:
    sentence, title = event.mentions[0] if event.mentions else ("", "")
    return EventRef(event_id=event.id, period=period_start(event.date_start, by), date=event.date_start,
                    cameo=event.cameo, quad_class=event.quad_class, goldstein=event.goldstein,
                    source=event.source_name, target=event.target_name, sentence=sentence,
                    article_title=title, mentions=event.mention_count)
