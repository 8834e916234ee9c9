"""Streaming: a multi-megabyte gzip corpus is read with memory far below its size."""

import gzip
import json
import random
import tracemalloc

import pytest

from detente.ingest import iter_articles

RECORDS = 6000
WORDS_PER_TEXT = 120


def random_text(rng: random.Random) -> str:
    words = ("".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(2, 10))) for _ in range(WORDS_PER_TEXT))
    return " ".join(words) + "."


def write_corpus(path, records: int):
    """A generated JSONL.gz corpus of several MB (random words barely compress)."""
    rng = random.Random(20201020)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as handle:
        for number in range(records):
            record = {"id": f"r{number}", "title": f"Record {number}", "date": "2020-10-20",
                      "text": random_text(rng)}
            handle.write(json.dumps(record) + "\n")
    return path


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus") / "big.jsonl.gz", RECORDS)


@pytest.fixture(scope="module")
def double_corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus") / "double.jsonl.gz", 2 * RECORDS)


def peak_while_streaming(path, options) -> tuple[int, int]:
    """(articles read, peak traced bytes) for one pass over the corpus.

    A first, untraced pass over a few records loads whatever the readers
    import or cache lazily, so the traced pass measures streaming alone.
    """
    next(iter(iter_articles(str(path), options)))
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_articles(str(path), options))
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_memory_streaming_a_gzip_corpus_stays_far_below_its_size(double_corpus, ingest_options):
    count, peak = peak_while_streaming(double_corpus, ingest_options)
    compressed = double_corpus.stat().st_size
    assert count == 2 * RECORDS and compressed > 6_000_000
    assert peak < compressed / 10, f"peak {peak:,} bytes for a {compressed:,}-byte corpus"


@pytest.mark.slow
def test_memory_streaming_does_not_grow_when_the_corpus_doubles(big_corpus, double_corpus, ingest_options):
    _, peak = peak_while_streaming(big_corpus, ingest_options)
    _, peak_double = peak_while_streaming(double_corpus, ingest_options)
    assert peak_double < peak * 1.25 + 64_000, f"peak {peak:,} -> {peak_double:,} bytes when the corpus doubled"
