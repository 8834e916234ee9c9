"""Store one analysed article with its actor mentions and events.

``store_analysis`` writes one analysed article in one transaction (a failure
leaves nothing of it behind), merging its event records into the stored events.
Reading, analysing and storing a stream of sources is ``detente.intake``'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction

from detente import model

from . import rows
from .locking import lock_for_transaction
from .merge import merge_or_create
from .models import ActorMention, EventMention
from .models import Article as StoredArticle


@dataclass
class StoreResult:
    article: StoredArticle
    created: bool
    events_added: int = 0
    mentions_added: int = 0


def article_fields(article: model.Article, model_name: str = "") -> dict:
    return {"content_hash": article.content_hash, "external_id": (article.id or "")[:512],
            "title": article.title or "", "date": article.date, "source": article.source or "",
            "url": (article.url or "")[:2000], "text": article.text, "model_name": model_name[:200]}


def _unique_mentions(records: list[dict]) -> Iterator[tuple[dict, dict]]:
    """(record, mention fields) pairs, dropping exact duplicates within the article."""
    seen = set()
    for record in records:
        fields = rows.mention_fields(record)
        key = rows.mention_key(fields)
        if key not in seen:
            seen.add(key)
            yield record, fields


def _store_events(stored: StoredArticle, records: list[dict], result: StoreResult) -> None:
    """Merge or create each record's event, then write the article's mentions in one statement."""
    mentions = []
    for record, mention in _unique_mentions(records):
        event, created = merge_or_create(rows.event_fields(record, stored.date))
        mentions.append(EventMention(event=event, article=stored, **mention))
        result.events_added += created
    EventMention.objects.bulk_create(mentions)
    result.mentions_added = len(mentions)


def store_analysis(article: model.Article, records: list[dict], actor_rows: Iterable[dict] = (),
                   *, model_name: str = "", submitted_by=None) -> StoreResult:
    """Store one analysed article atomically; an already stored text is returned unchanged."""
    with transaction.atomic():
        lock_for_transaction()  # another process may be merging the same events
        existing = StoredArticle.objects.filter(content_hash=article.content_hash).first()
        if existing is not None:
            return StoreResult(existing, created=False)
        stored = StoredArticle.objects.create(**article_fields(article, model_name), submitted_by=submitted_by)
        ActorMention.objects.bulk_create(
            ActorMention(article=stored, **rows.actor_mention_fields(row)) for row in actor_rows)
        result = StoreResult(stored, created=True)
        _store_events(stored, records, result)
        return result


def is_stored(content_hash: str) -> bool:
    return StoredArticle.objects.filter(content_hash=content_hash).exists()
