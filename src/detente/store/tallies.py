"""Counts kept on write: the active events of each relationship, theatre and actor, and of all.

Migration 0008 creates triggers on ``store_event`` (SQLite and PostgreSQL) that keep
``store_tally`` in step with every insert, update and delete, whichever code path
writes: one row per (kind, key), ``events`` the number of active events it counts.
A count that falls to 0 stays as a row with 0, so readers ask for ``events > 0``.

Writers that change events all hold the merge lock (``store.locking``), so two
transactions never update the same tally rows in opposite orders.
"""

from __future__ import annotations

from .models import Tally

SEP = "\t"

def counts(kind: str) -> dict[str, int]:
    """key -> active events, for the keys of ``kind`` that have any."""
    return dict(Tally.objects.filter(kind=kind, events__gt=0).values_list("key", "events"))


def busiest_dyads(limit: int) -> list[tuple[str, int]]:
    """The relationships of two countries with most active events: (dyad, events), most first."""
    rows = (Tally.objects.filter(kind="dyad", events__gt=0, key__contains="-")
            .order_by("-events", "key").values_list("key", "events")[:limit])
    return list(rows)


def theatres() -> list[str]:
    return sorted(counts("theatre"))


def actors() -> list[tuple[str, str, str, int]]:
    """(code, name, country, active events) of every actor on either side of an event."""
    return [(*key.split(SEP), n) for key, n in counts("actor").items()]


def active_events() -> int:
    return counts("all").get("", 0)
