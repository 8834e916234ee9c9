"""Full-text search over articles and the sentences reporting events, on the index migration 0005 made.

SQLite: FTS5 (``store_article_fts``, ``store_eventmention_fts``), words ANDed, porter-stemmed.
PostgreSQL: ``websearch_to_tsquery`` against the GIN-indexed ``to_tsvector`` expressions.
Another back end: substring matching of every word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from . import tallies
from .models import Article, Event, EventMention

MAX_WORDS = 8
WORD = re.compile(r"\w+", re.UNICODE)
ARTICLE_VECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || coalesce(text, ''))"
SENTENCE_VECTOR = "to_tsvector('english', coalesce(sentence, ''))"


def words(text: str) -> list[str]:
    return WORD.findall(text or "")[:MAX_WORDS]


def fts5_query(text: str) -> str:
    """Each word as a quoted FTS5 string, all required: no FTS5 syntax reaches the engine."""
    return " AND ".join(f'"{w}"' for w in words(text))


def has_fts5() -> bool:
    """Whether the SQLite database has the FTS5 tables (asked once per database file)."""
    if connection.vendor != "sqlite":
        return False
    return _has_fts5_table(str(connection.settings_dict["NAME"]))


@lru_cache(maxsize=8)
def _has_fts5_table(name: str) -> bool:
    return "store_article_fts" in connection.introspection.table_names()


def _ids(table: str, text: str) -> RawSQL:
    return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [fts5_query(text)])  # noqa: S611


def search_articles(text: str) -> QuerySet:
    """Articles whose title or text holds every word (the text column deferred)."""
    if not words(text):
        return Article.objects.none()
    if connection.vendor == "postgresql":
        ids = RawSQL(f"SELECT id FROM store_article WHERE {ARTICLE_VECTOR} @@ "  # noqa: S611
                     "websearch_to_tsquery('english', %s)", [text])
        return Article.objects.filter(pk__in=ids).defer("text")
    if has_fts5():
        return Article.objects.filter(pk__in=_ids("store_article_fts", text)).defer("text")
    query = Q()
    for word in words(text):
        query &= Q(title__icontains=word) | Q(text__icontains=word)
    return Article.objects.filter(query).defer("text")


def matching_mentions(text: str) -> QuerySet:
    """Event mentions whose sentence holds every word."""
    if connection.vendor == "postgresql":
        ids = RawSQL(f"SELECT id FROM store_eventmention WHERE {SENTENCE_VECTOR} @@ "  # noqa: S611
                     "websearch_to_tsquery('english', %s)", [text])
        return EventMention.objects.filter(pk__in=ids)
    if has_fts5():
        return EventMention.objects.filter(pk__in=_ids("store_eventmention_fts", text))
    query = Q()
    for word in words(text):
        query &= Q(sentence__icontains=word)
    return EventMention.objects.filter(query)


def event_text_query(text: str, active_only: bool = False) -> Q:
    """Events reported by a sentence holding every word, or whose actor, theatre or place is named so.

    Among active events (``active_only``) the names are looked up first in the tallies (a few
    hundred rows), so the events are matched by indexed equality instead of a LIKE over every row.
    """
    if not words(text):
        return Q(pk__in=[])
    phrase = " ".join(words(text))
    sentences = Q(pk__in=matching_mentions(text).values("event_id"))
    if not active_only:
        return (sentences | Q(source_name__icontains=phrase) | Q(target_name__icontains=phrase)
                | Q(theatre__iexact=phrase) | Q(location_name__iexact=phrase))
    names = tallies.actor_names_containing(phrase)
    return (sentences | Q(source_name__in=names) | Q(target_name__in=names)
            | Q(theatre__in=tallies.named("theatre", phrase)) | Q(location_name__in=tallies.named("place", phrase)))


def search_events(text: str) -> QuerySet:
    return Event.objects.filter(Q(status=Event.Status.ACTIVE) & event_text_query(text, active_only=True))
