"""CSV and Parquet exports of the (filtered, corrected, non-rejected) events, in the batch events schema."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from detente.atomic import output_path
from detente.batch.schema import EVENTS

from .columns import NAMES, event_row

PARQUET_BATCH = 10_000


def write_csv(events: Iterable, out: str | Path | None) -> int:
    """A header, then one row per event; a missing value is an empty field."""
    count = 0
    with output_path(out) as temp, temp.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=NAMES)
        writer.writeheader()
        for event in events:
            writer.writerow(event_row(event))
            count += 1
    return count


def arrow_schema():
    return EVENTS


def _batches(events: Iterable, size: int):
    batch = []
    for event in events:
        batch.append(event_row(event))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(events: Iterable, out: str | Path | None) -> int:
    schema, count = arrow_schema(), 0
    with output_path(out) as temp:
        with pq.ParquetWriter(temp, schema) as writer:
            for batch in _batches(events, PARQUET_BATCH):
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
    return count
