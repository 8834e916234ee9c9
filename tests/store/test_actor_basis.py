"""How each actor's country was found (named / place / story) is stored and exported."""

from __future__ import annotations

import pytest

from detente.export import export_events
from detente.store.models import ActorMention, Event
from detente.store.queries import EventFilter, filter_events
from detente.store.writing import store_analysis

from .factories import actor, article, record, store

pytestmark = [pytest.mark.db, pytest.mark.django_db]

TEXT = "Police in Beledweyne arrested ten Ethiopian traders."


def placed_record() -> dict:
    police = {**actor("SOM", "COP", kind="agent", text="Police"), "basis": "place"}
    traders = {**actor("ETH", "CVL", kind="agent", text="Ethiopian traders"), "basis": "named"}
    return record(source_actor=police, target_actor=traders, cameo="173", quad=4, goldstein=-5.0)


def test_stored_event_keeps_the_basis_of_each_actor():
    store(TEXT, [placed_record()])
    assert Event.objects.values_list("source_basis", "target_basis").get() == ("place", "named")


def test_stored_actor_mentions_keep_their_basis():
    rows = [{"text": "Police", "code": "SOMCOP", "country": "SOM", "name": "Somalia police", "kind": "agent",
             "start": 0, "end": 6, "via": "agent", "basis": "place"}]
    store_analysis(article(TEXT), [], rows)
    assert list(ActorMention.objects.values_list("code", "basis")) == [("SOMCOP", "place")]


def test_parquet_and_csv_exports_carry_the_actor_basis(tmp_path):
    import csv

    import pyarrow.parquet as pq

    store(TEXT, [placed_record()])
    export_events(filter_events(EventFilter()), "parquet", tmp_path / "e.parquet")
    export_events(filter_events(EventFilter()), "csv", tmp_path / "e.csv")
    row = pq.read_table(tmp_path / "e.parquet").to_pylist()[0]
    with open(tmp_path / "e.csv", encoding="utf-8") as handle:
        csv_row = next(csv.DictReader(handle))
    assert (row["source_basis"], row["target_basis"]) == ("place", "named")
    assert (csv_row["source_basis"], csv_row["target_basis"]) == ("place", "named")


def test_a_corrected_actor_says_so_in_its_basis():
    from detente.store.corrections import correct_event

    store(TEXT, [placed_record()])
    event = Event.objects.get()
    correct_event(event, None, source="Kenya")
    event.refresh_from_db()
    assert (event.source_country, event.source_basis, event.target_basis) == ("KEN", "corrected", "named")
