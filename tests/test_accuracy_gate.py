"""CI accuracy gate: event coding must stay above its floors.

Two coders, two sets of floors in tests/gold/floors.json:

- the rules (``--coder rules``) on the development gold set tests/gold/dev_events.jsonl
  (floors named ``dyad_quad_f1``, ``quad_1_f1`` ...);
- the learned coder (``--coder model``, the default) on the held-out split of our
  annotated corpus, tests/gold/corpus_heldout_events.jsonl (written by
  ``tools/annotations.py gold --split test``; never trained or tuned on) and on
  dev_events.jsonl (floors named ``model_...``).

The floors can only be raised: a test compares them with every version of that
file ever committed, so lowering a floor fails until the history says otherwise
(which it cannot, short of rewriting it).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.evaluation import predict, read_gold, score
from tests.floor_history import assert_never_lowered

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "dev_events.jsonl"
HELDOUT = ROOT / "tests" / "gold" / "corpus_heldout_events.jsonl"
HELDOUT_PLOVER = ROOT / "tests" / "gold" / "corpus_heldout_plover.jsonl"
FLOORS = ROOT / "tests" / "gold" / "floors.json"
FLOORS_IN_GIT = "tests/gold/floors.json"


def floors() -> dict[str, float]:
    return json.loads(FLOORS.read_text(encoding="utf-8"))["floors"]


def rule_floors() -> list[str]:
    return sorted(n for n in floors() if not n.startswith("model_"))


def model_floors() -> list[str]:
    return sorted(n for n in floors() if n.startswith("model_"))


def measured(report) -> dict[str, float]:
    figures = {"dyad_quad_f1": report.levels["dyad_quad"].f1,
               "dyad_root_f1": report.levels["dyad_root"].f1,
               "type_f1": report.levels["type"].f1}
    figures.update({f"quad_{q}_f1": report.per_quad[q].f1 for q in (1, 2, 3, 4)})
    return figures


def macro_type_f1(report) -> float:
    types = [c for c in report.per_type.values() if c.tp + c.fn > 0]
    return sum(c.f1 for c in types) / len(types)


@pytest.fixture(scope="module")
def dev_report(nlp):
    assert nlp.get_pipe("detente_events").coder == "rules"
    items = read_gold(GOLD)
    return score(items, predict(items, nlp))


@pytest.fixture(scope="module")
def model_figures(model_nlp):
    figures = {}
    for prefix, path in (("model_heldout", HELDOUT), ("model_dev", GOLD)):
        items = read_gold(path)
        report = score(items, predict(items, model_nlp))
        figures.update({f"{prefix}_{k}": v for k, v in measured(report).items()})
        figures[f"{prefix}_dyad_quad_precision"] = report.levels["dyad_quad"].precision
        figures[f"{prefix}_dyad_quad_recall"] = report.levels["dyad_quad"].recall
    items = read_gold(HELDOUT_PLOVER)
    figures["model_heldout_plover_macro_f1"] = macro_type_f1(score(items, predict(items, model_nlp)))
    return figures


@pytest.mark.slow
@pytest.mark.parametrize("name", rule_floors())
def test_accuracy_gate_dev_gold_stays_above_floor(dev_report, name):
    value = measured(dev_report)[name]
    assert value >= floors()[name], f"{name} = {value:.3f} fell below its floor {floors()[name]}"


@pytest.mark.slow
@pytest.mark.parametrize("name", model_floors())
def test_accuracy_gate_learned_coder_stays_above_floor(model_figures, name):
    value = model_figures[name]
    assert value >= floors()[name], f"{name} = {value:.3f} fell below its floor {floors()[name]}"


def test_accuracy_gate_floors_are_never_lowered():
    assert_never_lowered(floors(), FLOORS_IN_GIT)
