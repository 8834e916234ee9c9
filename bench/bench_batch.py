"""Benchmark of `detente batch` on a 2,000-article sample of the shared corpora.

Measures, in one run:

1. throughput of the full Detente pipeline through `detente batch` with one
   worker, against bare spaCy (`nlp.pipe` of the same base model) in one
   process, on the same texts; both wall clocks include loading the model,
   and the batch side also starts its Dask cluster and writes Parquet (a
   second ratio leaves out model loading and cluster start on both sides);
2. the speed-up of two Dask workers over one;
3. each worker's peak memory (ru_maxrss, reported by the worker) for the
   sample and for half of it: it must not grow with the corpus;
4. (extra) the time `detente load` takes to put the output into SQLite.

Usage: python bench/bench_batch.py [--articles 2000] [--partition-size 100] [--max-chars N] [--json FILE]
Reads ../shared/corpora (or $DETENTE_SHARED/corpora); skips with a message when absent.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from shared_data import shared_dir

CORPORA = ("wh_briefings.jsonl.gz", "reuters21578.jsonl.gz")


def _fits(record: dict, max_chars: int | None) -> bool:
    text = record.get("text") or ""
    return bool(text.strip()) and (max_chars is None or len(text) <= max_chars)


def write_sample(corpora: Path, count: int, path: Path, max_chars: int | None = None) -> Path:
    """The first count/2 non-empty articles (of at most ``max_chars``) of each corpus,
    alternating, as one JSONL file."""
    streams = []
    for name in CORPORA:
        with gzip.open(corpora / name, "rt", encoding="utf-8") as stream:
            records = (json.loads(line) for line in stream if line.strip())
            streams.append(list(itertools.islice((r for r in records if _fits(r, max_chars)), count // 2)))
    with open(path, "w", encoding="utf-8") as out:
        for pair in zip(*streams):
            for record in pair:
                out.write(json.dumps(record) + "\n")
    return path


def sample_texts(path: Path, limit: int | None = None) -> list[str]:
    """The texts as Detente analyses them (the ingest module's cleaning), for the bare spaCy run."""
    from detente.ingest.normalize import normalize_text

    with open(path, encoding="utf-8") as stream:
        lines = itertools.islice(stream, limit)
        return [normalize_text(json.loads(line)["text"]) for line in lines]


def bare_spacy(texts: list[str], model: str, batch_size: int) -> dict:
    """Load the base model and run nlp.pipe over the texts, in this one process."""
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(model)
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    done = time.perf_counter()
    return {"articles": len(texts), "seconds": round(done - started, 2), "load_seconds": round(loaded - started, 2),
            "articles_per_second": round(len(texts) / (done - started), 2)}


def batch_run(sample: Path, out: Path, workers: int, partition_size: int) -> dict:
    """`detente batch` with a fresh local cluster of ``workers`` processes; its run statistics."""
    from detente.batch.job import BatchConfig, run_batch
    from detente.settings import Options

    shutil.rmtree(out, ignore_errors=True)
    config = BatchConfig(inputs=[str(sample)], out=out, partition_size=partition_size, workers=workers)
    started = time.perf_counter()
    result = run_batch(config, Options.from_env())
    wall = time.perf_counter() - started
    run = result.run
    return {"workers": workers, "articles": result.total, "events": result.events, "failed": result.failed,
            "seconds": round(wall, 2), "articles_per_second": round(result.total / wall, 2),
            "task_seconds": run["task_seconds"], "load_seconds": run["load_seconds"],
            "worker_max_rss_mb": run["worker_max_rss_mb"]}


def load_into_sqlite(out: Path, data_dir: Path) -> dict:
    """`detente load` of one batch output into a fresh embedded SQLite database."""
    from detente.settings import Options
    from detente.store.setup import open_store

    open_store(Options.from_env(data_dir=str(data_dir), database_url=""))
    from detente.store.bulk import load_output

    started = time.perf_counter()
    report = load_output(out)
    seconds = time.perf_counter() - started
    return {"articles": report.articles_added, "events": report.events_added,
            "mentions": report.mentions_added, "seconds": round(seconds, 2),
            "articles_per_second": round(report.articles_added / seconds, 1)}


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def measure(sample: Path, half: Path, work: Path, args) -> dict:
    from detente.settings import Options

    model = Options.from_env().spacy_model
    figures = {"machine": {"cpus": os.cpu_count(), "load_before": load_average()}}
    figures["bare_spacy_1_process"] = bare_spacy(sample_texts(sample), model, args.batch_size)
    figures["load_after_bare"] = load_average()
    figures["batch_1_worker"] = batch_run(sample, work / "one", 1, args.partition_size)
    figures["load_after_1_worker"] = load_average()
    figures["batch_2_workers"] = batch_run(sample, work / "two", 2, args.partition_size)
    figures["load_after_2_workers"] = load_average()
    figures["batch_2_workers_half_corpus"] = batch_run(half, work / "half", 2, args.partition_size)
    figures["machine"]["load_after"] = load_average()
    figures["detente_load_sqlite"] = load_into_sqlite(work / "two", work / "db")
    return figures


def summarize(figures: dict) -> dict:
    bare, one, two = (figures[k] for k in ("bare_spacy_1_process", "batch_1_worker", "batch_2_workers"))
    half = figures["batch_2_workers_half_corpus"]
    bare_steady = bare["articles"] / (bare["seconds"] - bare["load_seconds"])
    one_steady = one["articles"] / (one["task_seconds"] - one["load_seconds"])
    return {
        "throughput_ratio_batch1_vs_bare_spacy": round(one["articles_per_second"] / bare["articles_per_second"], 3),
        "steady_ratio_without_model_load_and_cluster_start": round(one_steady / bare_steady, 3),
        "speedup_2_workers_vs_1": round(one["seconds"] / two["seconds"], 3),
        "worker_peak_rss_mb_full_corpus": max(two["worker_max_rss_mb"].values()),
        "worker_peak_rss_mb_half_corpus": max(half["worker_max_rss_mb"].values()),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--partition-size", type=int, default=100)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--max-chars", type=int, default=None,
                        help="only articles of at most this many characters (a shorter run)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = parser.parse_args(argv)
    corpora = shared_dir() / "corpora"
    if not all((corpora / name).exists() for name in CORPORA):
        print(f"skipped: the shared corpora are not at {corpora} (set DETENTE_SHARED)")
        return 0
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as tmp:
        work = Path(tmp)
        sample = write_sample(corpora, args.articles, work / "sample.jsonl", args.max_chars)
        half = write_sample(corpora, args.articles // 2, work / "half.jsonl", args.max_chars)
        figures = measure(sample, half, work, args)
    figures["summary"] = summarize(figures)
    text = json.dumps(figures, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
