"""User text to safe HTML: Markdown rendered by markdown-it-py, then cleaned by nh3.

Raw HTML in the source is not interpreted (markdown-it's ``html`` option is
off), and nh3 removes anything outside a short allow-list, so no script, style
or event-handler attribute survives.
"""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a",
                "h3", "h4", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "breaks": True})


def render_markdown(text: str) -> str:
    """Safe HTML for a user's Markdown or plain text."""
    html = _markdown().render(text or "")
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="nofollow noopener noreferrer")
