"""Event records and batch rows say how each actor's country was found."""

from __future__ import annotations

import pytest

from detente.actors.basis import mention_basis
from detente.batch.schema import ACTORS, EVENTS, actor_row
from detente.model import ActorMention, ActorRef
from detente.records import actor_records, doc_records
from detente.records.schema import record_row

SOM_POLICE = ActorRef("SOMCOP", "SOM", "Somalia police", "agent")


def test_mention_basis_is_that_of_the_mention_naming_the_actor_in_the_sentence():
    mention = ActorMention("Police", 10, 16, 2, 3, (SOM_POLICE,), via="agent", basis="place")
    assert mention_basis([mention], SOM_POLICE, "Police", 0, 40) == "place"


def test_mention_basis_outside_the_sentence_is_the_story():
    mention = ActorMention("Police", 10, 16, 2, 3, (SOM_POLICE,), via="agent", basis="place")
    assert mention_basis([mention], SOM_POLICE, "Police", 20, 60) == "story"


def test_event_record_actors_carry_their_basis(analyze_text):
    doc = analyze_text("Police in Beledweyne arrested ten Ethiopian traders on Tuesday.")
    event = next(r for r in doc_records(doc) if r["source"]["text"] == "Police")
    assert (event["source"]["country"], event["source"]["basis"]) == ("SOM", "place")
    assert (event["target"]["country"], event["target"]["basis"]) == ("ETH", "named")


def test_batch_rows_carry_the_actor_basis(analyze_text):
    doc = analyze_text("Police in Beledweyne arrested ten Ethiopian traders on Tuesday.")
    rows = [record_row(r) for r in doc_records(doc)]
    assert {"source_basis", "target_basis"} <= set(EVENTS.names) and "basis" in ACTORS.names
    assert ("place", "named") in {(r["source_basis"], r["target_basis"]) for r in rows}
    police = next(actor_row(r) for r in actor_records(doc) if r["text"] == "Police")
    assert police["basis"] == "place"


@pytest.mark.db
@pytest.mark.django_db
def test_the_api_actor_json_says_how_its_country_was_found(analyze_text, client):
    from detente.store.models import Event
    from detente.store.writing import store_analysis

    doc = analyze_text("Police in Beledweyne arrested ten Ethiopian traders on Tuesday.")
    store_analysis(doc._.article, doc_records(doc))
    event = Event.objects.get(source_country="SOM", target_country="ETH")
    body = client.get(f"/api/events/{event.pk}").json()
    assert (body["source"]["basis"], body["target"]["basis"]) == ("place", "named")
