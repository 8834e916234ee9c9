"""Property-based: whatever bytes or text come in, ingestion gives Articles or a DetenteError."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.errors import DetenteError
from detente.ingest import Failure, SourceContext, articles_from_bytes
from detente.ingest.kinds import FEED, HTML, JSONL, TEXT
from detente.ingest.normalize import normalize_text
from detente.model import Article
from detente.settings import Options

CHECKS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KINDS = [None, TEXT, HTML, FEED, JSONL]
CTX = SourceContext(Options.from_env({}), "generated input", "test")

TAGS = st.sampled_from(["p", "div", "article", "nav", "script", "style", "b", "table", "td", "html",
                        "body", "head", "title", "!--", "![CDATA[", "meta", "br", "h1", "footer"])
HTML_PIECES = st.one_of(
    TAGS.map(lambda tag: f"<{tag}>"), TAGS.map(lambda tag: f"</{tag}>"), TAGS.map(lambda tag: f"<{tag} "),
    st.sampled_from(["<", ">", "&", "&amp;", "&#0;", "&#x110000;", '"', "=", "<?xml version='1.0'?>"]),
    st.text(max_size=40))
MALFORMED_HTML = st.lists(HTML_PIECES, max_size=40).map("".join)


def ingest(data: bytes, kind: str | None) -> list:
    """Everything ingestion yields for ``data``, or the DetenteError it raised."""
    try:
        return list(articles_from_bytes(data, kind, CTX))
    except DetenteError as err:
        return [err]


def is_allowed(item) -> bool:
    return isinstance(item, (Article, Failure, DetenteError))


@pytest.mark.parametrize("kind", KINDS)
@CHECKS
@given(data=st.binary(max_size=2000))
def test_property_arbitrary_bytes_give_articles_or_detente_errors(kind, data):
    assert all(is_allowed(item) for item in ingest(data, kind))


@pytest.mark.parametrize("kind", [None, TEXT, HTML])
@CHECKS
@given(text=st.text(max_size=1000))
def test_property_arbitrary_unicode_gives_articles_or_detente_errors(kind, text):
    assert all(is_allowed(item) for item in ingest(text.encode("utf-8", "surrogatepass"), kind))


@CHECKS
@given(page=MALFORMED_HTML)
def test_property_malformed_html_gives_articles_or_detente_errors(page):
    assert all(is_allowed(item) for item in ingest(page.encode("utf-8", "surrogatepass"), HTML))


@CHECKS
@given(text=st.text(max_size=1000))
def test_property_article_text_is_already_normalised(text):
    for item in ingest(text.encode("utf-8", "surrogatepass"), TEXT):
        if isinstance(item, Article):
            assert normalize_text(item.text) == item.text and item.text.strip()


@CHECKS
@given(text=st.text(max_size=1000))
def test_property_normalising_twice_changes_nothing(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
