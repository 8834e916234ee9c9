"""Throughput of actor recognition against the bare spaCy pipeline, in one run.

Reads ~500 White House briefings from ../shared/corpora/wh_briefings.jsonl.gz and
times, chunk by chunk (interleaved so that load on the shared machine hits both
alike): (a) the bare spaCy pipeline's ``nlp.pipe`` on the normalised texts
(normalised beforehand, untimed, so both sides see the same tokens), and (b) the
ingestion text normalisation (timed) plus the pipeline up to ``detente_coref``. Prints
words per second for each and their ratio (target >= 0.80).

    .venv/bin/python bench/bench_actors.py [--limit 500] [--chunks 5]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from shared_data import corpus_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = corpus_path("wh_briefings.jsonl.gz")


def read_texts(limit: int) -> list[dict]:
    rows = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
            if len(rows) >= limit:
                break
    return rows


def time_bare(nlp, texts: list[str], batch_size: int) -> float:
    began = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - began


def time_detente(nlp, rows: list[dict], batch_size: int) -> float:
    import datetime as dt

    from detente.ingest import normalize_text
    from detente.model import Article
    from detente.pipeline import analyze

    began = time.perf_counter()
    articles = (Article(text=normalize_text(r["text"]), title=r.get("title", ""),
                        date=dt.date.fromisoformat(r["date"]) if r.get("date") else None)
                for r in rows)
    for _ in analyze(articles, nlp, batch_size=batch_size):
        pass
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--chunks", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (the shared corpora are not on this machine)")
        return 0
    import spacy

    from detente.ingest import normalize_text
    from detente.pipeline import load_pipeline
    from detente.settings import Options

    options = Options.from_env()
    began = time.perf_counter()
    detente = load_pipeline(options, until="detente_coref")
    load_seconds = time.perf_counter() - began
    from detente.actors.dictionary import build_dictionary

    cpu = time.process_time()
    build_dictionary(detente.tokenizer)
    dictionary_cpu = time.process_time() - cpu
    bare = spacy.load(options.spacy_model)
    rows = read_texts(args.limit)
    words = sum(len(r["text"].split()) for r in rows)
    time_bare(bare, [r["text"] for r in rows[:8]], args.batch_size)        # warm up
    time_detente(detente, rows[:8], args.batch_size)
    size = max(1, len(rows) // args.chunks)
    bare_s = detente_s = 0.0
    for start in range(0, len(rows), size):
        chunk = rows[start:start + size]
        bare_s += time_bare(bare, [normalize_text(r["text"]) for r in chunk], args.batch_size)
        detente_s += time_detente(detente, chunk, args.batch_size)
        print(f"  after {start + len(chunk)} articles: ratio so far {bare_s / detente_s:.3f}",
              flush=True)
    print(f"articles: {len(rows)}  words: {words}")
    print(f"pipeline load incl. actor dictionary: {load_seconds:.2f}s wall; "
          f"actor dictionary build alone: {dictionary_cpu:.2f}s CPU")
    print(f"bare spaCy ({options.spacy_model}): {words / bare_s:,.0f} words/s ({bare_s:.1f}s)")
    print(f"ingest normalisation + actors + coref: {words / detente_s:,.0f} words/s ({detente_s:.1f}s)")
    print(f"throughput ratio (detente / bare): {bare_s / detente_s:.3f}  (target >= 0.80)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
