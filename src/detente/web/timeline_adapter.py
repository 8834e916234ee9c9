"""Ask ``detente.relations`` for a dyad timeline and return it as a dict for the site.

The site adds to each period its last day (for links to the explorer) and to
each cited event the article that first reported it (for links to the text).
"""

from __future__ import annotations

import datetime as dt

from detente.records.names import code_name, dyad_label, period_label
from detente.relations.db import DatabaseBackend
from detente.relations.timeline import ActorFilter, DyadQuery, next_period, timeline_for
from detente.store.models import EventMention


def dyad_query(dyad: str, by: str, theatre: str | None) -> DyadQuery:
    a, b = dyad.split("-")

    return DyadQuery(ActorFilter(code_name(a), country=a), ActorFilter(code_name(b), country=b), by=by,
                     theatre=theatre)


def cited_events(data: dict) -> list[dict]:
    refs = [ref for period in data["periods"] for ref in period["top_events"]]
    return refs + [ref for point in data["change_points"] for ref in point["events"]]


def add_articles(refs: list[dict]) -> None:
    """Set ``article_id`` on each cited event: the earliest article reporting it."""

    first: dict = {}
    rows = (EventMention.objects.filter(event_id__in={r["event_id"] for r in refs})
            .order_by("article__date", "article_id").values_list("event_id", "article_id"))
    for event_id, article_id in rows:
        first.setdefault(event_id, article_id)
    for ref in refs:
        ref["article_id"] = first.get(ref["event_id"])


def add_period_ends(data: dict, by: str) -> None:
    """Each period's last day (for links to the explorer) and its label in words ('2020 Q1')."""

    for period in data["periods"]:
        start = dt.date.fromisoformat(period["period"])
        period["period_end"] = (next_period(start, by) - dt.timedelta(days=1)).isoformat()
        period["label"] = period_label(start, by)
    for point in data["change_points"]:
        point["label"] = period_label(point["period"], by)


def timeline_dict(dyad: str, by: str, theatre: str | None) -> dict:
    data = timeline_for(DatabaseBackend(), dyad_query(dyad, by, theatre)).to_dict()
    data["dyad"] = dyad
    data["a_code"], data["b_code"] = dyad.split("-")

    data["dyad_label"] = dyad_label(dyad)
    add_period_ends(data, by)
    add_articles(cited_events(data))
    return data
