"""Search across articles, events and actors: FTS5 on SQLite, an indexed tsvector on PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import connection

from detente.store.models import Article, Event
from detente.store.search import fts5_query, search_articles, search_events
from detente.web.queries import search_actors

pytestmark = [pytest.mark.db, pytest.mark.django_db]


def titles(queryset) -> set[str]:
    return set(queryset.values_list("title", flat=True))


def test_each_back_end_has_its_search_index(site):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM store_article_fts WHERE store_article_fts MATCH 'pipeline'")
            assert cursor.fetchone()[0] == 1
        else:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'store_%%_search'")
            assert {row[0] for row in cursor.fetchall()} == {"store_article_search", "store_eventmention_search"}


def test_articles_found_by_stemmed_words_in_title_or_text(site):
    assert titles(search_articles("missile")) == {"A friendship of pipelines"}  # the text says "missiles"
    assert titles(search_articles("convoy Libya")) == {"From partners to rivals"}
    assert titles(search_articles("convoy pipelines")) == set()


def test_the_index_follows_edits_and_deletions(site):
    Article.objects.filter(pk=site["rivalry"].pk).update(title="Rivals over Idlib")
    assert titles(search_articles("Idlib rivals")) == {"Rivals over Idlib"}
    Article.objects.filter(pk=site["friendship"].pk).delete()
    assert titles(search_articles("missiles")) == set()


@pytest.mark.parametrize("text", ['"', "AND OR NOT", "NEAR(a b)", "*", "title:x", "-", "a\"b'c"])
def test_search_syntax_in_the_words_is_never_an_error(site, text):
    list(search_articles(text))
    list(search_events(text))


def test_fts5_query_quotes_every_word():
    assert fts5_query('convoy "Libya" OR x*') == '"convoy" AND "Libya" AND "OR" AND "x"'


def test_events_found_by_their_evidence(site):
    found = set(search_events("jets struck").values_list("cameo", flat=True))
    assert found == {"190"}


def test_actors_found_by_name_or_code(site):
    assert [a["label"] for a in search_actors("Turkey")] == ["Turkey (government)"]
    assert search_actors("Turkey")[0]["events"] == Event.objects.filter(status="active").count()
    assert search_actors("") == []


def test_home_search_shows_articles_events_and_actors(client, site):
    html = client.get("/", {"q": "Turkey"}).content.decode()
    assert "Turkey (government)" in html and "?actor=TURGOV" in html
    html = client.get("/", {"q": "convoy"}).content.decode()
    assert "From partners to rivals" in html and 'class="evidence"' in html and "convoy in Libya" in html


def test_explorer_and_api_take_words(client, site):
    data = client.get("/api/events", {"q": "threatened retaliation"}).json()
    assert [e["cameo"] for e in data["results"]] == ["138"]
    assert client.get("/api/events", {"q": "x" * 201}).status_code == 400


@pytest.mark.parametrize("text", ["Turkey", "turk", "Russia", "syria", "IDLIB", "Tripoli", "pipeline", "nobody"])
def test_names_are_matched_through_the_tallies_as_a_scan_would_match_them(site, text):
    from django.db.models import Q

    from detente.store.search import event_text_query

    Event.objects.filter(theatre="Syria").update(location_name="Idlib")
    Event.objects.filter(theatre="Libya").update(location_name="Tripoli")
    scanned = Event.objects.filter(Q(status="active") & event_text_query(text))
    found = search_events(text)
    assert sorted(found.values_list("id", flat=True)) == sorted(scanned.values_list("id", flat=True))
    assert " LIKE " not in str(found.query).upper()  # equality and IN lookups only
