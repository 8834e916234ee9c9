"""`detente batch` takes folders of corpora like `detente ingest` takes folders of articles."""

import pytest

from detente.cli.batch import expand_inputs
from detente.errors import InputError


def test_folder_expands_to_its_corpus_files(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.jsonl.gz", "a.jsonl", "sub/c.parquet", "notes.txt", ".hidden.jsonl"):
        (tmp_path / name).write_text("{}\n")
    (tmp_path / "index.jsonl").write_text('{"file": "x.txt", "title": "metadata"}\n')
    assert expand_inputs([str(tmp_path)]) == [str(tmp_path / n) for n in ("a.jsonl", "b.jsonl.gz", "sub/c.parquet")]


def test_files_pass_through_once(tmp_path):
    corpus = tmp_path / "a.jsonl"
    corpus.write_text("{}\n")
    assert expand_inputs([str(corpus), str(tmp_path)]) == [str(corpus)]


def test_folder_of_articles_points_to_ingest(tmp_path):
    (tmp_path / "story.txt").write_text("Text.")
    with pytest.raises(InputError, match="detente ingest"):
        expand_inputs([str(tmp_path)])
