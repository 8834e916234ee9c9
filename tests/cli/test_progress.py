"""The progress bar of ingest, demo and eval: total, rate and ETA on stderr; totals counted up front."""

import gzip
import json

from detente.cli.progress import count_articles, progress_bar


def test_progress_bar_shows_done_of_total_and_eta(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    with progress_bar("ingest", 4) as update:
        update(3, note="stored 3")
    err = capsys.readouterr().err
    assert "ingest" in err and "3/4" in err and "ETA" in err and "stored 3" in err


def test_count_articles_counts_lines_index_entries_and_files(tmp_path):
    corpus = tmp_path / "c.jsonl.gz"
    with gzip.open(corpus, "wt") as handle:
        handle.write('{"text": "a"}\n\n{"text": "b"}\n')
    index = tmp_path / "index.jsonl"
    index.write_text("\n".join(json.dumps({"file": f"{n}.txt"}) for n in range(3)) + "\n")
    page = tmp_path / "p.html"
    page.write_text("<html></html>")
    assert count_articles([str(corpus), str(index), str(page)]) == 6


def test_count_articles_is_unknown_for_urls_and_stdin():
    assert count_articles(["https://news.example/a"]) is None
    assert count_articles(["-"]) is None


def test_count_articles_counts_the_entries_of_a_local_feed(tmp_path):
    feed = tmp_path / "feed.xml"
    items = "".join(f"<item><title>t{n}</title><description>Text {n}.</description></item>" for n in range(3))
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{items}</channel></rss>')
    assert count_articles([str(feed)]) == 3


def test_count_articles_of_a_gzip_with_corrupt_deflate_data_is_unknown(tmp_path):
    """Counting is a best effort: the ingest itself reports the corrupt corpus (E100), the count never raises."""
    corpus = tmp_path / "c.jsonl.gz"
    corpus.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + b"\xff" * 64)
    assert count_articles([str(corpus)]) is None
