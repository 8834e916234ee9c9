"""The tallies the database keeps on write agree with a count of the events, after every kind of write."""

from __future__ import annotations

import math

import pytest
from django.contrib.auth import get_user_model

from detente.relations.series import period_start
from detente.store import bulk, tallies
from detente.store.corrections import correct_event, reject_event, restore_event
from detente.store.models import Event, MapTally, PeriodTally, PeriodTop, Tally

from .factories import record, store

pytestmark = [pytest.mark.db, pytest.mark.django_db]


def recount() -> dict[str, dict[str, int]]:
    """What the tallies should say, counted from the events in Python."""
    expected: dict[str, dict[str, int]] = {"all": {}, "dyad": {}, "theatre": {}, "actor": {}, "place": {}}

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
        if e.location_name:
            add("place", e.location_name)
    return expected


COUNTED_OUT = ("denied", "hypothetical")


def timeline_events():
    return [e for e in Event.objects.filter(status=Event.Status.ACTIVE, date_start__isnull=False).exclude(dyad="")
            if e.modality not in COUNTED_OUT]


def recount_periods() -> dict[tuple, list]:
    """What PeriodTally should hold: (dyad, unit, period, theatre) -> [n1..n4, g1..g4]."""
    expected: dict[tuple, list] = {}
    for e in timeline_events():
        for unit in ("week", "month"):
            key = (e.dyad, unit, period_start(e.date_start, unit), e.theatre)
            row = expected.setdefault(key, [0, 0, 0, 0, 0.0, 0.0, 0.0, 0.0])
            row[e.quad_class - 1] += 1
            row[e.quad_class + 3] += e.goldstein
    return expected


def tallied_periods() -> dict[tuple, list]:
    columns = ("n1", "n2", "n3", "n4", "g1", "g2", "g3", "g4")
    return {(t.dyad, t.unit, t.period, t.theatre): [getattr(t, c) for c in columns]
            for t in PeriodTally.objects.all() if any(getattr(t, c) for c in columns[:4])}


def recount_tops() -> dict[tuple, list[int]]:
    """What PeriodTop should hold: (dyad, unit, period, scope) -> the three best event ids, best first."""
    groups: dict[tuple, list] = {}
    for e in timeline_events():
        for unit in ("week", "month"):
            for scope in ("", e.theatre) if e.theatre else ("",):
                groups.setdefault((e.dyad, unit, period_start(e.date_start, unit), scope), []).append(e)
    return {key: [e.id for e in sorted(events, key=lambda e: (-e.mention_count, -abs(e.goldstein), e.id))[:3]]
            for key, events in groups.items()}


def tallied_tops() -> dict[tuple, list[int]]:
    found: dict[tuple, list] = {}
    for t in PeriodTop.objects.order_by("-mention_count", "-weight", "event_id"):
        found.setdefault((t.dyad, t.unit, t.period, t.scope), []).append(t.event_id)
    return found


def recount_map() -> dict[tuple, list]:
    """What MapTally should hold: (country, quad, cy, cx, place) -> [events, lat sum, lon sum]."""
    expected: dict[tuple, list] = {}
    for e in Event.objects.filter(status=Event.Status.ACTIVE, lat__isnull=False, lon__isnull=False):
        for country in {""} | ({e.source_country, e.target_country} - {""}):
            key = (country, e.quad_class, math.floor((e.lat + 90) / 3), math.floor((e.lon + 180) / 3),
                   e.location_name)
            row = expected.setdefault(key, [0, 0.0, 0.0])
            row[0], row[1], row[2] = row[0] + 1, row[1] + e.lat, row[2] + e.lon
    return expected


def tallied_map() -> dict[tuple, list]:
    return {(t.country, t.quad_class, t.cy, t.cx, t.place): [t.events, t.lat_sum, t.lon_sum]
            for t in MapTally.objects.filter(events__gt=0)}


def assert_same_sums(found: dict[tuple, list], expected: dict[tuple, list]) -> None:
    """The same keys, the same counts, sums equal but for float rounding (added and taken away)."""
    assert found.keys() == expected.keys()
    for key, values in expected.items():
        assert found[key] == pytest.approx(values, abs=1e-9), key


def assert_in_step() -> None:
    assert {kind: tallies.counts(kind) for kind in ("all", "dyad", "theatre", "actor", "place")} == recount()
    assert_same_sums(tallied_periods(), recount_periods())
    assert tallied_tops() == recount_tops()
    assert_same_sums(tallied_map(), recount_map())


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


@pytest.fixture
def busy():
    """Six events of Russia - Turkey in one month (more than a top group keeps), two in the next, placed
    events, a denied one (not counted by timelines) and one without a date."""
    records = [record("RUS", "TUR", cameo=cameo, quad=quad, goldstein=g, start=start, span=(i * 10, i * 10 + 9),
                      theatre=theatre, place=place)
               for i, (cameo, quad, g, start, theatre, place) in enumerate([
                   ("190", 4, -10.0, "2020-02-03", "Syria", "Idlib"), ("042", 1, 1.9, "2020-02-04", "Syria", None),
                   ("036", 1, 4.0, "2020-02-11", "Libya", "Tripoli"), ("112", 3, -2.0, "2020-02-12", None, None),
                   ("061", 2, 6.4, "2020-02-20", "Syria", "Idlib"), ("173", 4, -5.0, "2020-02-28", "Libya", None),
                   ("138", 3, -7.0, "2020-03-02", "Syria", None), ("051", 1, 3.4, "2020-03-30", None, "Ankara")])]
    records.append(record("TUR", "RUS", cameo="190", quad=4, goldstein=-10.0, start="2020-02-05", modality="denied",
                          span=(200, 220)))
    records.append(record("TUR", "SYR", cameo="190", quad=4, goldstein=-10.0, start=None, span=(300, 320)))
    store("A busy month between Russia and Turkey.", records)
    return Event.objects.order_by("id")


def test_busy_months_keep_their_three_best_events(busy):
    assert PeriodTop.objects.filter(dyad="RUS-TUR", unit="month", scope="", period="2020-02-01").count() == 3
    assert_in_step()


def test_a_new_mention_can_lift_an_event_into_the_top(busy):
    weakest = busy.filter(cameo="042").get()  # |Goldstein| 1.9: last of February
    Event.objects.filter(pk=weakest.pk).update(mention_count=9)  # reported again and again
    assert_in_step()
    top = PeriodTop.objects.filter(dyad="RUS-TUR", unit="month", scope="", period="2020-02-01")
    assert weakest.pk in set(top.values_list("event_id", flat=True))


@pytest.mark.parametrize("change", [
    {"date_start": "2020-04-15"}, {"theatre": "Libya"}, {"theatre": ""}, {"modality": "hypothetical"},
    {"modality": "asserted"}, {"quad_class": 1, "goldstein": 7.0}, {"dyad": "SYR-TUR", "target_country": "SYR"},
    {"lat": 40.0, "lon": 30.0, "location_name": "Moved"}, {"lat": None, "lon": None}, {"status": "rejected"},
])
def test_every_change_to_counted_columns_is_tallied(busy, change):
    for event in busy:  # each event in turn, so the best, the last and the uncounted ones all move
        Event.objects.filter(pk=event.pk).update(**change)
        assert_in_step()


def test_corrections_and_deletions_of_busy_months_are_tallied(busy):
    user = get_user_model().objects.create_user("analyst")
    best = busy.get(cameo="190", modality="asserted", dyad="RUS-TUR")
    correct_event(best, user, code="042", date="2020-05-01")
    assert_in_step()
    reject_event(busy.get(cameo="061"), user)
    assert_in_step()
    busy.filter(theatre="Syria").delete()
    assert_in_step()


def test_a_flush_leaves_no_tally_behind_whatever_order_it_empties_tables(stored):
    from django.core.management.sql import emit_post_migrate_signal
    from django.db import connection

    with connection.cursor() as cursor:  # a flush emptying the tallies first: the events' triggers count below zero
        for table in ("store_tally", "store_periodtally", "store_periodtop", "store_maptally"):
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608
        cursor.execute("DELETE FROM store_eventmention")
        cursor.execute("DELETE FROM store_event")
    assert Tally.objects.filter(events__lt=0).exists()
    emit_post_migrate_signal(0, False, connection.alias)  # how a flush ends
    assert not Tally.objects.exists() and not PeriodTally.objects.exists() and not MapTally.objects.exists()
    store("Turkey and Russia again.", [record("TUR", "RUS", theatre="Syria")])
    assert tallies.busiest_dyads(10) == [("RUS-TUR", 1)]
    assert_in_step()
