"""RSS and Atom feeds (feedparser): each entry becomes an article.

The entry's content (or summary) is cleaned with trafilatura when it is HTML;
its link and published (or updated) date come along.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import feedparser

from detente.errors import EmptyTextError, InputError
from detente.model import Article

from .base import Failure, SourceContext
from .dates import date_from_struct
from .html import html_fragment_text
from .normalize import normalize_text

_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|rdf)[\s>/]", re.IGNORECASE)
_SNIFF_BYTES = 4096


def looks_like_feed(data: bytes) -> bool:
    """True when the first bytes open an RSS, Atom or RSS 1.0 (RDF) document."""
    return _FEED_ROOT.search(data[:_SNIFF_BYTES]) is not None


def _entry_body(entry) -> tuple[str, str]:
    """(value, content type) of the entry's fullest text."""
    for detail in list(entry.get("content") or []) + [entry.get("summary_detail")]:
        if detail and (detail.get("value") or "").strip():
            return detail["value"], detail.get("type") or "text/html"
    return "", "text/plain"


def _entry_text(entry) -> str:
    value, content_type = _entry_body(entry)
    return html_fragment_text(value) if "html" in content_type else normalize_text(value)


def entry_article(entry, number: int, ctx: SourceContext, feed_name: str) -> Article:
    title = entry.get("title") or ""
    where = f"{ctx.where} entry {number}" + (f" ({title[:60]})" if title else "")
    date = date_from_struct(entry.get("published_parsed") or entry.get("updated_parsed"))
    return ctx.article(_entry_text(entry), where=where, title=title, date=date,
                       url=entry.get("link") or ctx.url, source=feed_name)


def parse_feed(data: bytes, where: str):
    """feedparser's result; InputError when the data holds no feed entries."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        reason = f"it is not a readable RSS/Atom feed ({problem})" if problem else "the feed has no entries"
        error = InputError if problem else EmptyTextError
        raise error(f"{where}: {reason}; check the feed or give an article instead")
    return parsed


def iter_feed(data: bytes, ctx: SourceContext) -> Iterator[Article | Failure]:
    """One Article (or Failure) per feed entry."""
    parsed = parse_feed(data, ctx.where)
    feed_name = (parsed.feed.get("title") or "").strip() or ctx.source
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield entry_article(entry, number, ctx, feed_name)
        except InputError as err:
            yield Failure(f"{ctx.where} entry {number}", err)
