"""Where each part of a batch job's output lives under ``--out DIR``.

    DIR/manifest.json               inputs, plan, counts, version, model, options
    DIR/errors.jsonl                one line per failed article: article_id, partition, reason
    DIR/runs.jsonl                  one line per run: timing, throughput, worker memory
    DIR/events/part-NNNNN.parquet   the event rows of partition NNNNN
    DIR/articles/part-NNNNN.parquet the article rows of partition NNNNN
    DIR/actors/part-NNNNN.parquet   the actor mentions of partition NNNNN
    DIR/_partitions/part-NNNNN.json the marker written last: the partition is complete
    DIR/_inputs/NAME-SIZE-MTIME     a plain copy of each gzip input, read by byte offset
"""

from __future__ import annotations

from pathlib import Path

TABLE_NAMES = ("events", "articles", "actors")


def table_path(out: Path, table: str, partition: str) -> Path:
    return Path(out) / table / f"{partition}.parquet"


def marker_path(out: Path, partition: str) -> Path:
    return Path(out) / "_partitions" / f"{partition}.json"


def manifest_path(out: Path) -> Path:
    return Path(out) / "manifest.json"


def errors_path(out: Path) -> Path:
    return Path(out) / "errors.jsonl"


def runs_path(out: Path) -> Path:
    return Path(out) / "runs.jsonl"


def table_glob(out: Path, table: str) -> str:
    return str(Path(out) / table / "*.parquet")


def inputs_dir(out: Path) -> Path:
    return Path(out) / "_inputs"
