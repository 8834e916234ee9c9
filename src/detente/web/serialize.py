"""Articles -> JSON-ready dicts for the API; events are ``store.listing.event_dict``'s, shared with the CLI."""

from __future__ import annotations


def _iso(day) -> str | None:
    return day.isoformat() if day else None


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
