"""How much event coding adds to the bare spaCy pipeline, measured in one run.

Reads ~500 White House briefings from ../shared/corpora/wh_briefings.jsonl.gz
(skips with a message when shared/ is absent) and times, chunk by chunk,
interleaved and in rotating order so that load on a shared machine hits every
variant alike:

  bare    the spaCy pipeline alone (``nlp.pipe``)
  actors  plus detente_actors and detente_coref
  events  plus detente_events (rules only)
  rules   the full Detente pipeline with ``--coder rules``
  model   the full Detente pipeline with ``--coder model`` (the default)

Times are CPU seconds of this process (``time.process_time``, which counts every
thread, onnxruntime's included), so other jobs on a shared machine do not skew
them. It prints seconds per variant, events/bare (target <= 1.25 for the events
stage on top of what it needs), the event coder's own share, (events - actors) /
bare, and the throughput of each full pipeline as a share of bare spaCy's
(targets: model >= 0.5, rules >= 0.85), with the learned model's load time and
resident memory.

    .venv/bin/python bench/bench_events.py [--limit 500] [--chunks 5]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import spacy

from detente.model import Article
from detente.pipeline import add_detente_components, analyze
from detente.settings import Options
from shared_data import corpus_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = corpus_path("wh_briefings.jsonl.gz")


def read_articles(limit: int) -> list[Article]:
    articles = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            articles.append(Article(text=row["text"], id=str(row["id"]), title=row.get("title", "")))
            if len(articles) >= limit:
                break
    return articles


def pipelines(model: str) -> dict:
    rules = Options.from_env(coder="rules")
    bare = spacy.load(model)
    actors = add_detente_components(spacy.load(model), until="detente_coref", options=rules)
    events = add_detente_components(spacy.load(model), until="detente_events", options=rules)
    full_rules = add_detente_components(spacy.load(model), options=rules)
    full_model = add_detente_components(spacy.load(model), options=Options.from_env(coder="model"))
    return {"bare": bare, "actors": actors, "events": events, "rules": full_rules, "model": full_model}


def model_cost() -> tuple[float, float]:
    """Seconds to load the learned coder's model, and the resident memory it adds (MB)."""
    import psutil

    from detente.events.learned.model import load_pair_model

    load_pair_model.cache_clear()
    before = psutil.Process().memory_info().rss
    began = time.perf_counter()
    load_pair_model()
    return time.perf_counter() - began, (psutil.Process().memory_info().rss - before) / 2**20


def timed(nlp, articles: list[Article], batch_size: int, bare: bool) -> tuple[float, int]:
    began, count = time.process_time(), 0
    if bare:
        for _ in nlp.pipe((a.text for a in articles), batch_size=batch_size):
            pass
    else:
        for doc in analyze(articles, nlp, batch_size=batch_size):
            count += len(doc._.events or [])
    return time.process_time() - began, count


def run(articles: list[Article], nlps: dict, chunks: int, batch_size: int) -> tuple[dict, dict]:
    seconds = dict.fromkeys(nlps, 0.0)
    events: dict[str, int] = {}
    size = max(1, len(articles) // chunks)
    names = list(nlps)
    for turn, start in enumerate(range(0, len(articles), size)):
        chunk = articles[start:start + size]
        order = names[turn % len(names):] + names[:turn % len(names)]   # rotate: no order bias
        for name in order:
            nlp = nlps[name]
            spent, found = timed(nlp, chunk, batch_size, bare=name == "bare")
            seconds[name] += spent
            events[name] = events.get(name, 0) + found
    return seconds, events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--chunks", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (the benchmark needs ../shared/corpora)")
        return 0
    articles = read_articles(args.limit)
    load_seconds, load_mb = model_cost()
    nlps = pipelines(Options.from_env().spacy_model)
    seconds, events = run(articles, nlps, args.chunks, args.batch_size)
    words = sum(len(a.text.split()) for a in articles)
    for name, spent in seconds.items():
        print(f"{name:<7} {spent:8.1f} CPU s  {words / spent:9.0f} words/s")
    print(f"{len(articles)} articles, {words} words, events: rules {events.get('rules', 0)}, "
          f"model {events.get('model', 0)}")
    print(f"events/bare ratio: {seconds['events'] / seconds['bare']:.3f}")
    print(f"event coder's own share: {(seconds['events'] - seconds['actors']) / seconds['bare']:.3f}")
    print(f"throughput, full pipeline with rules / bare spaCy: {seconds['bare'] / seconds['rules']:.3f} "
          "(target >= 0.85)")
    print(f"throughput, full pipeline with model / bare spaCy: {seconds['bare'] / seconds['model']:.3f} "
          "(target >= 0.5)")
    print(f"learned model: loaded in {load_seconds:.2f} s, +{load_mb:.0f} MB resident")
    return 0


if __name__ == "__main__":
    sys.exit(main())
