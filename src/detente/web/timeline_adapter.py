"""Ask ``detente.relations`` for a dyad timeline and return it as a dict."""

from __future__ import annotations

import datetime as dt

from detente.relations.timeline import ActorFilter, DyadQuery, next_period, timeline_for


def dyad_query(dyad: str, by: str, theatre: str | None) -> DyadQuery:
    a, b = dyad.split("-")
    return DyadQuery(ActorFilter(a, country=a), ActorFilter(b, country=b), by=by, theatre=theatre)


def timeline_dict(dyad: str, by: str, theatre: str | None) -> dict:
    from detente.relations.db import DatabaseBackend

    data = timeline_for(DatabaseBackend(), dyad_query(dyad, by, theatre)).to_dict()
    data["dyad"] = dyad
    for period in data["periods"]:
        start = dt.date.fromisoformat(period["period"])
        period["period_end"] = (next_period(start, by) - dt.timedelta(days=1)).isoformat()
    return data
