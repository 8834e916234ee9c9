"""The gold files are well-formed and cover what the README promises.

These tests check the data, not the extractors: a broken line, an unknown
country code or a CAMEO root left without examples fails here before it can
silently skew an accuracy figure.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re

import pycountry
import pytest

GOLD = pathlib.Path(__file__).parent
EVENT_FILES = ["dev_events.jsonl", "holdout_events.jsonl"]
ALL_FILES = EVENT_FILES + ["dev_dates.jsonl", "dev_actors.jsonl"]
MODALITIES = {"asserted", "threatened", "denied", "alleged", "hypothetical"}
BASES = {"explicit", "relative", "context", "article"}
GRANULARITIES = {"day", "week", "month", "quarter", "season", "year", "decade", "range"}
EXTRA_ACTOR_CODES = {"IGO", "XKX"}  # organisations; Kosovo's user-assigned code
ROOTS = [f"{n:02d}" for n in range(1, 21)]


def read_rows(name: str) -> list[dict]:
    path = GOLD / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def all_events(name: str):
    for row in read_rows(name):
        for event in row["events"]:
            yield row, event


def is_actor_code(code) -> bool:
    return code is None or code in EXTRA_ACTOR_CODES or pycountry.countries.get(alpha_3=code) is not None


def quad_class(root: str) -> int:
    number = int(root)
    return 1 if number <= 5 else 2 if number <= 8 else 3 if number <= 13 else 4


def sentence_count(text: str) -> int:
    return len([part for part in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", text.strip()) if part])


@pytest.mark.parametrize("name", ALL_FILES)
def test_gold_file_lines_are_json_objects_with_unique_ids(name):
    rows = read_rows(name)
    ids = [row["id"] for row in rows]
    assert rows and len(ids) == len(set(ids))


@pytest.mark.parametrize("name", ALL_FILES)
def test_gold_file_article_dates_are_iso_dates(name):
    for row in read_rows(name):
        dt.date.fromisoformat(row["date"])


@pytest.mark.parametrize("name", EVENT_FILES)
def test_gold_events_have_codes_under_their_root(name):
    for _, event in all_events(name):
        assert re.fullmatch(r"\d{3,4}", event["code"]), event
        assert event["code"].startswith(event["root_code"]) and event["root_code"] in ROOTS, event


@pytest.mark.parametrize("name", EVENT_FILES)
def test_gold_events_use_iso_country_or_igo_codes(name):
    bad = [(e["source"], e["target"]) for _, e in all_events(name)
           if not (is_actor_code(e["source"]) and is_actor_code(e["target"]))]
    assert bad == []


@pytest.mark.parametrize("name", EVENT_FILES)
def test_gold_events_have_a_known_modality(name):
    assert {event["modality"] for _, event in all_events(name)} <= MODALITIES


@pytest.mark.parametrize("name", EVENT_FILES)
def test_gold_event_evidence_strings_occur_in_the_sentence(name):
    for row, event in all_events(name):
        for key in ("source_text", "target_text"):
            assert event[key] is None or event[key] in row["text"], (row["id"], key)


@pytest.mark.parametrize("name", EVENT_FILES)
def test_gold_event_with_a_target_code_names_its_target(name):
    for row, event in all_events(name):
        assert event["target"] is None or event["target_text"], row["id"]


@pytest.mark.parametrize("name", EVENT_FILES)
def test_gold_meta_quad_class_matches_each_event_root(name):
    for row in read_rows(name):
        assert row["meta"]["quad_class"] == [quad_class(e["root_code"]) for e in row["events"]], row["id"]


@pytest.mark.parametrize("root", ROOTS)
def test_dev_events_cover_every_cameo_root_five_times(root):
    rows = [row for row in read_rows("dev_events.jsonl") if any(e["root_code"] == root for e in row["events"])]
    assert len(rows) >= 5


@pytest.mark.parametrize("root", ROOTS)
def test_holdout_events_cover_every_cameo_root(root):
    assert any(e["root_code"] == root for _, e in all_events("holdout_events.jsonl"))


def test_dev_events_hold_enough_sentences_and_false_alarm_probes():
    rows = read_rows("dev_events.jsonl")
    assert len(rows) >= 180 and sum(1 for row in rows if not row["events"]) >= 15


@pytest.mark.parametrize("modality", sorted(MODALITIES))
def test_dev_events_include_each_modality(modality):
    assert any(e["modality"] == modality for _, e in all_events("dev_events.jsonl"))


def test_holdout_sentences_do_not_appear_in_the_dev_set():
    dev = {row["text"] for row in read_rows("dev_events.jsonl")}
    assert not dev & {row["text"] for row in read_rows("holdout_events.jsonl")}


def test_holdout_is_about_fifteen_percent_of_the_event_gold():
    dev, holdout = len(read_rows("dev_events.jsonl")), len(read_rows("holdout_events.jsonl"))
    assert 0.10 <= holdout / (dev + holdout) <= 0.20


def date_targets():
    for row in read_rows("dev_dates.jsonl"):
        for target in row["targets"]:
            yield row, target


def test_dev_dates_hold_at_least_sixty_passages():
    assert len(read_rows("dev_dates.jsonl")) >= 60


def test_date_targets_point_at_a_sentence_of_the_passage():
    for row, target in date_targets():
        assert 0 <= target["sentence_index"] < sentence_count(row["text"]), row["id"]


def test_date_targets_are_ordered_ranges_with_known_labels():
    for row, target in date_targets():
        assert dt.date.fromisoformat(target["start"]) <= dt.date.fromisoformat(target["end"]), row["id"]
        assert target["granularity"] in GRANULARITIES and target["basis"] in BASES, row["id"]


@pytest.mark.parametrize("basis", sorted(BASES))
def test_dev_dates_include_each_basis(basis):
    assert any(target["basis"] == basis for _, target in date_targets())


def test_day_targets_are_single_days():
    for row, target in date_targets():
        assert target["granularity"] != "day" or target["start"] == target["end"], row["id"]


def actor_entries():
    for row in read_rows("dev_actors.jsonl"):
        for actor in row["actors"]:
            yield row, actor


def test_dev_actors_hold_at_least_forty_texts():
    assert len(read_rows("dev_actors.jsonl")) >= 40


def test_gold_actors_occur_in_their_text():
    for row, actor in actor_entries():
        assert actor["text"] in row["text"], row["id"]


def test_gold_not_actors_occur_in_their_text():
    for row in read_rows("dev_actors.jsonl"):
        assert all(trap in row["text"] for trap in row["not_actors"]), row["id"]


def test_gold_actor_codes_start_with_their_country():
    for row, actor in actor_entries():
        assert is_actor_code(actor["country"]), row["id"]
        assert actor["country"] is None or actor["code"].startswith(actor["country"]), row["id"]
