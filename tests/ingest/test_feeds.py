"""RSS and Atom feeds: one article per entry, with link and date; feeds found by content."""

import datetime as dt

import pytest

from detente.errors import EmptyTextError, InputError
from detente.ingest import Failure, iter_articles

from .samples import ATOM, RSS


def feed_items(tmp_path, options, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return list(iter_articles(str(path), options))


@pytest.mark.parametrize("name", ["world.rss", "world.xml"])
def test_feed_rss_entries_become_articles(tmp_path, ingest_options, name):
    items = feed_items(tmp_path, ingest_options, name, RSS)
    assert [item.title for item in items if not isinstance(item, Failure)] == [
        "Ministers meet in Geneva", "Troops withdraw"]


def test_feed_rss_entry_html_is_cleaned_to_text(tmp_path, ingest_options):
    first = feed_items(tmp_path, ingest_options, "world.rss", RSS)[0]
    assert first.text.startswith("The foreign ministers met in Geneva and agreed to resume talks")
    assert "<" not in first.text


def test_feed_rss_entry_keeps_link_date_and_feed_name(tmp_path, ingest_options):
    first = feed_items(tmp_path, ingest_options, "world.rss", RSS)[0]
    assert (first.url, first.date, first.source) == ("http://example.org/a/1", dt.date(2020, 10, 20), "Observer World")


def test_feed_entry_without_text_is_a_failure_naming_the_entry(tmp_path, ingest_options):
    failure = feed_items(tmp_path, ingest_options, "world.rss", RSS)[1]
    assert isinstance(failure.error, EmptyTextError) and "entry 2 (Empty entry)" in str(failure.error)


@pytest.mark.parametrize("name", ["envoys.atom", "envoys.xml"])
def test_feed_atom_entry_uses_content_link_and_published_date(tmp_path, ingest_options, name):
    [article] = feed_items(tmp_path, ingest_options, name, ATOM)
    assert (article.text, article.url, article.date) == (
        "The two envoys accused each other of breaking the truce.", "http://example.org/b/1", dt.date(2021, 3, 4))


def test_feed_without_entries_is_refused(tmp_path, ingest_options):
    empty = '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    with pytest.raises(EmptyTextError, match="no entries"):
        feed_items(tmp_path, ingest_options, "quiet.rss", empty)


def test_feed_xml_that_is_not_a_feed_is_refused(tmp_path, ingest_options):
    with pytest.raises(InputError, match="neither an RSS/Atom feed"):
        feed_items(tmp_path, ingest_options, "data.xml", "<?xml version='1.0'?><catalog><book/></catalog>")
