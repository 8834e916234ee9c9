"""Model objects -> JSON-ready dicts for the API (the DESIGN.md field names where they apply)."""

from __future__ import annotations

from .codes import cameo_name
from .names import actor_label, code_name, date_label, dyad_label


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def actor_dict(event, side: str) -> dict | None:
    code, country, name = (getattr(event, f"{side}_{field}") for field in ("code", "country", "name"))
    if not code:
        return None
    return {"code": code, "country": country, "country_name": code_name(country) if country else "",
            "name": name, "kind": getattr(event, f"{side}_kind"), "label": actor_label(code, name, country)}


def event_dict(event) -> dict:
    return {
        "id": event.pk, "dyad": event.dyad, "dyad_label": dyad_label(event.dyad), "source": actor_dict(event, "source"),
        "target": actor_dict(event, "target"), "cameo": event.cameo, "cameo_root": event.cameo_root,
        "cameo_name": cameo_name(event.cameo), "quad_class": event.quad_class,
        "goldstein": event.goldstein, "plover": event.plover, "modality": event.modality,
        "date": {"start": _iso(event.date_start), "end": _iso(event.date_end),
                 "granularity": event.date_granularity, "basis": event.date_basis, "text": event.date_text,
                 "label": date_label(event.date_start, event.date_end, event.date_granularity)},
        "location": ({"name": event.location_name, "country": event.location_country,
                      "lat": event.lat, "lon": event.lon} if event.location_name else None),
        "theatre": event.theatre or None, "confidence": event.confidence, "status": event.status,
        "mentions": event.mention_count, "url": f"/events/{event.pk}/",
        "evidence": getattr(event, "evidence", None),
    }


def article_summary(article) -> dict:
    return {"id": article.pk, "title": article.title, "date": _iso(article.date), "source": article.source,
            "url": article.url, "page": f"/articles/{article.pk}/", "event_count": getattr(article, "event_count", None)}


def mention_dict(mention) -> dict:
    return {"event": mention.event_id, "sentence": mention.sentence, "sentence_index": mention.sentence_index,
            "span": [mention.span_start, mention.span_end], "source_text": mention.source_text,
            "target_text": mention.target_text, "cameo": mention.cameo, "modality": mention.modality}


def article_dict(article, mentions) -> dict:
    return {**article_summary(article), "event_count": len({m.event_id for m in mentions}), "text": article.text,
            "mentions": [mention_dict(m) for m in mentions],
            "events": sorted({m.event_id for m in mentions})}
