"""One stored event as one row of the events schema shared with the batch output (``batch.schema.EVENTS``).

The coded values are the event's effective (corrected) ones; the evidence
columns (article, sentence, span, actor texts) come from its first mention.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.batch.schema import EVENTS, blank_to_null
from detente.errors import DataError
from detente.events.cameo import describe
from detente.events.plover import plover_coding

if TYPE_CHECKING:  # the Django model, only for annotations: the column lists import without Django
    from detente.store.models import Event

NAMES = tuple(EVENTS.names)
EVENT_FIELDS = ("cameo", "cameo_root", "quad_class", "goldstein", "plover", "modality",
                "date_start", "date_end", "date_granularity", "date_text", "date_basis",
                "theatre", "confidence")
ACTOR_FIELDS = ("code", "country", "name", "kind")


def first_mention(event: Event):
    """The earliest-stored mention (mentions are prefetched by ``store.queries.filter_events``)."""
    mentions = list(event.mentions.all())
    return min(mentions, key=lambda m: m.pk) if mentions else None


def _actor(event: Event, role: str, text: str | None) -> dict:
    if not getattr(event, f"{role}_code"):
        return {f"{role}_{name}": None for name in ("text", *ACTOR_FIELDS)}
    row = {f"{role}_{name}": getattr(event, f"{role}_{name}") for name in ACTOR_FIELDS}
    row[f"{role}_text"] = text
    return row


def _evidence(mention) -> dict:
    if mention is None:
        return {}
    article = mention.article
    return {"article_id": article.external_id or article.content_hash[:16], "article_title": article.title,
            "article_date": article.date, "article_url": article.url, "sentence": mention.sentence,
            "sentence_index": mention.sentence_index, "span_start": mention.span_start,
            "span_end": mention.span_end}


def event_row(event: Event) -> dict:
    mentions = list(event.mentions.all())
    first = first_mention(event)
    row = dict.fromkeys(NAMES)
    row.update({name: getattr(event, name) for name in EVENT_FIELDS})
    row.update(_evidence(first))
    row.update(_actor(event, "source", first.source_text if first else None))
    row.update(_actor(event, "target", first.target_text if first else None))
    row.update(location_name=event.location_name, location_country=event.location_country,
               location_lat=event.lat, location_lon=event.lon,
               cameo_name=_cameo_name(event.cameo), event_id=event.pk, mentions=len(mentions),
               articles=len({m.article_id for m in mentions}))
    plover = plover_coding(event.cameo)
    row.update(plover_mode=plover.mode, plover_context=plover.context)
    if row["date_start"] is None:
        row["date_granularity"] = row["date_basis"] = None  # "unknown"/"article" defaults, no date
    return blank_to_null(row)


def _cameo_name(code: str) -> str | None:
    try:
        return describe(code).name
    except DataError:
        return None
