"""What the busiest pages ask the database on a cache miss: how many queries, and that the lists
of what is stored are read from the tallies kept on write (the bench's 100,000 events made these the slow part)."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from detente.store.models import Event
from detente.web import queries

pytestmark = [pytest.mark.db, pytest.mark.django_db]

FULL_ROW = '"store_event"."fingerprint"'  # a column only a query fetching whole events reads


def store_queries(client, url: str) -> list[str]:
    """The SQL a cold request for ``url`` sends (caches cleared; the cache table's own queries and
    transaction statements left out)."""
    for alias in ("default", "local"):
        caches[alias].clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured.captured_queries
            if "detente_cache" not in q["sql"] and not q["sql"].startswith(("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE"))]


@pytest.mark.parametrize("url", ["/events/?sort=goldstein", "/events/?sort=-mentions&page=1",
                                 "/api/events?sort=cameo&page_size=3"])
def test_a_sorted_event_page_sorts_ids_and_fetches_only_its_rows(client, site, url):
    sql = [q for q in store_queries(client, url) if 'FROM "store_event"' in q]
    whole_rows = [q for q in sql if FULL_ROW in q]
    assert len(whole_rows) == 1 and " IN (" in whole_rows[0] and "ORDER BY" not in whole_rows[0]
    assert any(q.startswith('SELECT "store_event"."id" AS "pk" FROM') and "ORDER BY" in q for q in sql)


@pytest.mark.parametrize("url,expected", [
    # count, page ids, page rows, evidence, theatres, news sources
    ("/events/", 6), ("/events/?sort=goldstein&quad_class=4", 6),
    # map: clusters, theatres, news sources
    ("/map/", 3),
    # home: article count, page of articles with their event counts, busiest relationships
    ("/", 3),
])
def test_cold_page_query_counts(client, site, url, expected):
    assert len(store_queries(client, url)) == expected


def test_two_countries_filter_on_their_dyad_alone(site):
    found = queries.query_events({"actor": "Turkey,RUS"})
    where = str(found.query).split("WHERE", 1)[1]
    between = {frozenset((e.source_country, e.target_country)) for e in Event.objects.filter(status="active")}
    assert "dyad" in where and "source_code" not in where and "target_country" not in where
    assert frozenset(("RUS", "TUR")) in between
    assert sorted(found.values_list("id", flat=True)) == sorted(
        e.pk for e in Event.objects.filter(status="active") if {e.source_country, e.target_country} == {"RUS", "TUR"})


@pytest.mark.parametrize("listing", ["dyads", "theatres", "actors"])
def test_the_site_lists_of_what_is_stored_read_the_tallies_not_the_events(site, listing):
    from detente.web.views.pages import active_dyads

    with CaptureQueriesContext(connection) as captured:
        found = {"dyads": active_dyads, "theatres": queries.theatres_with_events,
                 "actors": queries.stored_actors}[listing]()
    sql = [q["sql"] for q in captured.captured_queries]
    assert found and sql and all('FROM "store_tally"' in q and "store_event" not in q for q in sql), sql


def test_the_unfiltered_explorer_counts_from_the_tally(client, site):
    sql = store_queries(client, "/events/")
    assert not any("COUNT(" in q and 'FROM "store_event"' in q for q in sql)
    assert any('FROM "store_tally"' in q for q in sql)
    filtered = store_queries(client, "/events/?quad_class=4")
    assert any("COUNT(" in q and 'FROM "store_event"' in q for q in filtered)
