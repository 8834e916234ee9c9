"""Bulk loading of batch output (``detente load DIR``) into the database.

Partition by partition, in one transaction each: articles whose content hash
is not stored yet are inserted in bulk; their event records are merged with
the store's rules (``detente.records.merging``, which applies
``compatible``/``refine`` in memory, against the stored events of
the same fingerprints) and the new events, refined events and mentions are
written in bulk. Loading the same output twice adds nothing: every article is
already stored by its hash. On PostgreSQL rows go in with COPY; elsewhere
with ``bulk_create``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from django.db import connection, transaction

from detente.batch.reading import iter_output_articles, partition_names
from detente.records.merging import Merger

from . import rows
from .locking import locked_for_session
from .models import ActorMention, Article, Correction, Event, EventMention

log = logging.getLogger(__name__)

CHUNK = 500
EVENT_FIELDS = tuple(f.attname for f in Event._meta.concrete_fields
                     if f.attname not in ("id", "created_at", "updated_at"))


@dataclass
class LoadReport:
    partitions: int = 0
    articles_added: int = 0
    articles_skipped: int = 0
    events_added: int = 0
    events_merged: int = 0
    mentions_added: int = 0


def _stored_hashes(hashes: list[str]) -> set[str]:
    found = set()
    for i in range(0, len(hashes), CHUNK):
        found.update(Article.objects.filter(content_hash__in=hashes[i:i + CHUNK])
                     .values_list("content_hash", flat=True))
    return found


def _reserve_ids(model, count: int) -> list[int]:
    """``count`` fresh primary keys from the table's identity sequence (PostgreSQL)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                       [model._meta.db_table, count])
        return [row[0] for row in cursor.fetchall()]


def _copy(model, objects: list) -> None:
    """Write ``objects`` (ids set) with PostgreSQL's COPY, the fastest way in."""
    fields = model._meta.concrete_fields
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for obj in objects:
            copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])


def insert(model, objects: list) -> list:
    """Insert new rows in bulk and return them with their ids: COPY on PostgreSQL, else bulk_create."""
    if connection.vendor != "postgresql" or not objects:
        return model.objects.bulk_create(objects, batch_size=CHUNK)
    for obj, pk in zip(objects, _reserve_ids(model, len(objects))):
        obj.pk = pk
    _copy(model, objects)
    return objects


def _article(row: dict, model_name: str) -> Article:
    return Article(content_hash=row["content_hash"], external_id=(row["id"] or "")[:512],
                   title=row["title"] or "", date=row["date"], source=row["source"] or "",
                   url=(row["url"] or "")[:2000], text=row["text"], model_name=model_name[:200])


def _adopt_stored(merger: Merger, fingerprint: str) -> None:
    """Make the stored active events of ``fingerprint`` merge candidates (in id order)."""
    stored = list(Event.objects.filter(fingerprint=fingerprint, status=Event.Status.ACTIVE)
                  .order_by("id").values("id", *EVENT_FIELDS))
    corrected = set(Correction.objects.filter(event_id__in=[e["id"] for e in stored])
                    .values_list("event_id", flat=True))
    for values in stored:
        merger.adopt(SimpleNamespace(**values, corrected=values["id"] in corrected, dirty=False, mentions=[]))
    merger.by_fingerprint.setdefault(fingerprint, [])


class PartitionLoad:
    """The rows one partition adds: new articles, then events and mentions after merging."""

    def __init__(self, merger: Merger, report: LoadReport):
        self.merger, self.report = merger, report
        self.articles: list[tuple[Article, list[dict]]] = []
        self.touched: dict[int, SimpleNamespace] = {}

    def add_records(self, article: Article, records: list[dict]) -> None:
        seen = set()
        for record in records:
            mention = rows.mention_fields(record)
            if rows.mention_key(mention) in seen:
                continue
            seen.add(rows.mention_key(mention))
            fields = rows.event_fields(record, article.date)
            if not self.merger.known(fields["fingerprint"]):
                _adopt_stored(self.merger, fields["fingerprint"])
            event, created = self.merger.add(fields)
            event.mentions.append((article, mention))
            self.touched[id(event)] = event
            self.report.events_added += created
            self.report.events_merged += not created
            self.report.mentions_added += 1


def _event_values(event: SimpleNamespace) -> dict:
    return {name: getattr(event, name) for name in EVENT_FIELDS}


def _write_events(touched: list[SimpleNamespace]) -> None:
    new = [e for e in touched if e.id is None]
    created = insert(Event, [Event(**_event_values(e)) for e in new])
    for event, row in zip(new, created):
        event.id = row.id
    new_ids = {id(e) for e in new}
    changed = [Event(id=e.id, **_event_values(e)) for e in touched if id(e) not in new_ids]
    if changed:
        Event.objects.bulk_update(changed, list(EVENT_FIELDS), batch_size=CHUNK)


def _write_mentions(touched: list[SimpleNamespace]) -> None:
    mentions = [EventMention(event_id=e.id, article=article, **fields)
                for e in touched for article, fields in e.mentions]
    insert(EventMention, mentions)
    for event in touched:
        event.mentions.clear()
        event.dirty = False


def _load_partition(out: Path, name: str, seen: set[str], merger: Merger, report: LoadReport,
                    model_name: str) -> None:
    items = list(iter_output_articles(out, name, seen))
    stored = _stored_hashes([a["content_hash"] for a, _, _ in items])
    fresh = [item for item in items if item[0]["content_hash"] not in stored]
    report.articles_skipped += len(items) - len(fresh)
    load = PartitionLoad(merger, report)
    with transaction.atomic():
        articles = insert(Article, [_article(a, model_name) for a, _, _ in fresh])
        insert(ActorMention, [ActorMention(article=article, **rows.actor_mention_fields(row))
                              for article, (_, _, actors) in zip(articles, fresh) for row in actors])
        for article, (_, records, _) in zip(articles, fresh):
            load.add_records(article, records)
        touched = list(load.touched.values())
        _write_events(touched)
        _write_mentions(touched)
    report.articles_added += len(articles)


def load_output(out: Path, model_name: str = "",
                progress: Callable[[str, LoadReport], None] | None = None) -> LoadReport:
    """Load every finished partition of the batch output ``out`` (idempotent)."""
    report, seen, merger = LoadReport(), set(), Merger()
    with locked_for_session():  # the merger caches stored events: nobody else may change them meanwhile
        for name in partition_names(out):
            _load_partition(Path(out), name, seen, merger, report, model_name)
            report.partitions += 1
            if progress:
                progress(name, report)
    if report.articles_added:
        analyze()
    log.info("loaded %s: %s", out, report)
    return report


ANALYZED = ("store_article", "store_event", "store_eventmention", "store_actormention", "store_tally",
            "store_periodtally", "store_periodtop", "store_maptally")


def analyze() -> None:
    """Fresh planner statistics for the store's tables after a bulk load: without them PostgreSQL
    plans for the empty tables it last measured (a 17-row DISTINCT sorted 100,000 rows on disk)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {', '.join(ANALYZED)}")
        else:
            for table in ANALYZED:
                cursor.execute(f"ANALYZE {table}")
