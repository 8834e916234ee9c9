"""HTML pages: main text without boilerplate, title and date from the metadata."""

import datetime as dt

import pytest

from detente.errors import NoMainTextError
from detente.ingest import iter_articles

from .samples import MENU_PAGE, PAGE

BOILERPLATE = ["Leave a comment", "You must login or register", "Share on", "cookies", "Home", "Copyright",
               "reader42 says", "Great article"]


@pytest.fixture
def page_article(tmp_path, ingest_options):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = iter_articles(str(path), ingest_options)
    return article


@pytest.mark.parametrize("phrase", BOILERPLATE)
def test_html_boilerplate_is_not_article_text(page_article, phrase):
    assert phrase.lower() not in page_article.text.lower()


@pytest.mark.parametrize("phrase", ["open rivalry over several wars", "sanctions on tomatoes", "new pipeline"])
def test_html_main_text_is_kept(page_article, phrase):
    assert phrase in " ".join(page_article.text.split())


def test_html_paragraphs_stay_separate_lines(page_article):
    assert len(page_article.text.split("\n")) == 3


def test_html_title_comes_from_the_page_metadata(page_article):
    assert page_article.title == "Two capitals drift apart"


def test_html_headline_is_not_repeated_in_the_text(page_article):
    assert not page_article.text.startswith("Two capitals drift apart")


def test_html_date_comes_from_the_page_metadata(page_article):
    assert page_article.date == dt.date(2020, 10, 20)


def test_html_canonical_link_becomes_the_article_url(page_article):
    assert page_article.url == "https://observer.example.org/world/two-capitals"


def test_html_date_option_overrides_the_page_date(tmp_path, ingest_options):
    path = tmp_path / "page.htm"
    path.write_text(PAGE, encoding="utf-8")
    [article] = iter_articles(str(path), ingest_options, date="2019-01-31")
    assert article.date == dt.date(2019, 1, 31)


@pytest.mark.parametrize("page", [MENU_PAGE, "<html><body></body></html>", "<html><head><title>x</title></head></html>"])
def test_html_without_main_text_is_refused(tmp_path, ingest_options, page):
    path = tmp_path / "menu.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(NoMainTextError, match="no main text"):
        list(iter_articles(str(path), ingest_options))


def test_html_so_broken_that_lxml_asserts_is_refused_as_a_page_without_main_text(tmp_path, ingest_options):
    # htmldate's clean-up drops a <style> that lxml parsed with no parent: lxml asserts
    path = tmp_path / "broken.html"
    path.write_text("<body><style><html><![CDATA[>><title <b <head ", encoding="utf-8")
    with pytest.raises(NoMainTextError, match="no main text"):
        list(iter_articles(str(path), ingest_options))


def test_html_is_recognised_by_content_without_an_extension(tmp_path, ingest_options):
    path = tmp_path / "saved-page"
    path.write_text(PAGE, encoding="utf-8")
    [article] = iter_articles(str(path), ingest_options)
    assert article.title == "Two capitals drift apart"


@pytest.mark.parametrize("declaration", ['<meta charset="windows-1250">',
                                         '<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">'])
def test_html_declared_charset_is_used_to_decode(tmp_path, ingest_options, declaration):
    sentence = "The minister met Mr Dvořák and Mrs Wałęsa in Łódź on Friday before the summit."
    page = f"<html><head>{declaration}<title>T</title></head><body><article><p>{sentence}</p></article></body></html>"
    path = tmp_path / "pl.html"
    path.write_bytes(page.encode("cp1250"))
    [article] = iter_articles(str(path), ingest_options)
    assert article.text == sentence
