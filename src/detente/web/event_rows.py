"""The rows of the event tables (explorer, search results, article and event pages), written in Python.

Fifty rows of a dozen cells each, through the template engine (a variable
lookup, a filter and localisation per cell), were most of a cold explorer page;
here each value is formatted and escaped once. The analyst's forms (staff only)
still come from a template, per row.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from detente.events.cameo import QUAD_CLASSES
from detente.records.names import actor_label, cameo_name, date_label, dyad_label

from .timeline_table import url_maker

EVIDENCE_CHARS = 240


def _dates_title(event) -> str:
    if not event.date_start:
        return ""
    title = localize(event.date_start)
    if event.date_end and event.date_end != event.date_start:
        title += f"..{localize(event.date_end)}"
    return title


def _target(event) -> str:
    if not event.target_code:
        return "–"
    return actor_label(event.target_code, event.target_name, event.target_country) or "–"


def _cells(event, event_url, show_evidence: bool) -> str:
    cells = [
        f'<td><a href="{event_url(event.pk)}">{int(event.pk)}</a></td>',
        f'<td title="{escape(_dates_title(event))}">'
        f"{escape(date_label(event.date_start, event.date_end, event.date_granularity))}</td>",
        f'<td class="actor" title="{escape(event.source_code)}">'
        f"{escape(actor_label(event.source_code, event.source_name, event.source_country))}</td>",
        f'<td class="code" title="CAMEO {escape(event.cameo)}">{escape(cameo_name(str(event.cameo)) or event.cameo)}</td>',
        f'<td class="actor" title="{escape(event.target_code)}">{escape(_target(event))}</td>',
        f'<td title="Goldstein {escape(localize(event.goldstein))}">{escape(QUAD_CLASSES.get(event.quad_class, ""))}</td>',
        f"<td>{escape(event.modality)}</td>",
        f"<td>{escape(event.theatre or '')}</td>",
    ]
    if show_evidence:
        evidence = Truncator(getattr(event, "evidence", "") or "").chars(EVIDENCE_CHARS)
        cells.append(f'<td class="evidence">{escape(evidence)}</td>')
    return "\n  ".join(cells)


def _row_open(event) -> str:
    rejected = " rejected" if event.status == "rejected" else ""
    day = event.date_start.isoformat() if event.date_start else "undated"
    return (f'<tr id="event-{int(event.pk)}" class="q{int(event.quad_class)}{rejected}"\n'
            f'    data-dyad="{escape(event.dyad)}" data-dyad-label="{escape(dyad_label(event.dyad or ""))}" '
            f'data-cameo="{escape(event.cameo)}" data-quad="{int(event.quad_class)}"\n'
            f'    data-date="{day}" data-modality="{escape(event.modality)}" '
            f'data-goldstein="{escape(localize(event.goldstein))}">')


def event_rows(events, *, show_evidence: bool = False, forms: dict | None = None, request=None) -> SafeString:
    """The ``<tr>`` of every event; ``forms`` (the back link, for staff) adds the analyst's cell."""
    event_url = url_maker("event")
    rows = []
    for event in events:
        analyst = ""
        if forms is not None:
            analyst = "\n  " + render_to_string("detente/event_analyst.html", {"event": event, **forms},
                                                request=request)
        rows.append(f"{_row_open(event)}\n  {_cells(event, event_url, show_evidence)}{analyst}\n</tr>")
    if not rows:
        return mark_safe('<tr><td colspan="10">No events.</td></tr>')
    return mark_safe("\n".join(rows))  # noqa: S308 - every value above is escaped
