"""The one reader of packaged data files: every package's tables go through it, and a missing or
corrupt file is a DataError naming the file and the way out."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from detente import data
from detente.errors import DataError

SRC = Path(__file__).resolve().parent.parent / "src" / "detente"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """Packaged data read from ``tmp_path/<package>/`` instead of the installed package."""
    monkeypatch.setattr(data, "data_file", lambda package, name: tmp_path / package / name)
    (tmp_path / "places").mkdir()
    (tmp_path / "actors").mkdir()
    return tmp_path


def test_data_reads_a_tsv_table_skipping_comments_and_blank_lines(folder):
    (folder / "places" / "t.tsv").write_text("# note\nname\tcode\n\nParis\tFRA\nRome\tITA\n", encoding="utf-8")
    assert data.read_tsv("places", "t.tsv") == [{"name": "Paris", "code": "FRA"}, {"name": "Rome", "code": "ITA"}]


def test_data_streams_gzip_json_lines(folder):
    (folder / "actors" / "a.jsonl.gz").write_bytes(gzip.compress(b'{"a": 1}\n\n{"a": 2}\n'))
    assert list(data.read_jsonl("actors", "a.jsonl.gz")) == [{"a": 1}, {"a": 2}]


def test_data_keeps_a_gzip_file_compressed_as_bytes(folder):
    packed = gzip.compress(b'{"a": 1}\n')
    (folder / "actors" / "a.jsonl.gz").write_bytes(packed)
    assert data.read_bytes("actors", "a.jsonl.gz") == packed


@pytest.mark.parametrize("reader", [data.read_text, data.read_json, data.read_tsv,
                                    lambda p, n: list(data.read_jsonl(p, n))])
def test_data_says_which_file_is_missing_and_how_to_restore_it(folder, reader):
    with pytest.raises(DataError, match=r"\[E400\] cannot read detente/places/data/gone\.json .*reinstall Detente"):
        reader("places", "gone.json")


def test_data_tells_how_to_rebuild_a_missing_actor_table(folder):
    with pytest.raises(DataError, match=r"detente/actors/data/leaders\.tsv .*tools/build_actor_data\.py"):
        data.read_tsv("actors", "leaders.tsv")


@pytest.mark.parametrize("name, content, reader, why", [
    ("bad.json", b'{"a": ', data.read_json, "not valid JSON"),
    ("bad.json", b'\xff\xfe{}', data.read_json, "utf-8"),
    ("bad.jsonl", b'{"a": 1}\n{oops\n', lambda p, n: list(data.read_jsonl(p, n)), "line 2 is not JSON"),
    ("bad.jsonl.gz", gzip.compress(b'{"a": 1}\n' * 50)[:-20], lambda p, n: list(data.read_jsonl(p, n)), ""),
    ("bad.jsonl.gz", b"not gzip at all", lambda p, n: list(data.read_jsonl(p, n)), ""),
    ("bad.tsv", b"name\tcode\nParis\tFRA\textra\n", data.read_tsv, "row 2 has the wrong number"),
])
def test_data_reports_a_corrupt_file_as_a_data_error(folder, name, content, reader, why):
    (folder / "places" / name).write_bytes(content)
    with pytest.raises(DataError, match=rf"detente/places/data/{re.escape(name)} .*{why}"):
        reader("places", name)


def test_data_time_vocabulary_goes_through_the_one_loader(folder):
    from detente.time.vocabulary import vocabulary

    vocabulary.cache_clear()
    try:
        with pytest.raises(DataError, match="detente/time/data/vocabulary.json"):
            vocabulary()
    finally:
        vocabulary.cache_clear()


def test_data_no_other_module_opens_packaged_data_itself():
    """Only detente/data.py reaches into a package's data folder (the learned event model's files,
    which ONNX opens by path, are that folder's own business)."""
    others = [str(path.relative_to(SRC)) for path in SRC.rglob("*.py")
              if path.name != "data.py" and "learned" not in path.parts
              and re.search(r"importlib import resources|resources\.files|joinpath\(\"data\"", path.read_text("utf-8"))]
    assert others == []
