"""Corpora written for these tests, a shared two-worker Dask cluster, and output readers."""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

import pyarrow.parquet as pq
import pytest

COUNTRIES = (("Russia", "Moscow"), ("Turkey", "Ankara"), ("France", "Paris"), ("India", "New Delhi"),
             ("Brazil", "Brasilia"), ("Japan", "Tokyo"))
SENTENCES = (
    "The president of {a} phoned the leader of {b} on Monday and praised the new pipeline deal.",
    "Officials in {a_city} accused {b} of sending troops across the border last month.",
    "{a} threatened to expel the ambassador of {b} unless the talks resumed in {b_city}.",
    "Ministers from {a} and {b} signed an agreement on trade in {a_city} in April.",
)


def article_text(number: int) -> str:
    (a, a_city), (b, b_city) = COUNTRIES[number % 6], COUNTRIES[(number + 1 + number // 6) % 6]
    picks = [SENTENCES[(number + k) % len(SENTENCES)] for k in range(2)]
    return " ".join(s.format(a=a, b=b, a_city=a_city, b_city=b_city) for s in picks)


def article_record(number: int) -> dict:
    return {"id": f"art-{number:03d}", "title": f"Report {number}",
            "date": f"2021-{number % 12 + 1:02d}-{number % 27 + 1:02d}",
            "text": article_text(number), "url": f"https://example.org/{number}", "source": "tests"}


def write_jsonl(path: Path, lines: list) -> Path:
    body = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as stream:
        stream.write(body)
    return path


@pytest.fixture
def corpus(tmp_path):
    """A JSONL corpus of ``n`` articles written for the tests, plus optional extra lines."""
    def make(n: int = 24, extra: tuple = (), name: str = "corpus.jsonl") -> Path:
        return write_jsonl(tmp_path / name, [article_record(i) for i in range(n)] + list(extra))
    return make


@pytest.fixture(scope="session")
def dask_cluster():
    """A real scheduler and two worker processes over TCP on 127.0.0.1."""
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=":0", silence_logs=logging.ERROR)
    yield cluster
    cluster.close()


def read_table(out: Path, table: str) -> list[dict]:
    rows = []
    for path in sorted((out / table).glob("*.parquet")):
        rows.extend(pq.read_table(path).to_pylist())
    return rows


def read_output(out: Path) -> dict:
    """Everything a job's result consists of, for comparing two runs."""
    return {"files": sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                            if p.is_file() and p.name != "runs.jsonl"),
            "events": read_table(out, "events"), "articles": read_table(out, "articles"),
            "errors": (out / "errors.jsonl").read_text(), "manifest": json.loads((out / "manifest.json").read_text())}
