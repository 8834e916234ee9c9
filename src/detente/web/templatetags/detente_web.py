"""Template filters: safe comment HTML, quad-class names."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from django import template
from django.utils.safestring import mark_safe

from detente.events.cameo import QUAD_CLASSES as QUAD_NAMES
from detente.records.names import actor_label, cameo_name, date_label, dyad_label, period_label
from detente.records.names import code_name as name
from detente.web.comments.forms import DetenteCommentForm
from detente.web.event_rows import event_rows
from detente.web.markup import render_markdown

register = template.Library()



@register.filter
def markdown(text: str) -> str:
    return mark_safe(render_markdown(text))  # noqa: S308 - cleaned by nh3 in render_markdown


@register.filter
def web_link(url) -> str:
    """``url`` when it is an absolute http(s) URL, else "": only those become links
    (a stored ``javascript:`` or ``data:`` URL from an ingested corpus must not)."""

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


@register.simple_tag(takes_context=True, name="event_rows")
def event_rows_tag(context, events, show_evidence=False, show_forms=False):
    """The rows of an event table (``detente.web.event_rows``); staff forms when ``show_forms``."""
    forms = {"back": context.get("back", "")} if show_forms else None
    return event_rows(events or [], show_evidence=bool(show_evidence), forms=forms, request=context.get("request"))


@register.filter
def cameo_label(code: str) -> str:
    return cameo_name(str(code))


@register.simple_tag
def comment_form_for(target, parent=None):
    """A fresh comment form for ``target`` (with the security fields), replying to ``parent``."""

    return DetenteCommentForm(target, initial={"parent": parent.pk if parent else None})


@register.filter
def can_edit(comment, user) -> bool:
    return comment.can_edit(user)


@register.filter
def code_name(code) -> str:
    """A country, organisation or actor code by name ('RUS' -> 'Russia', 'IGOWSTNAT' -> 'NATO')."""

    return name(str(code or ""))


@register.filter
def dyad_name(dyad) -> str:
    return dyad_label(str(dyad or ""))


@register.filter
def source_label(event) -> str:
    return actor_label(event.source_code, event.source_name, event.source_country)


@register.filter
def target_label(event) -> str:
    return actor_label(event.target_code, event.target_name, event.target_country) if event.target_code else ""


@register.filter
def event_date(event) -> str:
    """The event's date as precise as it is known ('February 2020', '2016-2019')."""

    return date_label(event.date_start, event.date_end, event.date_granularity)


@register.filter
def period_name(start, by) -> str:
    return period_label(start, by)


@register.filter
def sort_toggle(key: str, current: str) -> str:
    """The sort value a column header links to: the other direction when it is the current sort."""
    current = current or "-date"
    if current.lstrip("-") == key:
        return key if current.startswith("-") else f"-{key}"
    return f"-{key}" if key in ("date", "goldstein", "mentions") else key


@register.filter
def day_name(value) -> str:
    """An ISO date (or date) as '27 February 2020'; '' for none."""

    if not value:
        return ""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return date_label(day, day, "day")
