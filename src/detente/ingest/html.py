"""The main text, title and publication date of an HTML page, with trafilatura.

Precision first: trafilatura's precise extraction without fallbacks; when that
finds nothing, the extraction with fallbacks, kept only when it holds at least
one sentence-like line (so a page of menus is refused, not turned into text).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

import trafilatura

from detente.errors import NoMainTextError

from .boilerplate import drop_boilerplate
from .dates import date_from_metadata
from .normalize import normalize_text

log = logging.getLogger(__name__)

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_SENTENCE = re.compile(r"(\w+\W+){5,}\w+.*[.!?\"”’)]\s*$")


@dataclass
class PageText:
    text: str
    title: str
    date: dt.date | None
    url: str | None = None   # the page's canonical URL, when it names one


def _extract(html: str, url: str | None, fast: bool):
    options = dict(url=url, fast=fast, favor_precision=True, include_comments=False, include_tables=False)
    try:
        return trafilatura.bare_extraction(html, with_metadata=True, date_extraction_params=_DATE_PARAMS,
                                           **options)
    except AssertionError:
        # lxml asserts when the date search drops an element that has no parent, which badly
        # broken pages produce: read the text without title and date rather than fail the page.
        try:
            return trafilatura.bare_extraction(html, with_metadata=False, **options)
        except AssertionError:
            return None


def _has_sentence(text: str) -> bool:
    return any(_SENTENCE.match(line) for line in text.split("\n"))


def _without_title(text: str, title: str) -> str:
    """The text without a first line that only repeats the headline."""
    first, _, rest = text.partition("\n")
    return rest if title and first.strip() == title.strip() else text


def _clean(document) -> str:
    text = normalize_text(document.text or "")
    return normalize_text(drop_boilerplate(_without_title(text, document.title or "")))


def extract_page(html: str, where: str, url: str | None = None) -> PageText:
    """The page's main text and metadata; NoMainTextError when there is none."""
    document = _extract(html, url, fast=True)
    text = _clean(document) if document is not None else ""
    if not text:
        document = _extract(html, url, fast=False)
        text = _clean(document) if document is not None else ""
        text = text if _has_sentence(text) else ""
    if not text:
        raise NoMainTextError(
            f"{where}: the page has no main text (only navigation, forms or boilerplate); "
            f"give the article's own page, or save its text as .txt")
    return PageText(text=text, title=(document.title or "").strip(), date=date_from_metadata(document.date),
                    url=document.url or None)


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): no boilerplate search."""
    wrapped = f"<html><body>{fragment}</body></html>"
    text = trafilatura.extract(wrapped, favor_precision=True, include_comments=False, include_tables=False)
    if not text:
        text = trafilatura.html2txt(wrapped)
    return normalize_text(drop_boilerplate(normalize_text(text or "")))
