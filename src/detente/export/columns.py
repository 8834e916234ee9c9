"""One stored event as one row of the events schema shared with the batch output (``records.schema``).

The coded values are the event's effective (corrected) ones; the evidence
columns (article, sentence, span, actor texts) come from its first mention.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.records.names import cameo_name
from detente.records.schema import NAMES, stored_row

if TYPE_CHECKING:  # the Django model, only for annotations: the column lists import without Django
    from detente.store.models import Event

__all__ = ["NAMES", "event_row", "first_mention"]


def first_mention(event: Event):
    """The earliest-stored mention (mentions are prefetched by ``store.queries.filter_events``)."""
    mentions = list(event.mentions.all())
    return min(mentions, key=lambda m: m.pk) if mentions else None


def event_row(event: Event) -> dict:
    mentions = list(event.mentions.all())
    return stored_row(event, first_mention(event), mentions=len(mentions),
                      articles=len({m.article_id for m in mentions}), cameo_name=cameo_name(event.cameo) or None)
