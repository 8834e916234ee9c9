"""CSV and Parquet exports of the (filtered, corrected, non-rejected) events."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from .atomic import atomic_path
from .columns import COLUMNS, NAMES, event_row

PARQUET_BATCH = 10_000


def write_csv(events: Iterable, out: str | Path) -> int:
    count = 0
    with atomic_path(out) as temp, temp.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=NAMES)
        writer.writeheader()
        for event in events:
            writer.writerow(event_row(event))
            count += 1
    return count


def arrow_schema():
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS])


def _batches(events: Iterable, size: int):
    batch = []
    for event in events:
        batch.append(event_row(event))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(events: Iterable, out: str | Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema, count = arrow_schema(), 0
    with atomic_path(out) as temp:
        with pq.ParquetWriter(temp, schema) as writer:
            for batch in _batches(events, PARQUET_BATCH):
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
    return count
