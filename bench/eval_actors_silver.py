"""Silver-standard accuracy of actor recognition: countries found per document.

Compares the set of countries Detente's actors resolve to in each document with
the countries a corpus lists for it, on text nobody wrote patterns for:

- wh:      ../shared/corpora/wh_briefings.jsonl.gz, ``meta.countries`` (the
           foreign country names that occur in the statement);
- reuters: ../shared/corpora/reuters21578.jsonl.gz, ``meta.places`` (the
           countries an editor tagged the story with); the dateline ("LONDON,
           March 3"), part of the story in the original SGML, is put back in
           front of the text.

The United States is left out on both sides: White House texts are American by
construction and their lists never include it, and Reuters tags nearly every
US-company story ``usa`` whether or not the text names the country.

Two views are printed: "names" counts only mentions that write a country's name
or alias ("Australia", "the government of Australia", "in Australia": a name
used as a setting is a place mention but still a name), as the wh lists do; "all"
counts every actor that resolves to a country (demonyms, capitals, people,
groups, agents, places as well).

    .venv/bin/python bench/eval_actors_silver.py --corpus wh --limit 200
    .venv/bin/python bench/eval_actors_silver.py --corpus reuters --limit 300
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import sys
from collections import Counter
from pathlib import Path

import pycountry

from shared_data import shared_dir

ROOT = Path(__file__).resolve().parents[1]
CORPORA = shared_dir() / "corpora"
FILES = {"wh": "wh_briefings.jsonl.gz", "reuters": "reuters21578.jsonl.gz"}
# Corpus labels pycountry cannot look up, and labels that accept more than one code.
LABELS = {
    "gaza": {"PSE"}, "west bank": {"PSE"}, "palestinian": {"PSE"}, "dprk": {"PRK"},
    "burma": {"MMR"}, "republic of korea": {"KOR"}, "south korea": {"KOR"},
    "north korea": {"PRK"}, "kosovo": {"XKX"}, "turkiye": {"TUR"}, "türkiye": {"TUR"},
    "congo": {"COG", "COD"}, "laos": {"LAO"}, "uk": {"GBR"}, "ussr": {"SUN", "RUS"},
    "west germany": {"DEU"}, "east germany": {"DDR", "DEU"}, "yemen arab republic": {"YEM"},
    "yemen demo republic": {"YEM"}, "ivory coast": {"CIV"}, "trinidad tobago": {"TTO"},
    "us virgin islands": {"VIR"}, "vietnam": {"VNM"}, "russia": {"RUS"}, "iran": {"IRN"},
    "syria": {"SYR"}, "taiwan": {"TWN"}, "bolivia": {"BOL"}, "venezuela": {"VEN"},
    "tanzania": {"TZA"}, "moldova": {"MDA"}, "micronesia": {"FSM"}, "czech republic": {"CZE"},
    "holy see": {"VAT"}, "turkey": {"TUR"}, "cabo verde": {"CPV"}, "brunei": {"BRN"}, "usa": {"USA"},
}
LEFT_OUT = {"USA"}


def label_codes(label: str) -> set[str]:
    key = label.lower().replace("-", " ")
    if key in LABELS:
        return LABELS[key]
    try:
        return {pycountry.countries.lookup(key).alpha_3}
    except LookupError:
        return set()


def gold_sets(record: dict, corpus: str) -> list[set[str]]:
    labels = record["meta"]["countries" if corpus == "wh" else "places"]
    sets = [label_codes(label) for label in labels]
    return [s for s in sets if s and not s <= LEFT_OUT]


def country_names(iso3: str) -> set[str]:
    """Lower-cased names of a country (pycountry's and Detente's aliases), for the names view."""
    from detente.actors.dictionary import load_dictionary

    if iso3 not in _NAMES:
        names = {a.lower() for a in _aliases().get(iso3, [])}
        country = pycountry.countries.get(alpha_3=iso3)
        for attr in ("name", "common_name", "official_name"):
            if country is not None and getattr(country, attr, None):
                names.add(getattr(country, attr).lower())
        entry = load_dictionary().countries.get(iso3)
        names.add(entry.name.lower() if entry else iso3.lower())
        _NAMES[iso3] = names
    return _NAMES[iso3]


_NAMES: dict[str, set[str]] = {}


def _aliases() -> dict[str, list[str]]:
    from detente.data import read_json

    return {k: v.get("aliases", []) for k, v in read_json("actors", "countries.json").items()
            if not k.startswith("_")}


def names_country(mention, ref) -> bool:
    """The mention writes the country's name ("Australia", "the government of Australia")."""
    text = mention.text.lower()
    return ref.kind in ("country", "agent", "place") and mention.via in ("dictionary", "agent") \
        and any(name in text for name in country_names(ref.country))


def predicted(doc, view: str) -> dict[str, list[str]]:
    from detente.actors.codes import is_country

    found: dict[str, list[str]] = {}
    for mention in doc._.actors or []:
        if mention.via == "coreference":
            continue
        for ref in mention.refs:
            if view == "names" and not names_country(mention, ref):
                continue
            if is_country(ref.country) and ref.country not in LEFT_OUT:
                found.setdefault(ref.country, []).append(mention.text)
    return found


def score(gold: list[set[str]], found: dict[str, list[str]], tally: Counter, errors: dict):
    matched = set()
    for accepted in gold:
        hit = accepted & found.keys()
        if hit:
            tally["tp"] += 1
            matched |= hit
        else:
            tally["fn"] += 1
            errors["fn"][min(accepted)] += 1
    for code, texts in found.items():
        if code not in matched:
            tally["fp"] += 1
            errors["fp"][f"{code} <- {Counter(texts).most_common(1)[0][0]}"] += 1


def story_text(row: dict) -> str:
    dateline = (row["meta"].get("dateline") or "").strip()
    return f"{dateline} - {row['text']}" if dateline else row["text"]


def sample(corpus: str, limit: int, seed: int) -> list[dict]:
    with gzip.open(CORPORA / FILES[corpus], "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    if corpus == "reuters":
        rows = [r for r in rows if r["meta"]["places"] and set(r["meta"]["places"]) != {"usa"}]
    random.Random(seed).shuffle(rows)
    return rows[:limit]


def report(view: str, tally: Counter, errors: dict, show: int) -> None:
    precision = tally["tp"] / max(1, tally["tp"] + tally["fp"])
    recall = tally["tp"] / max(1, tally["tp"] + tally["fn"])
    print(f"[{view}] precision {precision:.3f}  recall {recall:.3f}  "
          f"(tp {tally['tp']}, fp {tally['fp']}, fn {tally['fn']})")
    if show:
        print("   false positives:", errors["fp"].most_common(show))
        print("   false negatives:", errors["fn"].most_common(show))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(FILES), default="wh")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--errors", type=int, default=15, help="most common errors to print")
    args = parser.parse_args()
    if not (CORPORA / FILES[args.corpus]).exists():
        print(f"skipped: {CORPORA / FILES[args.corpus]} is absent")
        return 0
    from detente.ingest import normalize_text
    from detente.model import Article
    from detente.pipeline import analyze, load_pipeline
    from detente.settings import Options

    nlp = load_pipeline(Options.from_env(), until="detente_coref")
    rows = sample(args.corpus, args.limit, args.seed)
    articles = (Article(text=normalize_text(story_text(r)), title=r.get("title") or "",
                        date=dt.date.fromisoformat(r["date"]) if r.get("date") else None)
                for r in rows)
    views = ("names", "all")
    tallies = {v: Counter() for v in views}
    errors = {v: {"fp": Counter(), "fn": Counter()} for v in views}
    for row, doc in zip(rows, analyze(articles, nlp)):
        gold = gold_sets(row, args.corpus)
        for view in views:
            score(gold, predicted(doc, view), tallies[view], errors[view])
    print(f"corpus: {args.corpus}  documents: {len(rows)}  (seed {args.seed})")
    for view in views:
        report(view, tallies[view], errors[view], args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
