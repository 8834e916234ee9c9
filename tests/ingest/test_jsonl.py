"""JSONL corpora: plain and gzip, streamed, bad lines reported with their number."""

import datetime as dt
import gzip
import json

import pytest

from detente.errors import EmptyTextError, InputError, RecordError, TextTooLongError
from detente.ingest import Failure, iter_articles
from detente.settings import Options

RECORDS = [
    {"id": "a1", "title": "Talks resume", "date": "2020-10-20", "text": "The ministers resumed talks.",
     "url": "http://example.org/a1", "source": "Observer"},
    {"id": "a2", "title": "Border closed", "date": "2020-10-21T08:00:00Z", "text": "The border was closed."},
]


def write_corpus(path, lines):
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as handle:
        for line in lines:
            handle.write((line if isinstance(line, str) else json.dumps(line)) + "\n")
    return str(path)


@pytest.mark.parametrize("name", ["corpus.jsonl", "corpus.jsonl.gz", "corpus.json", "corpus.ndjson"])
def test_jsonl_each_line_becomes_an_article(tmp_path, ingest_options, name):
    source = write_corpus(tmp_path / name, RECORDS)
    assert [a.id for a in iter_articles(source, ingest_options)] == ["a1", "a2"]


def test_jsonl_fields_fill_the_article(tmp_path, ingest_options):
    source = write_corpus(tmp_path / "c.jsonl", RECORDS)
    first = next(iter_articles(source, ingest_options))
    assert (first.title, first.date, first.url, first.source) == (
        "Talks resume", dt.date(2020, 10, 20), "http://example.org/a1", "Observer")


def test_jsonl_timestamp_date_is_read_as_its_day(tmp_path, ingest_options):
    source = write_corpus(tmp_path / "c.jsonl", RECORDS)
    assert list(iter_articles(source, ingest_options))[1].date == dt.date(2020, 10, 21)


def test_jsonl_record_without_source_is_named_after_the_file(tmp_path, ingest_options):
    source = write_corpus(tmp_path / "c.jsonl", RECORDS)
    assert list(iter_articles(source, ingest_options))[1].source == "c.jsonl"


def test_jsonl_date_option_overrides_every_record(tmp_path, ingest_options):
    source = write_corpus(tmp_path / "c.jsonl", RECORDS)
    dates = {a.date for a in iter_articles(source, ingest_options, date="2001-02-03")}
    assert dates == {dt.date(2001, 2, 3)}


@pytest.mark.parametrize("bad,problem", [
    ("{not json", "not valid JSON"),
    ('"a string"', "expected a JSON object"),
    ('{"id": "x"}', 'no "text"'),
    ('{"id": "x", "text": "Fine.", "date": "last week"}', "not YYYY-MM-DD"),
    ('{"id": "x", "text": "Fine.", "title": 7}', '"title" must be str'),
])
def test_jsonl_malformed_line_is_a_failure_with_its_line_number(tmp_path, ingest_options, bad, problem):
    source = write_corpus(tmp_path / "c.jsonl", [RECORDS[0], bad, RECORDS[1]])
    items = list(iter_articles(source, ingest_options))
    failure = items[1]
    assert isinstance(failure, Failure) and isinstance(failure.error, RecordError)
    assert str(failure.error).startswith("[E106] line 2: ") and problem in str(failure.error)


def test_jsonl_lines_after_a_bad_line_are_still_read(tmp_path, ingest_options):
    source = write_corpus(tmp_path / "c.jsonl", [RECORDS[0], "{broken", RECORDS[1]])
    ids = [item.id for item in iter_articles(source, ingest_options) if not isinstance(item, Failure)]
    assert ids == ["a1", "a2"]


def test_jsonl_empty_text_record_is_an_empty_text_failure(tmp_path, ingest_options):
    source = write_corpus(tmp_path / "c.jsonl", [{"id": "e", "text": "  "}])
    [failure] = iter_articles(source, ingest_options)
    assert isinstance(failure.error, EmptyTextError) and "line 1" in str(failure.error)


def test_jsonl_blank_lines_are_skipped(tmp_path, ingest_options):
    source = write_corpus(tmp_path / "c.jsonl", [RECORDS[0], "", "   ", RECORDS[1]])
    assert len(list(iter_articles(source, ingest_options))) == 2


def test_jsonl_line_over_the_size_limit_is_skipped_with_a_failure(tmp_path):
    options = Options.from_env({}, max_text_chars=20)
    long_record = {"id": "long", "text": "word " * 200}
    source = write_corpus(tmp_path / "c.jsonl", [long_record, {"id": "ok", "text": "Short."}])
    items = list(iter_articles(source, options))
    assert isinstance(items[0].error, TextTooLongError) and items[1].id == "ok"


def test_jsonl_not_gzip_despite_its_name_is_an_input_error(tmp_path, ingest_options):
    path = tmp_path / "c.jsonl.gz"
    path.write_text(json.dumps(RECORDS[0]), encoding="utf-8")
    with pytest.raises(InputError, match="not readable gzip"):
        list(iter_articles(str(path), ingest_options))


def test_jsonl_truncated_gzip_reports_after_the_readable_lines(tmp_path, ingest_options):
    full = gzip.compress("".join(json.dumps(r) + "\n" for r in RECORDS * 200).encode())
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(full[: len(full) // 2])
    items = iter_articles(str(path), ingest_options)
    assert next(items).id == "a1"
    with pytest.raises(InputError, match="cut short"):
        list(items)


@pytest.mark.parametrize("content", ['[{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}]',
                                     '[\n  {"id": "a", "text": "One."}\n]'])
def test_jsonl_json_array_file_is_refused_with_the_conversion_hint(tmp_path, ingest_options, content):
    path = tmp_path / "corpus.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="JSON array.*jq"):
        list(iter_articles(str(path), ingest_options))


# --- hostile lines and damaged streams: one failure with a code, the rest read ------------------

NESTED_LINES = [b"[" * 100_000, b'{"id": "deep", "text": "x", "meta": ' + b'{"a": ' * 5_000 + b"1" + b"}" * 5_001,
                b'{"id": "deep2", "text": "x", "meta": ' + b'{"a": ' * 70 + b"1" + b"}" * 71]


@pytest.mark.parametrize("nested", NESTED_LINES, ids=["array", "object", "just-too-deep"])
def test_jsonl_deeply_nested_line_is_one_failed_record(tmp_path, ingest_options, nested):
    path = tmp_path / "c.jsonl"
    path.write_bytes(json.dumps(RECORDS[0]).encode() + b"\n" + nested + b"\n" + json.dumps(RECORDS[1]).encode() + b"\n")
    items = list(iter_articles(str(path), ingest_options))
    assert [getattr(i, "id", None) for i in items] == ["a1", None, "a2"]
    assert isinstance(items[1].error, RecordError) and "nested more than 64 levels deep" in str(items[1].error)


def corrupt_deflate(good: bytes) -> bytes:
    """A valid gzip member, then a member whose deflate data has a reserved block type (zlib.error)."""
    return good + b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + b"\xff" * 64


def test_jsonl_gzip_with_corrupt_deflate_data_is_one_line_error_after_the_readable_lines(tmp_path, ingest_options):
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(corrupt_deflate(gzip.compress("".join(json.dumps(r) + "\n" for r in RECORDS).encode())))
    items = iter_articles(str(path), ingest_options)
    assert [next(items).id, next(items).id] == ["a1", "a2"]
    with pytest.raises(InputError, match="not readable gzip, corrupt or cut short") as caught:
        list(items)
    assert caught.value.code == "E100" and "\n" not in str(caught.value)


def test_analyze_of_a_corrupt_gzip_prints_one_line_and_no_traceback(tmp_path, capsys):
    from detente.cli import main

    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(corrupt_deflate(b""))
    assert main(["analyze", str(path), "--format", "jsonl"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("detente: error: [E100]") and err.count("\n") == 1 and "Traceback" not in err
