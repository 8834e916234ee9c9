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
from detente.records.schema import row_record

from . import layout


def partition_names(out: Path) -> list[str]:
    """Finished partitions (their marker, written last, exists), in order; an InputError when there are none.

    A partition still being written by a running job is left out.
    """
    names = sorted(p.stem for p in (Path(out) / "_partitions").glob("part-*.json"))
    names = [n for n in names if layout.table_path(out, "articles", n).exists()]
    if not names:
        raise InputError(f"{out}: no batch output here (no articles/part-*.parquet); "
                         f"run `detente batch INPUT... --out {out}` first")
    return names


def _by_article(path: Path, convert=lambda row: row) -> dict[str, list[dict]]:
    """The rows of one table file grouped by article id (none when the file is absent)."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    if path.exists():
        for row in pq.read_table(path).to_pylist():
            grouped[row["article_id"]].append(convert(row))
    return grouped


def iter_output_articles(out: Path, name: str, seen: set[str]) -> Iterator[tuple[dict, list[dict], list[dict]]]:
    """(article row, its event records, its actor rows) of one partition, in file order,
    skipping content hashes in ``seen``."""
    articles = pq.read_table(layout.table_path(out, "articles", name)).to_pylist()
    records = _by_article(layout.table_path(out, "events", name), row_record)
    actors = _by_article(layout.table_path(out, "actors", name))
    for article in articles:
        if article["content_hash"] in seen:
            continue
        seen.add(article["content_hash"])
        yield article, records.pop(article["id"], []), actors.pop(article["id"], [])
