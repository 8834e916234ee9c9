"""Throughput of actor recognition against the bare spaCy pipeline, in one run.

Reads ~500 White House briefings from ../shared/corpora/wh_briefings.jsonl.gz and
times, chunk by chunk (interleaved so that load on the shared machine hits both
alike): (a) the bare spaCy pipeline's ``nlp.pipe`` on the normalised texts
(normalised beforehand, untimed, so both sides see the same tokens), and (b) the
ingestion text normalisation (timed) plus the pipeline up to ``detente_coref``. Prints
words per second for each and their ratio (target >= 0.80). Then, on the same texts, the
cost of the two actor stages alone (``detente_actors`` + ``detente_coref`` run on docs the
base pipeline parsed) as a share of the base pipeline's time (target < 10 %); this
direct figure does not suffer from the machine's load the way the ratio does.

    .venv/bin/python bench/bench_actors.py [--limit 500] [--chunks 5]
    .venv/bin/python bench/bench_actors.py --notes     # stage cost on the conflict-note gold texts
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


def time_stages(nlp, rows: list[dict], batch_size: int) -> tuple[float, float]:
    """(seconds the base pipeline took to parse, seconds the actor stages took on its docs)."""
    import datetime as dt

    from detente.ingest import normalize_text
    from detente.model import Article
    from detente.pipeline import make_doc

    stages = [nlp.get_pipe(name) for name in ("detente_actors", "detente_coref")]
    docs = [make_doc(nlp, Article(text=normalize_text(r["text"]), title=r.get("title", ""),
                                  date=dt.date.fromisoformat(r["date"]) if r.get("date") else None))
            for r in rows]
    began = time.perf_counter()
    with nlp.select_pipes(disable=["detente_actors", "detente_coref"]):
        parsed = list(nlp.pipe(docs, batch_size=batch_size))
    parse_s = time.perf_counter() - began
    began = time.perf_counter()
    for doc in parsed:
        for stage in stages:
            stage(doc)
    return parse_s, time.perf_counter() - began


def notes_cost(batch_size: int, repeats: int = 3) -> int:
    """The actor stages' cost on short conflict notes, where most sentences hold a generic
    actor to place (the heaviest case for ``placing.py``)."""
    from detente.pipeline import load_pipeline
    from detente.settings import Options

    rows = [json.loads(line) for name in ("dev_actors_notes.jsonl", "holdout_actors_notes.jsonl")
            for line in (ROOT / "tests" / "gold" / name).read_text(encoding="utf-8").splitlines()]
    nlp = load_pipeline(Options.from_env(), until="detente_coref")
    time_stages(nlp, rows[:10], batch_size)                                   # warm up
    parse_s = stages_s = 0.0
    for _ in range(repeats):
        parse, stages = time_stages(nlp, rows, batch_size)
        parse_s, stages_s = parse_s + parse, stages_s + stages
    print(f"notes: {len(rows)} texts x {repeats}; base pipeline {parse_s:.2f}s, actor stages "
          f"{stages_s:.2f}s: {100 * stages_s / parse_s:.1f} % of bare spaCy time (target < 10 %)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--chunks", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--notes", action="store_true",
                        help="only the stage cost, on the texts of tests/gold/*_actors_notes.jsonl")
    args = parser.parse_args()
    if args.notes:
        return notes_cost(args.batch_size)
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
    parse_s, stages_s = time_stages(detente, rows, args.batch_size)
    print(f"actor stages alone: {stages_s:.2f}s on docs the base pipeline parsed in {parse_s:.1f}s: "
          f"{100 * stages_s / parse_s:.1f} % of bare spaCy time (target < 10 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
