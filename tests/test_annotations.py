"""The annotated event corpus (annotations/) is well formed and its derived files are in sync."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "annotations.py"
sys.path.insert(0, str(ROOT / "tools"))

import annotations as corpus  # noqa: E402


def run_tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True, cwd=ROOT)


def test_annotations_every_batch_line_checks_clean():
    batches = sorted(str(p) for p in (ROOT / "annotations" / "batches").glob("*.jsonl"))
    result = run_tool("check", *batches)
    assert result.returncode == 0, result.stdout[-2000:]


def test_annotations_checker_names_the_line_and_the_problem(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({
        "id": "X-1", "text": "Iran condemned France.", "context": "", "date": "2020-01-01",
        "style": "wire", "origin": {"corpus": "written", "ref": "", "license": "MIT"},
        "annotator": "T", "actors": [{"text": "Iran", "country": "IRN", "code": "IRNGOV"},
                                     {"text": "Germany", "country": "DEU", "code": "DEUGOV"}],
        "events": [{"source": 0, "target": 1, "code": "999", "plover": "ACCUSE",
                    "modality": "asserted", "trigger": "condemned"}]}) + "\n")
    result = run_tool("check", str(bad))
    assert result.returncode == 1
    assert "X-1: actor 1 text 'Germany' not found" in result.stdout
    assert "code '999' is not a CAMEO code" in result.stdout


def test_annotations_a_mention_found_inside_a_word_is_a_problem():
    line = {"text": "Then the minister said he would go.", "actors": [{"text": "he", "country": "FRA", "code": "FRAGOV"}]}
    assert any("inside a word" in e for e in corpus.actor_problems(line))      # "he" of "the"
    line["actors"][0]["occurrence"] = 3                                        # "the", "the", "he"
    assert corpus.actor_problems(line) == []


def test_annotations_an_event_type_other_than_its_codes_is_a_problem():
    line = {"actors": [{"text": "Iran"}, {"text": "France"}],
            "events": [{"source": 0, "target": 1, "code": "163", "plover": "SANCTION",
                        "modality": "asserted", "trigger": ""}], "text": "Iran France"}
    assert any("is not code 163's type 'COERCE'" in e for e in corpus.event_problems(line))
    line["events"][0]["plover"] = "COERCE"
    assert not any("type" in e for e in corpus.event_problems(line))


def test_annotations_twin_pairs_are_other_mentions_of_an_annotated_dyad():
    line = {"actors": [{"text": "Putin", "country": "RUS", "code": "RUSGOV"},
                       {"text": "Kyiv", "country": "UKR", "code": "UKRGOV"},
                       {"text": "he", "country": "RUS", "code": "RUSGOV"},
                       {"text": "Turkey", "country": "TUR", "code": "TURGOV"},
                       {"text": "protesters", "country": None, "code": "CVL"}],
            "events": [{"source": 0, "target": 1, "code": "112"}, {"source": 2, "target": None, "code": "010"},
                       {"source": 4, "target": 3, "code": "141"}]}
    # "he" -> Kyiv repeats Putin -> Kyiv; Putin alone repeats "he" alone; no other pair stands for an event
    assert corpus.twin_pairs(line) == {(2, 1), (0, None)}


def test_annotations_split_assigns_every_line_and_holds_out_at_least_600_pairs():
    splits = json.loads((ROOT / "annotations" / "splits.json").read_text())
    rows = corpus.all_rows()
    assert {r["id"] for r in rows} == set(splits["splits"])
    assert all(splits["splits"][r["id"]] == corpus.split_of(r["id"]) for r in rows)
    held = [r for r in rows if splits["splits"][r["id"]] == "test"]
    assert sum(len(corpus.pair_labels(r)) for r in held) >= 600


@pytest.mark.parametrize("name, vocab", [("corpus_heldout_events.jsonl", "cameo"),
                                         ("corpus_heldout_plover.jsonl", "plover")])
def test_annotations_heldout_gold_files_match_the_corpus(name, vocab):
    expected = run_tool("gold", "--split", "test", "--vocab", vocab).stdout
    assert (ROOT / "tests" / "gold" / name).read_text(encoding="utf-8") == expected


def test_annotations_pairs_label_every_ordered_pair_and_each_actor_alone():
    row = {"actors": [{"text": "a"}, {"text": "b"}],
           "events": [{"source": 1, "target": 0, "code": "112", "plover": "ACCUSE", "modality": "asserted"}]}
    labels = {(p["source"], p["target"]): p["label"] for p in corpus.pair_labels(row)}
    assert labels == {(0, None): "NONE", (0, 1): "NONE", (1, None): "NONE", (1, 0): "11"}


def test_annotations_kappa_is_one_for_identical_and_zero_for_chance_labels():
    assert corpus.cohen_kappa(["a", "b", "a", "b"], ["a", "b", "a", "b"]) == 1.0
    assert abs(corpus.cohen_kappa(["a", "a", "b", "b"], ["a", "b", "a", "b"])) < 1e-9


def test_annotations_lines_of_later_batches_are_never_held_out():
    later = [f"ZZ-{n:04d}" for n in range(400)]
    assert {corpus.split_of(i) for i in later} == {"train", "dev"}
    first = [f"WR-{n:04d}" for n in range(400)]
    assert "test" in {corpus.split_of(i) for i in first}

