"""Stored events as JSON: the one form of an event that `detente events`, the API and the downloads give.

``event_dict`` is the effective (corrected) event with display names
(``records.names``) and every sentence reporting it; ``attach_evidence``
reads, for a page of events in one query, the first sentence reporting each
(``evidence``) and, when asked, all of them (``mentions``).
"""

from __future__ import annotations

from collections import defaultdict

from detente.records.names import actor_label, cameo_name, code_name, date_label, dyad_label

from .models import Event, EventMention


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def attach_evidence(events, mentions: bool = False) -> list:
    """Set ``evidence`` on each event: the first sentence reporting it (earliest article first), and with
    ``mentions`` its ``reports`` (every mention, article loaded). One query for them all: done on a page's
    events only, as a subquery in the SELECT would be computed for every matching row before sorting."""
    events = list(events)
    found: dict[int, list] = defaultdict(list)
    rows = EventMention.objects.filter(event_id__in=[e.pk for e in events]).order_by("event_id", "article__date", "id")
    if mentions:
        for mention in rows.select_related("article"):
            found[mention.event_id].append(mention)
    else:
        for event_id, sentence in rows.values_list("event_id", "sentence"):
            found[event_id] = found[event_id] or [sentence]
    for event in events:
        first = found[event.pk][0] if found[event.pk] else ""
        event.evidence = first if isinstance(first, str) else first.sentence
        if mentions:
            event.reports = sorted(found[event.pk], key=lambda m: m.pk)
    return events


def report_dict(mention: EventMention) -> dict:
    article = mention.article
    return {"article_id": mention.article_id, "article_title": article.title, "article_date": _iso(article.date),
            "sentence": mention.sentence, "span": [mention.span_start, mention.span_end], "cameo": mention.cameo,
            "modality": mention.modality}


def actor_dict(event: Event, side: str) -> dict | None:
    code, country, name = (getattr(event, f"{side}_{field}") for field in ("code", "country", "name"))
    if not code:
        return None
    return {"code": code, "country": country, "country_name": code_name(country) if country else "",
            "name": name, "kind": getattr(event, f"{side}_kind"), "label": actor_label(code, name, country),
            "basis": getattr(event, f"{side}_basis") or None}


def event_dict(event: Event) -> dict:
    """The event as JSON; its mentions are read here unless ``attach_evidence(..., mentions=True)`` did."""
    if not hasattr(event, "reports"):
        attach_evidence([event], mentions=True)
    return {
        "id": event.pk, "status": event.status, "dyad": event.dyad, "dyad_label": dyad_label(event.dyad),
        "source": actor_dict(event, "source"), "target": actor_dict(event, "target"),
        "cameo": event.cameo, "cameo_root": event.cameo_root, "cameo_name": cameo_name(event.cameo),
        "quad_class": event.quad_class, "goldstein": event.goldstein, "plover": event.plover,
        "modality": event.modality,
        "date": {"start": _iso(event.date_start), "end": _iso(event.date_end),
                 "granularity": event.date_granularity, "basis": event.date_basis, "text": event.date_text,
                 "label": date_label(event.date_start, event.date_end, event.date_granularity)},
        "location": ({"name": event.location_name, "country": event.location_country,
                      "lat": event.lat, "lon": event.lon} if event.location_name else None),
        "theatre": event.theatre or None, "confidence": event.confidence,
        "mention_count": event.mention_count, "mentions": [report_dict(m) for m in event.reports],
        "evidence": event.evidence or None, "url": f"/events/{event.pk}/",
    }


def event_dicts(events, chunk: int = 2000):
    """``event_dict`` of every event of an iterable (a queryset is read in chunks), mentions read per chunk."""
    batch = []
    for event in events.iterator(chunk_size=chunk) if hasattr(events, "iterator") else events:
        batch.append(event)
        if len(batch) == chunk:
            yield from map(event_dict, attach_evidence(batch, mentions=True))
            batch = []
    yield from map(event_dict, attach_evidence(batch, mentions=True))
