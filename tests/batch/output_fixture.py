"""A batch output directory written directly from hand-made event records (no pipeline needed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from detente.batch import files, layout
from detente.batch.schema import ARTICLES, EVENTS, article_row, to_table
from detente.model import Article
from detente.records.schema import record_row as event_row

ACTORS = {"RUS": ("RUSGOV", "Russia"), "TUR": ("TURGOV", "Turkey"), "FRA": ("FRAGOV", "France")}
# (source, target, cameo, quad, goldstein, date start, granularity, theatre[, modality])
ACTS = (
    ("RUS", "TUR", "111", 3, -2.0, "2020-02-03", "day", "Syria"),
    ("TUR", "RUS", "190", 4, -10.0, "2020-02-10", "day", "Syria"),
    ("RUS", "TUR", "042", 1, 1.9, "2020-03-01", "month", None),
    ("RUS", "TUR", "057", 1, 8.0, "2020-05-05", "day", "Libya"),
    ("TUR", "RUS", "112", 3, -2.0, "2020-05-20", "day", "Libya"),
    ("FRA", "TUR", "111", 3, -2.0, "2020-05-21", "day", None),
    ("RUS", "TUR", "193", 4, -10.0, None, "unknown", "Syria"),
    ("RUS", "TUR", "195", 4, -10.0, "2020-02-12", "day", "Syria", "denied"),
    ("TUR", "RUS", "138", 3, -7.0, "2020-05-22", "day", "Libya", "hypothetical"),
)


def _actor(country: str) -> dict:
    code, name = ACTORS[country]
    return {"text": name, "code": code, "country": country, "name": name, "kind": "country"}


def event_record(article: Article, act: tuple, sentence_index: int) -> dict:
    source, target, cameo, quad, goldstein, start, granularity, theatre, *modality = act
    sentence = f"{ACTORS[source][1]} acted towards {ACTORS[target][1]} ({cameo})."
    return {"article": article.header(), "sentence": sentence, "sentence_index": sentence_index,
            "span": [0, len(sentence)], "source": _actor(source), "target": _actor(target),
            "cameo": cameo, "cameo_root": cameo[:2], "cameo_name": "", "quad_class": quad,
            "goldstein": goldstein, "plover": "", "modality": modality[0] if modality else "asserted",
            "date": {"start": start, "end": start, "granularity": granularity, "text": "", "basis": "explicit"},
            "location": None, "theatre": theatre, "confidence": 0.7}


def make_article(number: int) -> Article:
    return Article(text=f"Article number {number} about Russia and Turkey.", id=f"a{number}",
                   title=f"Report {number}", date=dt.date(2020, 1 + number % 6, 15), source="tests")


def write_output(out: Path, partitions: int = 3, per_partition: int = 3) -> Path:
    """Articles each reporting some of ACTS (so events merge across articles), as batch output."""
    for p in range(partitions):
        article_rows, event_rows = [], []
        for k in range(per_partition):
            number = p * per_partition + k
            article = make_article(number)
            acts = [ACTS[(number + i) % len(ACTS)] for i in range(3)]
            records = [event_record(article, act, i) for i, act in enumerate(acts)]
            article_rows.append(article_row(article, len(records)))
            event_rows.extend(event_row(r) for r in records)
        files.write_parquet(to_table(article_rows, ARTICLES), layout.table_path(out, "articles", f"part-{p:05d}"))
        files.write_parquet(to_table(event_rows, EVENTS), layout.table_path(out, "events", f"part-{p:05d}"))
        files.write_json({"partition": f"part-{p:05d}"}, layout.marker_path(out, f"part-{p:05d}"))
    return out
