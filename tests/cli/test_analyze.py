"""`detente analyze`: output formats, options, streaming, errors and exit codes."""

import gzip
import io
import json
import sys

import pytest

from detente.cli import main

TEXT = "Turkey criticized Russia over the air strikes.\n\nThe talks went on."
RECORD_FIELDS = {"article", "sentence", "sentence_index", "span", "source", "target", "cameo", "cameo_root",
                 "cameo_name", "quad_class", "goldstein", "plover", "plover_mode", "plover_context", "modality",
                 "date", "location",
                 "theatre", "confidence"}


@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return str(path)


def write_corpus(path, lines):
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return str(path)


def good_line(number: int) -> str:
    return json.dumps({"id": f"a{number}", "title": f"Story {number}", "date": "2020-10-20", "text": TEXT})


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_jsonl_prints_one_design_record_per_event(capsys, stub_pipeline, text_file):
    code, out, _ = run(capsys, "analyze", text_file, "--format", "jsonl")
    [record] = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and set(record) == RECORD_FIELDS


def test_analyze_jsonl_record_points_back_to_its_evidence(capsys, stub_pipeline, text_file):
    _, out, _ = run(capsys, "analyze", text_file, "--format", "jsonl")
    record = json.loads(out)
    start, end = record["span"]
    assert TEXT[start:end] == "Turkey criticized Russia"


def test_analyze_date_and_title_options_reach_the_record(capsys, stub_pipeline, text_file):
    _, out, _ = run(capsys, "analyze", text_file, "--format", "jsonl", "--date", "2020-10-20", "--title", "Row")
    assert json.loads(out)["article"] == {"id": json.loads(out)["article"]["id"], "title": "Row",
                                          "date": "2020-10-20", "source": "story.txt"}


def test_analyze_json_prints_one_document_per_article(capsys, stub_pipeline, tmp_path):
    source = write_corpus(tmp_path / "c.jsonl.gz", [good_line(n) for n in range(3)])
    _, out, _ = run(capsys, "analyze", source, "--format", "json")
    documents = [json.loads(line) for line in out.splitlines()]
    assert [d["article"]["id"] for d in documents] == ["a0", "a1", "a2"]
    assert all(len(d["events"]) == 1 for d in documents)


def test_analyze_table_shows_actors_and_cameo_name(capsys, monkeypatch, stub_pipeline, text_file):
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, "analyze", text_file)
    assert code == 0
    assert all(part in out for part in ("Turkey (TUR)", "Russia (RUS)", "Criticize or denounce (111)", "1 event"))


def test_analyze_reads_standard_input(capsys, monkeypatch, stub_pipeline):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(TEXT.encode()))))
    _, out, _ = run(capsys, "analyze", "-", "--format", "jsonl")
    assert json.loads(out)["article"]["source"] == "stdin"


class FlushRecorder(io.StringIO):
    """stdout that remembers what had been written at each flush."""

    def __init__(self):
        super().__init__()
        self.flushed = []

    def flush(self):
        self.flushed.append(self.getvalue())
        super().flush()


def test_analyze_flushes_output_after_each_article(monkeypatch, stub_pipeline, tmp_path):
    source = write_corpus(tmp_path / "c.jsonl.gz", [good_line(n) for n in range(3)])
    recorder = FlushRecorder()
    monkeypatch.setattr(sys, "stdout", recorder)
    main(["analyze", source, "--format", "json"])
    line_counts = sorted({chunk.count("\n") for chunk in recorder.flushed})
    assert line_counts[-3:] == [1, 2, 3]


def test_analyze_bad_line_is_reported_and_the_rest_analysed(capsys, stub_pipeline, tmp_path):
    source = write_corpus(tmp_path / "c.jsonl.gz", [good_line(1), "{not json", good_line(3)])
    code, out, err = run(capsys, "analyze", source, "--format", "json")
    assert code == 1 and len(out.splitlines()) == 2
    assert err.startswith("detente: error: [E106] line 2: not valid JSON")


def test_analyze_corpus_with_only_bad_lines_exits_3(capsys, no_pipeline, tmp_path):
    source = write_corpus(tmp_path / "c.jsonl.gz", ["{bad", "[1]", '{"text": 5}'])
    code, _, err = run(capsys, "analyze", source)
    assert code == 3 and err.count("detente: error: [E106]") == 3


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


BAD_INPUTS = {
    "missing file": (lambda tmp: str(tmp / "absent.txt"), [], "[E100]", "no such file"),
    "directory": (lambda tmp: str(tmp), [], "[E100]", "is a directory"),
    "empty text": (lambda tmp: write(tmp, "e.txt", b" \n\n "), [], "[E101]", "empty"),
    "binary file": (lambda tmp: write(tmp, "b.txt", b"\x00\x01\x02 binary"), [], "[E102]", "not text"),
    "undecodable": (lambda tmp: write(tmp, "u.txt", bytes(range(0x80, 0x100)) * 4), [], "[E103]", "UTF-8"),
    "no main text": (lambda tmp: write(tmp, "m.html", b"<html><body><nav>Home</nav></body></html>"), [],
                     "[E104]", "no main text"),
    "unparseable page": (lambda tmp: write(tmp, "w.html", b"<<<>>>"), [], "[E104]", "no main text"),
    "unreachable URL": (lambda tmp: "http://127.0.0.1:9/", ["--timeout", "5"], "[E105]", "cannot fetch"),
    "malformed date": (lambda tmp: write(tmp, "t.txt", TEXT.encode()), ["--date", "20/10/2020"], "[E200]",
                       "YYYY-MM-DD"),
    "bad timeout": (lambda tmp: write(tmp, "t.txt", TEXT.encode()), ["--timeout", "0"], "[E200]", "positive"),
    "empty corpus": (lambda tmp: write(tmp, "c.jsonl", b"\n\n"), [], "[E101]", "holds no articles"),
}


@pytest.mark.parametrize("command", ["analyze", "actors"])
@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_a_one_line_error_without_traceback(capsys, no_pipeline, tmp_path, command, case):
    make_source, extra, code_tag, phrase = BAD_INPUTS[case]
    code, out, err = run(capsys, command, make_source(tmp_path), *extra)
    assert code == 2 and out == ""
    assert err.startswith(f"detente: error: {code_tag}") and phrase in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_analyze_text_over_the_length_limit_is_refused(capsys, monkeypatch, no_pipeline, text_file):
    monkeypatch.setenv("DETENTE_MAX_TEXT_CHARS", "10")
    code, _, err = run(capsys, "analyze", text_file)
    assert code == 2 and err.startswith("detente: error: [E107]")


def test_analyze_stage_failing_on_one_article_skips_only_that_article(capsys, stub_pipeline, tmp_path):
    exploding = json.dumps({"id": "boom", "text": "Turkey EXPLODE Russia."})
    source = write_corpus(tmp_path / "c.jsonl.gz", [good_line(1), exploding, good_line(3)])
    code, out, err = run(capsys, "analyze", source, "--format", "json")
    assert code == 1 and [json.loads(line)["article"]["id"] for line in out.splitlines()] == ["a1", "a3"]
    assert err.startswith("detente: error: article boom: the detente_cli_test_coder stage failed (ValueError")


def test_analyze_restores_the_pipeline_error_handler_afterwards(capsys, stub_pipeline, text_file):
    run(capsys, "analyze", text_file)
    with pytest.raises(ValueError):
        stub_pipeline("Turkey EXPLODE Russia.")


def test_analyze_record_carries_plover_mode_and_null_context(capsys, stub_pipeline, text_file):
    _, out, _ = run(capsys, "analyze", text_file, "--format", "jsonl")
    record = json.loads(out)
    assert (record["cameo"], record["plover"], record["plover_mode"], record["plover_context"]) == \
        ("111", "ACCUSE", "disapprove", None)
