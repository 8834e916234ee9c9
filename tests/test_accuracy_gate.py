"""CI accuracy gate: event coding on the development gold set must stay above its floors.

The floors live in tests/gold/floors.json and can only be raised: the second test
compares them with every version of that file ever committed, so lowering a floor
fails until the history says otherwise (which it cannot, short of rewriting it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from detente.evaluation import predict, read_gold, score

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "dev_events.jsonl"
FLOORS = ROOT / "tests" / "gold" / "floors.json"
FLOORS_IN_GIT = "tests/gold/floors.json"


def floors() -> dict[str, float]:
    return json.loads(FLOORS.read_text(encoding="utf-8"))["floors"]


def measured(report) -> dict[str, float]:
    figures = {"dyad_quad_f1": report.levels["dyad_quad"].f1,
               "dyad_root_f1": report.levels["dyad_root"].f1,
               "type_f1": report.levels["type"].f1}
    figures.update({f"quad_{q}_f1": report.per_quad[q].f1 for q in (1, 2, 3, 4)})
    return figures


@pytest.fixture(scope="module")
def dev_report(nlp):
    items = read_gold(GOLD)
    return score(items, predict(items, nlp))


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(floors()))
def test_accuracy_gate_dev_gold_stays_above_floor(dev_report, name):
    value = measured(dev_report)[name]
    assert value >= floors()[name], f"{name} = {value:.3f} fell below its floor {floors()[name]}"


def committed_versions() -> list[dict[str, float]]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("git or the repository history is not available to check floor history")
    log = subprocess.run(["git", "log", "--format=%H", "--", FLOORS_IN_GIT], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    versions = []
    for commit in log:
        shown = subprocess.run(["git", "show", f"{commit}:{FLOORS_IN_GIT}"], cwd=ROOT,
                               capture_output=True, text=True)
        if shown.returncode == 0:
            versions.append(json.loads(shown.stdout)["floors"])
    return versions


def test_accuracy_gate_floors_are_never_lowered():
    current = floors()
    for version in committed_versions():
        for name, value in version.items():
            assert name in current, f"floor {name} was removed; floors can only be raised"
            assert current[name] >= value, f"floor {name} lowered from {value} to {current[name]}"
