"""Model objects -> JSON-ready dicts for the API (the DESIGN.md field names where they apply)."""

from __future__ import annotations

from .codes import cameo_name


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def actor_dict(event, side: str) -> dict:
    return {"code": getattr(event, f"{side}_code"), "country": getattr(event, f"{side}_country"),
            "name": getattr(event, f"{side}_name"), "kind": getattr(event, f"{side}_kind")}


def event_dict(event) -> dict:
    return {
        "id": event.pk, "dyad": event.dyad, "source": actor_dict(event, "source"),
        "target": actor_dict(event, "target"), "cameo": event.cameo, "cameo_root": event.cameo_root,
        "cameo_name": cameo_name(event.cameo), "quad_class": event.quad_class,
        "goldstein": event.goldstein, "plover": event.plover, "modality": event.modality,
        "date": {"start": _iso(event.date_start), "end": _iso(event.date_end),
                 "granularity": event.date_granularity, "basis": event.date_basis, "text": event.date_text},
        "location": ({"name": event.location_name, "country": event.location_country,
                      "lat": event.lat, "lon": event.lon} if event.location_name else None),
        "theatre": event.theatre or None, "confidence": event.confidence, "status": event.status,
        "mentions": event.mention_count, "url": f"/events/{event.pk}/",
    }


def article_summary(article) -> dict:
    return {"id": article.pk, "title": article.title, "date": _iso(article.date), "source": article.source,
            "url": article.url, "page": f"/articles/{article.pk}/"}


def mention_dict(mention) -> dict:
    return {"event": mention.event_id, "sentence": mention.sentence, "sentence_index": mention.sentence_index,
            "span": [mention.span_start, mention.span_end], "source_text": mention.source_text,
            "target_text": mention.target_text, "cameo": mention.cameo, "modality": mention.modality}


def article_dict(article, mentions) -> dict:
    return {**article_summary(article), "text": article.text,
            "mentions": [mention_dict(m) for m in mentions],
            "events": sorted({m.event_id for m in mentions})}
