"""`detente actors`: actor mentions in the three formats, and end to end with the real pipeline."""

import json

import pytest

from detente.cli import main

TEXT = "Turkey criticized Russia over the air strikes."
ACTOR_FIELDS = {"text", "start", "end", "code", "country", "name", "kind", "article_id"}


@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_actors_jsonl_prints_one_row_per_mention(capsys, stub_pipeline, text_file):
    code, out, _ = run(capsys, "actors", text_file, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [row["country"] for row in rows] == ["TUR", "RUS"]
    assert all(ACTOR_FIELDS <= set(row) for row in rows)


def test_actors_row_offsets_point_into_the_text(capsys, stub_pipeline, text_file):
    _, out, _ = run(capsys, "actors", text_file, "--format", "jsonl")
    assert [TEXT[row["start"]:row["end"]] for row in map(json.loads, out.splitlines())] == ["Turkey", "Russia"]


def test_actors_json_groups_the_rows_under_their_article(capsys, stub_pipeline, text_file):
    _, out, _ = run(capsys, "actors", text_file, "--format", "json", "--date", "2021-05-01")
    document = json.loads(out)
    assert document["article"]["date"] == "2021-05-01" and len(document["actors"]) == 2


def test_actors_table_lists_codes_and_names(capsys, monkeypatch, stub_pipeline, text_file):
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = run(capsys, "actors", text_file)
    assert all(part in out for part in ("Turkey", "RUS", "country", "2 actors"))


def test_actors_end_to_end_finds_the_countries_a_text_names(capsys, monkeypatch, nlp, tmp_path):
    monkeypatch.setattr("detente.pipeline.load_pipeline", lambda options, until=None: nlp)
    path = tmp_path / "visit.txt"
    path.write_text("The foreign minister of Japan flew to Brazil on Monday. Kenya sent an envoy to the talks.",
                    encoding="utf-8")
    code, out, _ = run(capsys, "actors", str(path), "--format", "jsonl", "--date", "2020-10-20")
    countries = {json.loads(line)["country"] for line in out.splitlines()}
    assert code == 0 and {"JPN", "BRA", "KEN"} <= countries


def test_actors_table_says_how_each_country_was_found(capsys, monkeypatch, nlp, tmp_path):
    monkeypatch.setattr("detente.pipeline.load_pipeline", lambda options, until=None: nlp)
    monkeypatch.setenv("COLUMNS", "200")
    path = tmp_path / "note.txt"
    path.write_text("Gunmen attacked a police post in Beledweyne on Tuesday.", encoding="utf-8")
    code, out, _ = run(capsys, "actors", str(path), "--date", "2024-02-16")
    assert code == 0 and "basis" in out and "SOMUAF" in out and "agent │ place" in out
