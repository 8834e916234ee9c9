"""Read a batch job's output back: partitions in order, articles with their event records.

Both the database loader and the DuckDB timeline walk the output in the same
order (partition, then article, then event), keeping the first article of
each content hash, so both merge the same records in the same order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq

from detente.errors import InputError

from . import layout
from .schema import row_record


def partition_names(out: Path) -> list[str]:
    """Finished partitions (both tables written), in order; an InputError when there are none."""
    names = sorted(p.stem for p in (Path(out) / "articles").glob("part-*.parquet"))
    names = [n for n in names if layout.table_path(out, "events", n).exists()]
    if not names:
        raise InputError(f"{out}: no batch output here (no articles/part-*.parquet); "
                         f"run `detente batch INPUT... --out {out}` first")
    return names


def read_partition_tables(out: Path, name: str) -> tuple[list[dict], dict[str, list[dict]]]:
    """(article rows, event records by article id) of one partition, in file order."""
    articles = pq.read_table(layout.table_path(out, "articles", name)).to_pylist()
    records: dict[str, list[dict]] = defaultdict(list)
    for row in pq.read_table(layout.table_path(out, "events", name)).to_pylist():
        records[row["article_id"]].append(row_record(row))
    return articles, records


def iter_articles(out: Path, name: str, seen: set[str]) -> Iterator[tuple[dict, list[dict]]]:
    """(article row, its event records) of one partition, skipping content hashes in ``seen``."""
    articles, records = read_partition_tables(out, name)
    for article in articles:
        if article["content_hash"] in seen:
            continue
        seen.add(article["content_hash"])
        yield article, records.pop(article["id"], [])
