"""Plain text sources: files, standard input, decoding, normalisation and the text checks."""

import datetime as dt
import io
import sys

import pytest

from detente.errors import BinaryInputError, EmptyTextError, EncodingError, InputError, OptionError, TextTooLongError
from detente.ingest import iter_articles
from detente.ingest.decode import decode_bytes
from detente.ingest.normalize import normalize_text
from detente.settings import Options

from .samples import ARTICLE_TEXT, PAGE, RSS


def only_article(source, options, **overrides):
    items = list(iter_articles(str(source), options, **overrides))
    assert len(items) == 1
    return items[0]


def test_ingest_text_file_keeps_its_paragraphs(tmp_path, ingest_options):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE_TEXT, encoding="utf-8")
    article = only_article(path, ingest_options)
    assert article.text == ARTICLE_TEXT
    assert article.source == "story.txt"


def test_ingest_date_and_title_options_set_the_article_header(tmp_path, ingest_options):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE_TEXT, encoding="utf-8")
    article = only_article(path, ingest_options, date="2020-10-20", title="Rivals")
    assert (article.date, article.title) == (dt.date(2020, 10, 20), "Rivals")


@pytest.mark.parametrize("bad", ["20-10-2020", "2020-13-01", "yesterday", "2020/10/20"])
def test_ingest_malformed_date_option_is_an_option_error(tmp_path, ingest_options, bad):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE_TEXT, encoding="utf-8")
    with pytest.raises(OptionError, match="YYYY-MM-DD"):
        list(iter_articles(str(path), ingest_options, date=bad))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_ingest_decodes_common_encodings(tmp_path, ingest_options, encoding):
    text = "The délégation from Zürich met the minister in Paris on Friday, and the talks went on late."
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(encoding))
    assert only_article(path, ingest_options).text == text


def test_ingest_cyrillic_in_a_legacy_encoding_is_detected():
    text = "Министр иностранных дел заявил, что переговоры о перемирии продолжатся в следующем месяце."
    assert decode_bytes(text.encode("cp1251"), "test") == text


@pytest.mark.parametrize("data", [b"%PDF-1.4\n%binary", b"\x89PNG\r\n\x1a\n\x00\x00", b"text\x00with\x00nul",
                                  bytes(range(1, 32)) * 20])
def test_ingest_binary_file_is_refused(tmp_path, ingest_options, data):
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    with pytest.raises(BinaryInputError, match="not text"):
        list(iter_articles(str(path), ingest_options))


def test_ingest_undecodable_text_is_an_encoding_error(tmp_path, ingest_options):
    path = tmp_path / "story.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(EncodingError, match="re-save it as UTF-8"):
        list(iter_articles(str(path), ingest_options))


def test_ingest_bom_that_lies_is_an_encoding_error():
    with pytest.raises(EncodingError, match="byte-order mark"):
        decode_bytes(b"\xff\xfeA", "test")


@pytest.mark.parametrize("content", ["", "   \n\t\n  ", "\u200b\u200b\n\u00a0"])
def test_ingest_empty_or_whitespace_text_is_refused(tmp_path, ingest_options, content):
    path = tmp_path / "story.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EmptyTextError, match="empty"):
        list(iter_articles(str(path), ingest_options))


def test_ingest_text_longer_than_the_limit_is_refused(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE_TEXT, encoding="utf-8")
    options = Options.from_env({}, max_text_chars=50)
    with pytest.raises(TextTooLongError, match="DETENTE_MAX_TEXT_CHARS"):
        list(iter_articles(str(path), options))


def test_ingest_missing_path_names_the_path(tmp_path, ingest_options):
    with pytest.raises(InputError, match="no such file"):
        list(iter_articles(str(tmp_path / "absent.txt"), ingest_options))


def test_ingest_directory_is_refused_with_a_command_that_takes_folders(tmp_path, ingest_options):
    with pytest.raises(InputError, match="is a directory.*detente ingest"):
        list(iter_articles(str(tmp_path), ingest_options))


def stdin_with(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))


def test_ingest_reads_text_from_standard_input(monkeypatch, ingest_options):
    stdin_with(monkeypatch, ARTICLE_TEXT.encode("utf-8"))
    article = only_article("-", ingest_options)
    assert (article.text, article.source) == (ARTICLE_TEXT, "stdin")


def test_ingest_streams_jsonl_from_standard_input(monkeypatch, ingest_options):
    stdin_with(monkeypatch, b'{"id": "a", "text": "First."}\n{"id": "b", "text": "Second."}\n')
    assert [a.id for a in iter_articles("-", ingest_options)] == ["a", "b"]


@pytest.mark.parametrize("raw,clean", [
    ("one\r\ntwo\rthree", "one\ntwo\nthree"),
    ("one\n\n\n\n\ntwo", "one\n\ntwo"),
    ("bell\x07 and\x00 nul", "bell and nul"),
    ("  spaced   \t out  \n", "spaced out"),
    ("zero\u200bwidth\ufeff", "zerowidth"),
    ("line\u2028sep", "line\nsep"),
    ("e\u0301", "\u00e9"),
])
def test_normalize_text_cleans_newlines_controls_and_blank_runs(raw, clean):
    assert normalize_text(raw) == clean


@pytest.mark.parametrize("content,expected_titles", [
    (PAGE, ["Two capitals drift apart"]),
    (RSS, ["Ministers meet in Geneva", None, "Troops withdraw"]),
])
def test_ingest_standard_input_is_recognised_by_content(monkeypatch, ingest_options, content, expected_titles):
    stdin_with(monkeypatch, content.encode("utf-8"))
    titles = [getattr(item, "title", None) for item in iter_articles("-", ingest_options)]
    assert titles == expected_titles
