"""Template filters: safe comment HTML, quad-class names."""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe

from detente.web.markup import render_markdown

register = template.Library()

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}


@register.filter
def markdown(text: str) -> str:
    return mark_safe(render_markdown(text))  # noqa: S308 - cleaned by nh3 in render_markdown


@register.filter
def web_link(url) -> str:
    """``url`` when it is an absolute http(s) URL, else "": only those become links
    (a stored ``javascript:`` or ``data:`` URL from an ingested corpus must not)."""
    from urllib.parse import urlsplit

    text = str(url or "").strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


@register.filter
def quad_name(quad_class) -> str:
    try:
        return QUAD_NAMES.get(int(quad_class), "")
    except (TypeError, ValueError):
        return ""


@register.simple_tag
def query_with(request, **changes) -> str:
    """The current query string with some parameters replaced (for pagination links)."""
    params = request.GET.copy()
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@register.filter
def cameo_label(code: str) -> str:
    from detente.web.codes import cameo_name

    return cameo_name(str(code))


@register.simple_tag
def comment_form_for(target, parent=None):
    """A fresh comment form for ``target`` (with the security fields), replying to ``parent``."""
    from detente.web.comments.forms import DetenteCommentForm

    return DetenteCommentForm(target, initial={"parent": parent.pk if parent else None})


@register.filter
def can_edit(comment, user) -> bool:
    return comment.can_edit(user)
