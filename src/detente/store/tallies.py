"""Counts kept on write: the active events of each relationship, theatre, actor and place, and of all.

Migration 0008 creates triggers on ``store_event`` (SQLite and PostgreSQL) that keep
``store_tally`` in step with every insert, update and delete, whichever code path
writes: one row per (kind, key), ``events`` the number of active events it counts.
A count that falls to 0 stays as a row with 0, so readers ask for ``events > 0``.

Writers that change events all hold the merge lock (``store.locking``), so two
transactions never update the same tally rows in opposite orders.
"""

from __future__ import annotations

from .models import MapTally, Tally

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


def named(kind: str, name: str) -> list[str]:
    """The keys of ``kind`` (theatre, place) with active events that equal ``name`` but for case: what
    ``field__iexact=name`` matches among active events, as an indexed ``field__in=...`` lookup."""
    folded = name.casefold()
    return [key for key in counts(kind) if key.casefold() == folded]


def actor_names_containing(text: str) -> list[str]:
    """The names of the actors with active events that contain ``text`` (case aside), each once: what
    ``source_name__icontains=text`` matches among active events, as an indexed ``__in`` lookup."""
    folded = text.casefold()
    return sorted({name for _code, name, _country, _n in actors() if folded in name.casefold()})


def actors() -> list[tuple[str, str, str, int]]:
    """(code, name, country, active events) of every actor on either side of an event."""
    return [(*key.split(SEP), n) for key, n in counts("actor").items()]


def active_events() -> int:
    return counts("all").get("", 0)


def map_cells(country: str = "", quad: int | None = None) -> list[dict]:
    """The located active events per map cell (of ``country`` on either side, '' for all; of one quad
    class or all), from ``MapTally``: cell (cy, cx), events, mean lat and lon, the greatest place name
    (as SQL's MAX) and how many places."""
    rows = MapTally.objects.filter(country=country, events__gt=0)
    if quad:
        rows = rows.filter(quad_class=quad)
    cells: dict[tuple[int, int], dict] = {}
    for cy, cx, place, n, lat_sum, lon_sum in rows.values_list("cy", "cx", "place", "events", "lat_sum", "lon_sum"):
        cell = cells.setdefault((cy, cx), {"cy": cy, "cx": cx, "n": 0, "lat": 0.0, "lon": 0.0, "names": set()})
        cell["n"] += n
        cell["lat"] += lat_sum
        cell["lon"] += lon_sum
        cell["names"].add(place)
    for cell in cells.values():
        names = cell.pop("names")
        cell.update(lat=cell["lat"] / cell["n"], lon=cell["lon"] / cell["n"], place=max(names), places=len(names))
    return list(cells.values())
