"""The tallies the database keeps on write agree with a count of the events, after every kind of write."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from detente.store import bulk, tallies
from detente.store.corrections import correct_event, reject_event, restore_event
from detente.store.models import Event

from .factories import record, store

pytestmark = [pytest.mark.db, pytest.mark.django_db]


def recount() -> dict[str, dict[str, int]]:
    """What the tallies should say, counted from the events in Python."""
    expected: dict[str, dict[str, int]] = {"all": {}, "dyad": {}, "theatre": {}, "actor": {}}

    def add(kind: str, key: str) -> None:
        expected[kind][key] = expected[kind].get(key, 0) + 1

    for e in Event.objects.filter(status=Event.Status.ACTIVE):
        add("all", "")
        if e.dyad:
            add("dyad", e.dyad)
        if e.theatre:
            add("theatre", e.theatre)
        add("actor", f"{e.source_code}\t{e.source_name}\t{e.source_country}")
        if e.target_code:
            add("actor", f"{e.target_code}\t{e.target_name}\t{e.target_country}")
    return expected


def assert_in_step() -> None:
    assert {kind: tallies.counts(kind) for kind in ("all", "dyad", "theatre", "actor")} == recount()


@pytest.fixture
def stored():
    store("Turkey and Russia.", [record("TUR", "RUS", theatre="Syria"), record("RUS", "TUR", cameo="042", quad=1,
                                                                               goldstein=1.9, span=(5, 20))])
    store("Syria alone.", [record("SYR", None, cameo="010", quad=1, goldstein=0.0, theatre="Syria")])
    store("China and the United States.", [record("CHN", "USA", cameo="036", quad=1, goldstein=4.0)])
    return Event.objects.order_by("id")


def test_stored_articles_are_tallied(stored):
    assert tallies.active_events() == stored.count() == 4
    assert tallies.busiest_dyads(10) == [("RUS-TUR", 2), ("CHN-USA", 1)]
    assert tallies.theatres() == ["Syria"]
    assert ("TURGOV", "Turkey", "TUR", 2) in tallies.actors()
    assert_in_step()


def test_rejecting_restoring_and_correcting_move_the_counts(stored):
    user = get_user_model().objects.create_user("analyst")
    event = stored.filter(dyad="CHN-USA").get()
    reject_event(event, user)
    assert tallies.busiest_dyads(10) == [("RUS-TUR", 2)]
    assert_in_step()
    restore_event(event, user)
    correct_event(event, user, target="RUS")  # China - United States becomes China - Russia
    assert dict(tallies.busiest_dyads(10)) == {"RUS-TUR": 2, "CHN-RUS": 1}
    assert_in_step()


def test_deleted_events_leave_the_tallies(stored):
    stored.filter(theatre="Syria").delete()
    assert tallies.theatres() == []
    assert_in_step()


def test_the_bulk_loader_is_tallied(stored):
    copies = [Event(**{f.name: getattr(e, f.name) for f in Event._meta.concrete_fields if f.name != "id"})
              for e in stored]
    bulk.insert(Event, copies)  # COPY on PostgreSQL, bulk_create on SQLite
    assert tallies.active_events() == 8
    assert_in_step()


def planner_statistics(table: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [table])
        else:
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if not cursor.fetchone()[0]:
                return 0
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", [table])
        return cursor.fetchone()[0]


def test_a_bulk_load_is_tallied_and_leaves_planner_statistics(tmp_path):
    from tests.batch.output_fixture import write_output

    bulk.load_output(write_output(tmp_path / "out"))
    assert tallies.active_events() == Event.objects.filter(status="active").count() > 0
    assert_in_step()
    assert planner_statistics("store_event") > 0
