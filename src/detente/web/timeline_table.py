"""The relationship page's table of periods, written in Python.

A busy relationship has a row for each of a couple of hundred months, each with
links to its top events and articles: through Django's template engine (a
``{% url %}`` and a filter per cell) the table cost most of the page's time on a
cache miss. Here every URL is formatted from one reversed pattern and every
value is escaped once.
"""

from __future__ import annotations

from urllib.parse import quote

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from detente.records.names import period_label

PLACEHOLDER = 987654321


def url_maker(name: str):
    """A function id -> the URL of view ``name`` for that id, reversed once."""
    before, after = reverse(name, args=[PLACEHOLDER]).split(str(PLACEHOLDER))
    return lambda pk: f"{before}{int(pk)}{after}"


def _refs_html(refs: list[dict], event_url, article_url) -> str:
    parts = []
    for ref in refs:
        link = f'<a href="{event_url(ref["event_id"])}" title="{escape(ref["sentence"])}">{escape(ref["cameo"])}</a>'
        if ref.get("article_id"):
            link += (f' (<a href="{article_url(ref["article_id"])}" title="{escape(ref["article_title"])}">'
                     "article</a>)")
        parts.append(link + " ")
    return "".join(parts)


def _mean(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def period_rows(timeline: dict, dyad: str, by: str, theatre: str) -> SafeString:
    """The ``<tr>`` of every period with events: counts per quad class, mean Goldstein, the events
    behind it, and a link to all of them in the explorer."""
    event_url, article_url = url_maker("event"), url_maker("article")
    explorer = f"{reverse('explorer')}?dyad={quote(dyad)}"
    in_theatre = f"&amp;theatre={escape(quote(theatre))}" if theatre else ""
    rows = []
    for p in timeline["periods"]:
        if not p["events"]:
            continue
        cells = "".join(f"<td>{int(p.get(k) or 0)}</td>" for k in ("events", "quad1", "quad2", "quad3", "quad4"))
        span = f'&amp;start={escape(p["period"])}&amp;end={escape(p["period_end"])}'
        everything = f'<a href="{explorer}{span}{in_theatre}">all</a>'
        rows.append(f'<tr><td title="{escape(p["period"])}">{escape(period_label(p["period"], by))}</td>{cells}'
                    f'<td>{_mean(p["goldstein_mean"])}</td>'
                    f'<td>{_refs_html(p["top_events"], event_url, article_url)}\n{everything}</td></tr>')
    return mark_safe("\n".join(rows))  # noqa: S308 - every value above is escaped
