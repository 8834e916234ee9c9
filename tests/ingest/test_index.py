"""A folder of .txt articles with an index.jsonl of their metadata is one labelled source."""

import datetime as dt
import json

import pytest

from detente.errors import InputError
from detente.ingest import Failure, expand_sources, iter_articles
from detente.settings import Options


def write_folder(folder, entries, texts):
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "index.jsonl").write_text("\n".join(json.dumps(e) for e in entries) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def folder(tmp_path):
    return write_folder(tmp_path / "articles",
                        [{"file": "a.txt", "title": "Ankara and Moscow", "date": "2020-10-20", "source": "Wire"},
                         {"file": "b.txt", "title": "Beijing", "date": "2022-08-10"}],
                        {"a.txt": "Turkey criticized Russia.", "b.txt": "China warned Taiwan."})


def articles(source, **overrides):
    return list(iter_articles(str(source), Options.from_env({}), **overrides))


def test_index_labels_each_listed_file_with_title_date_and_source(folder):
    first, second = articles(folder / "index.jsonl")
    assert (first.title, first.date, first.source) == ("Ankara and Moscow", dt.date(2020, 10, 20), "Wire")
    assert (second.title, second.date, second.text) == ("Beijing", dt.date(2022, 8, 10), "China warned Taiwan.")


def test_index_user_date_and_title_win_over_the_index(folder):
    first, _ = articles(folder / "index.jsonl", date="2021-01-02", title="Mine")
    assert (first.title, first.date) == ("Mine", dt.date(2021, 1, 2))


def test_folder_expands_to_its_index_instead_of_the_files_it_lists(folder):
    (folder / "c.txt").write_text("Unlisted.", encoding="utf-8")
    assert expand_sources([str(folder)]) == [str(folder / "c.txt"), str(folder / "index.jsonl")]


def test_index_refuses_a_file_outside_its_folder(tmp_path, folder):
    (tmp_path / "secret.txt").write_text("Outside.", encoding="utf-8")
    write_folder(folder, [{"file": "../secret.txt", "title": "x"}], {})
    [item] = articles(folder / "index.jsonl")
    assert isinstance(item, Failure) and "[E106]" in str(item) and "line 1" in str(item)


def test_index_reports_a_missing_file_and_goes_on(folder):
    write_folder(folder, [{"file": "gone.txt"}, {"file": "a.txt", "title": "Still here"}], {})
    missing, present = articles(folder / "index.jsonl")
    assert isinstance(missing, Failure) and "gone.txt" in str(missing)
    assert present.title == "Still here"


def test_a_corpus_with_text_is_not_an_index(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "1", "file": "x.txt", "text": "Turkey criticized Russia."}) + "\n")
    [article] = articles(corpus)
    assert article.text == "Turkey criticized Russia."


def test_a_corpus_opening_with_an_absurdly_deep_line_is_not_taken_for_an_index(tmp_path):
    """Telling an index from a corpus reads the first line: nesting that exhausts the recursion limit
    makes it a corpus, whose reader reports that line as one failed record."""
    path = tmp_path / "c.jsonl"
    nested = b'{"a": ' * 50_000 + b"1" + b"}" * 50_000
    path.write_bytes(nested + b"\n" + json.dumps({"id": "ok", "text": "Turkey criticized Russia."}).encode() + b"\n")
    failed, article = articles(path)
    assert isinstance(failed, Failure) and "nested" in str(failed.error)
    assert article.text == "Turkey criticized Russia."


def test_a_file_opening_with_an_absurdly_deep_array_gets_the_json_array_error(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"[" * 200_000 + b"\n")
    with pytest.raises(InputError, match="JSON array"):
        articles(path)


def test_an_index_line_nested_absurdly_deep_is_one_failure(folder):
    with (folder / "index.jsonl").open("ab") as index:
        index.write(b"[" * 100_000 + b"\n")
    first, second, failed = articles(folder / "index.jsonl")
    assert (first.title, second.title) == ("Ankara and Moscow", "Beijing")
    assert isinstance(failed, Failure) and "nested too deep" in str(failed.error)
