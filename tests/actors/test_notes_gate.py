"""Accuracy gate for the actor stages on the conflict-note gold (tests/gold/dev_actors_notes.jsonl).

Actor country precision and recall, overall and by basis, must stay above the floors of
tests/gold/actor_floors.json; the floors can only be raised (checked against every
committed version of the file).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.actors.scoring import BASES, read_notes, score_notes
from tests.floor_history import assert_never_lowered

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold" / "dev_actors_notes.jsonl"
FLOORS = ROOT / "tests" / "gold" / "actor_floors.json"
FLOORS_IN_GIT = "tests/gold/actor_floors.json"


def floors() -> dict[str, float]:
    return json.loads(FLOORS.read_text(encoding="utf-8"))["floors"]


@pytest.fixture(scope="module")
def figures(nlp) -> dict[str, float]:
    report = score_notes(read_notes(GOLD), nlp)
    found = {"overall_precision": report.overall.precision, "overall_recall": report.overall.recall}
    for basis in BASES:
        found[f"{basis}_precision"] = report.by_basis[basis].precision
        found[f"{basis}_recall"] = report.by_basis[basis].recall
    return found


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(floors()))
def test_actor_notes_gate_stays_above_floor(figures, name):
    assert figures[name] >= floors()[name], \
        f"{name} = {figures[name]:.3f} fell below its floor {floors()[name]}"


def test_actor_notes_floors_are_never_lowered():
    assert_never_lowered(floors(), FLOORS_IN_GIT)


def test_actor_notes_gold_lines_are_well_formed():
    for path in (GOLD, GOLD.with_name("holdout_actors_notes.jsonl")):
        for row in read_notes(path):
            assert row["actors"] is not None and row["date"] and row["text"]
            for actor in row["actors"]:
                assert actor["basis"] in BASES and actor["text"] in row["text"], (row["id"], actor)
                assert actor["country"] is None or len(actor["country"]) == 3, (row["id"], actor)
