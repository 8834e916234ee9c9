"""The sample articles, pages, corpus and feeds are complete and marked as samples."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

SAMPLES = pathlib.Path(__file__).resolve().parents[2] / "samples"
ARTICLES = SAMPLES / "articles"
NOTICE = "SAMPLE ARTICLE written for Detente's demo; fictionalised, not real reporting."
ATOM = "{http://www.w3.org/2005/Atom}"
CORPUS_FIELDS = {"id", "title", "date", "text", "url", "source"}


class MetaCollector(HTMLParser):
    """Collects <meta> properties/names and the <title> text of a page."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content", "")
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False if tag == "title" else self._in_title

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def index_rows() -> list[dict]:
    return [json.loads(line) for line in (ARTICLES / "index.jsonl").read_text(encoding="utf-8").splitlines()]


def page_meta(path: pathlib.Path) -> MetaCollector:
    collector = MetaCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def test_article_index_lists_exactly_the_article_files():
    assert sorted(row["file"] for row in index_rows()) == sorted(p.name for p in ARTICLES.glob("*.txt"))


@pytest.mark.parametrize("row", index_rows(), ids=lambda row: row["file"])
def test_sample_article_starts_with_the_sample_notice(row):
    assert (ARTICLES / row["file"]).read_text(encoding="utf-8").splitlines()[0] == NOTICE


@pytest.mark.parametrize("row", index_rows(), ids=lambda row: row["file"])
def test_sample_article_has_a_dated_title_from_its_text(row):
    dt.date.fromisoformat(row["date"])
    assert row["title"] in (ARTICLES / row["file"]).read_text(encoding="utf-8") and row["source"]


@pytest.mark.parametrize("row", index_rows(), ids=lambda row: row["file"])
def test_sample_article_length_is_between_400_and_1200_words(row):
    body = (ARTICLES / row["file"]).read_text(encoding="utf-8").split("\n", 1)[1]
    assert 400 <= len(body.split()) <= 1200


@pytest.mark.parametrize("path", sorted((SAMPLES / "pages").glob("*.html")), ids=lambda p: p.name)
def test_sample_page_has_title_og_and_published_time(path):
    page = page_meta(path)
    assert page.title.strip() and page.meta.get("og:title") and page.meta.get("og:url")
    dt.datetime.fromisoformat(page.meta["article:published_time"])


@pytest.mark.parametrize("path", sorted((SAMPLES / "pages").glob("*.html")), ids=lambda p: p.name)
def test_sample_page_is_marked_and_carries_comment_boilerplate(path):
    html = path.read_text(encoding="utf-8")
    assert "SAMPLE ARTICLE written for Detente" in html
    assert "You must login or register to add a new comment." in html


def test_sample_pages_are_three():
    assert len(list((SAMPLES / "pages").glob("*.html"))) == 3


def test_sample_corpus_holds_thirty_fictionalised_items_in_the_corpus_format():
    rows = [json.loads(line) for line in (SAMPLES / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 30 and len({row["id"] for row in rows}) == 30
    assert all(set(row) == CORPUS_FIELDS and "fictionalised" in row["source"] for row in rows)


def test_sample_corpus_dates_span_2019_to_2026():
    rows = [json.loads(line) for line in (SAMPLES / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    years = {dt.date.fromisoformat(row["date"]).year for row in rows}
    assert min(years) == 2019 and max(years) == 2026


def test_sample_rss_feed_has_five_items_with_html_descriptions():
    items = ET.parse(SAMPLES / "feed.xml").getroot().findall("./channel/item")
    assert len(items) == 5 and all("<p>" in item.findtext("description") for item in items)


def test_sample_atom_feed_has_three_dated_entries():
    entries = ET.parse(SAMPLES / "feed.atom").getroot().findall(f"{ATOM}entry")
    assert len(entries) == 3
    assert all(dt.datetime.fromisoformat(entry.findtext(f"{ATOM}published")) for entry in entries)
