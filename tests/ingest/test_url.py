"""URLs fetched from a local web server serving canned pages; unreachable hosts."""

import datetime as dt

import pytest

from detente.errors import FetchError, NoMainTextError, TextTooLongError
from detente.ingest import Failure, iter_articles
from detente.settings import Options


def fetch_all(url, options, **overrides):
    return list(iter_articles(url, options, **overrides))


def test_url_html_page_gives_its_main_text(web_server, ingest_options):
    [article] = fetch_all(f"{web_server}/article", ingest_options)
    assert "sanctions on tomatoes" in " ".join(article.text.split())
    assert "Leave a comment" not in article.text


def test_url_page_keeps_its_url_and_host_as_source(web_server, ingest_options):
    [article] = fetch_all(f"{web_server}/article", ingest_options)
    assert (article.url, article.source) == (f"{web_server}/article", "127.0.0.1")


def test_url_page_date_comes_from_metadata(web_server, ingest_options):
    [article] = fetch_all(f"{web_server}/article", ingest_options)
    assert article.date == dt.date(2020, 10, 20)


def test_url_without_content_type_is_sniffed_as_html(web_server, ingest_options):
    [article] = fetch_all(f"{web_server}/untyped", ingest_options)
    assert article.title == "Two capitals drift apart"


def test_url_feed_gives_one_article_per_entry(web_server, ingest_options):
    items = fetch_all(f"{web_server}/feed", ingest_options)
    assert [type(item) for item in items] == [type(items[0]), Failure, type(items[0])]


def test_url_atom_served_as_generic_xml_is_read_as_a_feed(web_server, ingest_options):
    [article] = fetch_all(f"{web_server}/atom-as-xml", ingest_options)
    assert article.title == "Envoys trade accusations"


def test_url_plain_text_uses_the_declared_charset(web_server, ingest_options):
    [article] = fetch_all(f"{web_server}/plain", ingest_options)
    assert article.text == "Café talks in Zürich ended."


def test_url_jsonl_corpus_is_read_record_by_record(web_server, ingest_options):
    assert [a.id for a in fetch_all(f"{web_server}/corpus", ingest_options)] == ["r1", "r2"]


def test_url_menu_page_has_no_main_text(web_server, ingest_options):
    with pytest.raises(NoMainTextError):
        fetch_all(f"{web_server}/menu", ingest_options)


@pytest.mark.parametrize("path,status", [("/gone", "410"), ("/missing", "404")])
def test_url_error_status_is_a_fetch_error(web_server, ingest_options, path, status):
    with pytest.raises(FetchError, match=f"HTTP {status}"):
        fetch_all(f"{web_server}{path}", ingest_options)


def test_url_unreachable_host_is_a_one_line_fetch_error(ingest_options):
    with pytest.raises(FetchError) as caught:
        fetch_all("http://127.0.0.1:9/", ingest_options)
    assert "cannot fetch" in str(caught.value) and "\n" not in str(caught.value)


def test_url_larger_than_the_limit_is_refused(web_server):
    options = Options.from_env({}, max_text_chars=10)
    with pytest.raises(TextTooLongError, match="DETENTE_MAX_TEXT_CHARS"):
        fetch_all(f"{web_server}/article", options)


def test_url_slower_than_the_fetch_timeout_is_a_fetch_error(web_server):
    options = Options.from_env({}, fetch_timeout=0.2)
    with pytest.raises(FetchError, match="timed out"):
        fetch_all(f"{web_server}/slow", options)


def test_url_redirect_is_followed(web_server, ingest_options):
    [article] = fetch_all(f"{web_server}/moved", ingest_options)
    assert article.url == f"{web_server}/article"


def test_public_only_fetch_refuses_the_machines_own_network(web_server, ingest_options):
    with pytest.raises(FetchError, match="refused, 127.0.0.1 is at 127.0.0.1"):
        fetch_all(f"{web_server}/article", ingest_options, public_only=True)


@pytest.mark.parametrize(("path", "refused"), [("/article", False), ("/moved", True)])
def test_public_only_fetch_checks_the_address_of_every_redirect(web_server, ingest_options, monkeypatch,
                                                                 path, refused):
    from detente.ingest import fetch

    connections = []

    def first_connection_counts_as_public(address):
        connections.append(address)
        return len(connections) == 1

    monkeypatch.setattr(fetch, "is_public_address", first_connection_counts_as_public)
    if refused:
        with pytest.raises(FetchError, match="only pages on the public internet"):
            fetch_all(f"{web_server}{path}", ingest_options, public_only=True)
    else:
        assert len(fetch_all(f"{web_server}{path}", ingest_options, public_only=True)) == 1


@pytest.mark.parametrize(("address", "public"), [
    ("93.184.216.34", True), ("127.0.0.1", False), ("10.1.2.3", False), ("169.254.169.254", False),
    ("::1", False), ("::ffff:127.0.0.1", False), ("::ffff:93.184.216.34", True), ("fe80::1%eth0", False),
    ("2606:4700::1111", True)])
def test_public_address_check(address, public):
    from detente.ingest.fetch import is_public_address

    assert is_public_address(address) is public
