"""Storing analysed articles: idempotence and all-or-nothing writes."""

from __future__ import annotations

import pytest

from detente.store.models import ActorMention, Article, Event, EventMention
from detente.store.writing import store_analysis

from .factories import article, record, store

pytestmark = [pytest.mark.db, pytest.mark.django_db]

TEXT = "Turkish jets struck Russian positions near the border on Thursday."


def test_store_analysis_keeps_article_events_and_evidence():
    result = store(TEXT, [record(sentence=TEXT)])
    mention = EventMention.objects.get()
    assert (result.created, result.events_added, mention.sentence, mention.article_id) == \
        (True, 1, TEXT, result.article.pk)


def test_storing_the_same_text_again_adds_nothing():
    store(TEXT, [record()])
    again = store(TEXT, [record(), record(cameo="111", quad=3, goldstein=-2.0)])
    assert (again.created, Article.objects.count(), Event.objects.count(), EventMention.objects.count()) == \
        (False, 1, 1, 1)


def test_actor_mentions_are_stored_with_their_offsets():
    rows = [{"text": "Turkish", "code": "TURGOV", "country": "TUR", "name": "Turkey", "kind": "country",
             "start": 0, "end": 7, "via": "demonym"}]
    store_analysis(article(TEXT), [], rows)
    assert list(ActorMention.objects.values_list("start", "end", "code", "via")) == [(0, 7, "TURGOV", "demonym")]


def test_duplicate_records_in_one_article_become_one_mention():
    store(TEXT, [record(), record()])
    assert EventMention.objects.count() == 1


def test_event_date_falls_back_to_the_article_date_when_the_record_has_none():
    store(TEXT, [record(start=None)], date="2021-05-04")
    assert Event.objects.get().date_start.isoformat() == "2021-05-04"


def test_a_write_failing_mid_article_leaves_nothing_of_that_article(monkeypatch):
    calls = {"n": 0}
    create = Event.objects.create

    def crash_on_second(**kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return create(**kwargs)

    monkeypatch.setattr(Event.objects, "create", crash_on_second)
    with pytest.raises(RuntimeError):
        store(TEXT, [record(), record("RUS", "TUR", cameo="111", quad=3, goldstein=-2.0, span=(50, 60))],
              title="crash")
    assert (calls["n"], Article.objects.count(), Event.objects.count(), EventMention.objects.count()) == \
        (2, 0, 0, 0)


def test_a_failing_mention_write_leaves_nothing_of_that_article(monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("connection lost")

    monkeypatch.setattr(EventMention.objects, "bulk_create", crash)
    with pytest.raises(RuntimeError):
        store(TEXT, [record()])
    assert (Article.objects.count(), Event.objects.count()) == (0, 0)


def test_a_failed_article_does_not_undo_the_articles_before_it(monkeypatch):
    store("An earlier article about talks.", [record(cameo="042", quad=1, goldstein=1.9)])
    monkeypatch.setattr(EventMention.objects, "bulk_create", lambda *a, **kw: (_ for _ in ()).throw(RuntimeError("x")))
    with pytest.raises(RuntimeError):
        store(TEXT, [record()])
    assert list(Article.objects.values_list("text", flat=True)) == ["An earlier article about talks."]
