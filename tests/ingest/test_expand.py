"""Expanding folders and glob patterns into sources."""

import pytest

from detente.errors import InputError
from detente.ingest import expand_sources


@pytest.fixture
def folder(tmp_path):
    for name in ["b.txt", "a.html", "sub/c.jsonl.gz", "sub/d.rss", "notes.docx", ".hidden/e.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    return tmp_path


def test_expand_folder_lists_known_source_files_sorted(folder):
    assert [p.removeprefix(str(folder) + "/") for p in expand_sources([str(folder)])] == [
        "a.html", "b.txt", "sub/c.jsonl.gz", "sub/d.rss"]


def test_expand_glob_lists_matching_files(folder):
    assert expand_sources([str(folder / "*.txt")]) == [str(folder / "b.txt")]


@pytest.mark.parametrize("source", ["-", "http://example.org/news", "https://example.org/feed.xml"])
def test_expand_stdin_and_urls_pass_through(source):
    assert expand_sources([source]) == [source]


def test_expand_names_each_source_once(folder):
    path = str(folder / "b.txt")
    assert expand_sources([path, str(folder / "*.txt")]) == [path]


@pytest.mark.parametrize("pattern,problem", [("nothing-here/*.txt", "matches no file"),
                                             ("absent.txt", "no such file")])
def test_expand_pattern_matching_nothing_is_an_input_error(tmp_path, pattern, problem):
    with pytest.raises(InputError, match=problem):
        expand_sources([str(tmp_path / pattern)])


def test_expand_folder_without_sources_is_an_input_error(tmp_path):
    (tmp_path / "notes.docx").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="holds no"):
        expand_sources([str(tmp_path)])
