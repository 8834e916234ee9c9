"""Score actor mentions against a gold file of hand-coded sentences, by basis.

A gold line (``tests/gold/dev_actors_notes.jsonl``)::

    {"id": "NOTE-0001", "text": "...", "date": "2024-03-14",
     "actors": [{"text": "Police", "country": "SOM", "code": "SOMCOP", "basis": "place"}],
     "not_actors": ["Beledweyne"]}

lists every actor mention of the text (``occurrence`` picks the n-th time a
string occurs, from 1; default 1) with its country and how a reader finds it:
``named`` (the phrase names it), ``place`` (the place of the act), ``story``
(another sentence, the dateline, a reference back).

A predicted mention is matched to the gold mention whose span it overlaps
most. Recall: gold mentions matched by a prediction with the right country.
Precision: predictions (places excluded) that match a gold mention with the
right country; a prediction that matches no gold mention counts against
precision. Both are reported overall and by the gold basis.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from detente.errors import InputError
from detente.model import ActorMention, Article
from detente.pipeline import analyze

BASES = ("named", "place", "story")


@dataclass
class Tally:
    correct_gold: int = 0
    gold: int = 0
    correct_predicted: int = 0
    predicted: int = 0

    @property
    def recall(self) -> float:
        return self.correct_gold / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct_predicted / self.predicted if self.predicted else 1.0

    def to_dict(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "gold": self.gold, "predicted": self.predicted}


@dataclass
class Report:
    overall: Tally = field(default_factory=Tally)
    by_basis: dict[str, Tally] = field(default_factory=lambda: {b: Tally() for b in BASES})
    errors: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"overall": self.overall.to_dict(),
                "by_basis": {b: t.to_dict() for b, t in self.by_basis.items()}}


def read_notes(path: str | Path) -> list[dict]:
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not a JSON object ({exc.msg})") from exc
    return rows


def article_of(row: dict) -> Article:
    return Article(text=row["text"], id=row["id"], title="", date=dt.date.fromisoformat(row["date"]),
                   source="gold")


def gold_spans(row: dict) -> list[tuple[int, int, dict]]:
    spans = []
    for actor in row["actors"]:
        start = -1
        for _ in range(actor.get("occurrence", 1)):
            start = row["text"].find(actor["text"], start + 1)
        if start < 0:
            raise InputError(f"{row['id']}: actor text {actor['text']!r} is not in the text")
        spans.append((start, start + len(actor["text"]), actor))
    return spans


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def predicted_mentions(mentions: Iterable[ActorMention]) -> list[ActorMention]:
    return [m for m in mentions if m.refs and m.actor.kind != "place"]


def score_row(row: dict, mentions: list[ActorMention], report: Report) -> None:
    gold = gold_spans(row)
    predicted = predicted_mentions(mentions)
    for start, end, actor in gold:
        hits = [m for m in predicted if _overlap((m.start, m.end), (start, end))]
        best = max(hits, key=lambda m: _overlap((m.start, m.end), (start, end)), default=None)
        right = best is not None and actor["country"] in {r.country for r in best.refs}
        for tally in (report.overall, report.by_basis[actor["basis"]]):
            tally.gold += 1
            tally.correct_gold += right
        if not right:
            report.errors.append({"id": row["id"], "gold": actor,
                                  "predicted": _describe(best)})
    for mention in predicted:
        overlaps = [(g, _overlap((mention.start, mention.end), (g[0], g[1]))) for g in gold]
        overlaps = [(g, size) for g, size in overlaps if size]
        actor = max(overlaps, key=lambda pair: pair[1])[0][2] if overlaps else None
        right = actor is not None and actor["country"] in {r.country for r in mention.refs}
        report.overall.predicted += 1
        report.overall.correct_predicted += right
        if actor is not None:
            report.by_basis[actor["basis"]].predicted += 1
            report.by_basis[actor["basis"]].correct_predicted += right
        else:
            report.errors.append({"id": row["id"], "gold": None, "predicted": _describe(mention)})


def _describe(mention: ActorMention | None) -> dict | None:
    if mention is None:
        return None
    return {"text": mention.text, "countries": [r.country for r in mention.refs],
            "codes": [r.code for r in mention.refs], "basis": mention.basis, "via": mention.via}


def score_notes(rows: list[dict], nlp) -> Report:
    """Run the pipeline on every gold row and score its actor mentions."""

    report = Report()
    for row, doc in zip(rows, analyze((article_of(row) for row in rows), nlp)):
        score_row(row, list(doc._.actors or []), report)
    return report
