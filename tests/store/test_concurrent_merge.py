"""Two writers storing reports of the same event at the same moment still make one event."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from detente.store import merge
from detente.store.models import Event, EventMention

from .factories import record, store

pytestmark = [pytest.mark.db, pytest.mark.django_db(transaction=True)]


def _race_after_lookup(monkeypatch) -> None:
    """Make each writer wait (up to 2 s) for the other after looking for a match and before
    writing: without a lock, both find nothing and both create the event."""
    barrier = threading.Barrier(2, timeout=2)
    looked_up = merge.find_match

    def find_match_then_wait(fields):
        found = looked_up(fields)
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            pass  # the other writer is waiting for the lock: the race is prevented
        return found

    monkeypatch.setattr(merge, "find_match", find_match_then_wait)


def _store_in_thread(text: str, errors: list) -> threading.Thread:
    def work():
        try:
            store(text, [record(cameo="190", start="2020-02-27")])
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connections.close_all()

    return threading.Thread(target=work)


def _needs_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent connections to one database: runs on PostgreSQL "
                    "(`make test` reruns the db tests there); SQLite lets one writer in at a time")


def test_two_writers_at_once_merge_into_one_event(monkeypatch):
    _needs_postgresql()
    _race_after_lookup(monkeypatch)
    errors: list = []
    threads = [_store_in_thread(text, errors) for text in ("First wire on the strike.", "Second wire on it.")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert (Event.objects.count(), EventMention.objects.count()) == (1, 2)
    assert Event.objects.get().mention_count == 2


def test_a_bulk_load_holds_other_writers_until_it_ends():
    from detente.store.locking import locked_for_session

    _needs_postgresql()
    errors: list = []
    writer = _store_in_thread("A wire stored while a load runs.", errors)
    with locked_for_session():
        writer.start()
        writer.join(timeout=1.0)
        assert writer.is_alive(), "the writer went ahead while the load held the merge lock"
    writer.join(timeout=60)
    assert errors == [] and Event.objects.count() == 1
