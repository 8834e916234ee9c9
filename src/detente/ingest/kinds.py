"""Which reader a source needs: from its file name, its HTTP content type, or its first bytes."""

from __future__ import annotations

import re

from detente.errors import InputError

from .feeds import looks_like_feed

TEXT, HTML, FEED, JSONL, XML = "text", "html", "feed", "jsonl", "xml"

SUFFIX_KINDS = {
    ".txt": TEXT, ".text": TEXT,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML,
    ".rss": FEED, ".atom": FEED, ".xml": XML,
    ".jsonl": JSONL, ".ndjson": JSONL, ".json": JSONL,
    ".jsonl.gz": JSONL, ".ndjson.gz": JSONL, ".json.gz": JSONL,
}
CONTENT_TYPE_KINDS = {
    "text/html": HTML, "application/xhtml+xml": HTML,
    "application/rss+xml": FEED, "application/atom+xml": FEED, "application/rdf+xml": FEED,
    "application/xml": XML, "text/xml": XML,
    "text/plain": TEXT,
    "application/x-ndjson": JSONL, "application/jsonl": JSONL, "application/json": JSONL,
}
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_SNIFF_BYTES = 4096


def kind_for_name(name: str) -> str | None:
    """The kind named by a file name's (double) suffix, or None when unknown."""
    lower = name.lower()
    return next((kind for suffix, kind in sorted(SUFFIX_KINDS.items(), key=lambda kv: -len(kv[0]))
                 if lower.endswith(suffix)), None)


def kind_for_content_type(content_type: str) -> str | None:
    return CONTENT_TYPE_KINDS.get(content_type.lower())


def sniff_kind(data: bytes) -> str:
    """Feed, HTML or text, judged from the first bytes."""
    if looks_like_feed(data):
        return FEED
    if _HTML_START.search(data[:_SNIFF_BYTES]):
        return HTML
    return TEXT


def resolve_kind(kind: str | None, data: bytes, where: str) -> str:
    """The final kind: sniffed when unknown; XML must turn out to be a feed or a page."""
    if kind not in (None, XML):
        return kind
    sniffed = sniff_kind(data)
    if kind == XML and sniffed == TEXT:
        raise InputError(f"{where}: is XML but neither an RSS/Atom feed nor an XHTML page; "
                         f"give a feed, a page or a .txt file")
    return sniffed
