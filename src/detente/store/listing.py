"""Events with their evidence as plain dictionaries (for `detente events` and the API)."""

from __future__ import annotations

from .models import Event


def evidence(event: Event) -> list[dict]:
    return [{"article_id": m.article_id, "article_title": m.article.title, "article_date":
             m.article.date.isoformat() if m.article.date else None, "sentence": m.sentence,
             "span": [m.span_start, m.span_end], "cameo": m.cameo, "modality": m.modality}
            for m in sorted(event.mentions.all(), key=lambda m: m.pk)]


def event_dict(event: Event) -> dict:
    """The effective (corrected) event and every sentence that reports it."""
    return {
        "id": event.pk, "status": event.status,
        "date": {"start": event.date_start.isoformat() if event.date_start else None,
                 "end": event.date_end.isoformat() if event.date_end else None,
                 "granularity": event.date_granularity, "basis": event.date_basis},
        "source": {"code": event.source_code, "country": event.source_country, "name": event.source_name,
                   "kind": event.source_kind},
        "target": {"code": event.target_code, "country": event.target_country, "name": event.target_name,
                   "kind": event.target_kind} if event.target_code else None,
        "cameo": event.cameo, "quad_class": event.quad_class, "goldstein": event.goldstein,
        "plover": event.plover, "modality": event.modality,
        "location": {"name": event.location_name, "country": event.location_country,
                     "lat": event.lat, "lon": event.lon} if event.location_name else None,
        "theatre": event.theatre or None, "confidence": event.confidence,
        "mentions": evidence(event),
    }
