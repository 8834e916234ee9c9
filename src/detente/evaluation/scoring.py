"""Precision, recall and F1 of predicted events against gold events.

Events are compared at four levels, each a key per event:

- ``dyad_root``: (source country, target country, event type)
- ``dyad_quad``: (source country, target country, quad class)
- ``type``: event type alone
- ``dyad``: (source country, target country) alone

The event type is the CAMEO root ("19"), or the PLOVER type ("ASSAULT") when the
gold file codes events in PLOVER. A gold actor of ``null`` (the sentence names
none) matches any predicted actor. Predictions the gold's vocabulary has no
type for (CAMEO 01 statements against PLOVER gold) are left out and counted. Within one item each gold event matches at
most one predicted event, exact matches first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .gold import GoldItem
from .labels import Vocabulary, quad_of, vocabulary_for
from .predict import PredictedEvent

LEVELS = ("dyad_root", "dyad_quad", "type", "dyad")
NO_TYPE = "NONE"   # e.g. CAMEO 01 statements, which PLOVER does not code


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    vocabulary: str                    # "cameo" or "plover"
    items: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    levels: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in LEVELS})
    per_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    per_quad: dict[int, Counts] = field(default_factory=lambda: defaultdict(Counts))
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    modality_agree: int = 0
    modality_total: int = 0
    outside_vocabulary: int = 0        # predictions the gold's vocabulary has no type for

    def to_dict(self) -> dict:
        return {
            "vocabulary": self.vocabulary, "items": self.items, "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "levels": {k: c.to_dict() for k, c in self.levels.items()},
            "per_type": {k: self.per_type[k].to_dict() for k in sorted(self.per_type)},
            "per_quad": {str(k): self.per_quad[k].to_dict() for k in sorted(self.per_quad)},
            "outside_vocabulary": self.outside_vocabulary,
            "modality_accuracy": round(self.modality_agree / self.modality_total, 4)
            if self.modality_total else None,
            "misses": self.misses, "false_alarms": self.false_alarms,
        }


def key(event, level: str, vocab: Vocabulary) -> tuple:
    kind = vocab.label(event.code)
    dyad = (event.source, event.target)
    quad = quad_of(kind) if vocab.plover else quad_of(event.code)
    return {"dyad_root": dyad + (kind,), "dyad_quad": dyad + (quad,),
            "type": (kind,), "dyad": dyad}[level]


def compatible(gold_key: tuple, predicted_key: tuple) -> bool:
    return all(g is None or g == p for g, p in zip(gold_key, predicted_key))


def match(gold: list[tuple], predicted: list[tuple]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index): exact matches first, then wildcard ones."""
    pairs, used_gold, used_pred = [], set(), set()
    for accept in (lambda g, p: g == p, compatible):
        for gi, g in enumerate(gold):
            if gi in used_gold:
                continue
            pi = next((pi for pi, p in enumerate(predicted)
                       if pi not in used_pred and accept(g, p)), None)
            if pi is not None:
                pairs.append((gi, pi))
                used_gold.add(gi)
                used_pred.add(pi)
    return pairs


def describe_event(event, vocab: Vocabulary) -> dict:
    return {"source": event.source, "target": event.target, "code": event.code,
            "type": vocab.label(event.code), "modality": event.modality}


def score_item(report: Report, item: GoldItem, predicted: list[PredictedEvent], vocab: Vocabulary):
    for level in LEVELS:
        gold_keys = [key(e, level, vocab) for e in item.events]
        pred_keys = [key(e, level, vocab) for e in predicted]
        pairs = match(gold_keys, pred_keys)
        counts = report.levels[level]
        counts.tp += len(pairs)
        counts.fn += len(gold_keys) - len(pairs)
        counts.fp += len(pred_keys) - len(pairs)
        if level == "dyad_root":
            breakdown(report, item, predicted, pairs, vocab)
        elif level == "dyad_quad":
            by_quad(report, [k[2] for k in gold_keys], [k[2] for k in pred_keys], pairs)


def tally(table, gold_labels, pred_labels, pairs) -> None:
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    for gi, label in enumerate(gold_labels):
        if gi in matched_gold:
            table[label].tp += 1
        else:
            table[label].fn += 1
    for pi, label in enumerate(pred_labels):
        if pi not in matched_pred:
            table[label].fp += 1


def by_quad(report: Report, gold_quads: list[int], predicted_quads: list[int], pairs) -> None:
    tally(report.per_quad, gold_quads, predicted_quads, pairs)


def breakdown(report: Report, item: GoldItem, predicted, pairs, vocab: Vocabulary) -> None:
    tally(report.per_type, [vocab.label(e.code) for e in item.events],
          [vocab.label(e.code) for e in predicted], pairs)
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    for gi, event in enumerate(item.events):
        if gi not in matched_gold:
            report.misses.append({"id": item.id, "text": item.text, **describe_event(event, vocab)})
    for pi, event in enumerate(predicted):
        if pi not in matched_pred:
            report.false_alarms.append({"id": item.id, "text": item.text, "evidence": event.evidence,
                                        **describe_event(event, vocab)})
    for gi, pi in pairs:
        if item.events[gi].modality:
            report.modality_total += 1
            report.modality_agree += item.events[gi].modality == predicted[pi].modality


def score(items: list[GoldItem], predictions: dict[str, list[PredictedEvent]]) -> Report:
    """Compare predictions (item id -> events) with the gold items."""
    vocab = vocabulary_for([e.code for i in items for e in i.events])
    report = Report(vocabulary="plover" if vocab.plover else "cameo")
    for item in items:
        predicted = [e for e in predictions.get(item.id, []) if vocab.label(e.code) != NO_TYPE]
        report.outside_vocabulary += len(predictions.get(item.id, [])) - len(predicted)
        report.items += 1
        report.gold_events += len(item.events)
        report.predicted_events += len(predicted)
        score_item(report, item, predicted, vocab)
    return report
