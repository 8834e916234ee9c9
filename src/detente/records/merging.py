"""Cross-article merging rules, and merging in memory with them.

The rules (``compatible``, ``refine``) decide whether a new record reports an
event already known and how the event is refined. ``detente.store.merge``
applies them one record at a time against the database (one indexed query
per record). A bulk load, and the DuckDB timeline that must agree with the
database, run them over many records in memory with ``Merger``: candidates
share the fingerprint, start within ``MAX_SPAN`` of the record's dates, are
tried by most mentions then creation order, and the first compatible one
absorbs the record and is refined unless an analyst corrected it.

What makes two reports one event:

- the directed country pair and quad class agree (the ``fingerprint``, an
  indexed column: ``event_merge_key`` = fingerprint, status, date_start);
- the CAMEO codes are compatible: the same root, or (same quad class, which
  the fingerprint guarantees) one of them is the generic code of its root
  ("190" Use conventional military force, "19", "030" ...);
- the date ranges overlap;
- the places agree when both are known (names compared case-insensitively);
- the modalities agree (asserted and alleged count as one group).

Candidates are looked up with the index (fingerprint, status='active',
date_start in [start - MAX_SPAN, end]) and checked in Python; the candidate
with the most mentions wins. Merging refines the event when the new report is
more precise (a day instead of a month, a specific code instead of a generic
one, a place where there was none) unless an analyst has corrected it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from types import SimpleNamespace

MAX_SPAN = dt.timedelta(days=366)
GRANULARITY_RANK = {"day": 0, "month": 1, "season": 2, "year": 3, "multi-year": 4, "unknown": 5}
MODALITY_GROUP = {"asserted": "fact", "alleged": "fact"}


def is_generic(code: str, root: str) -> bool:
    return code in (root, root + "0")


def codes_compatible(a: str, a_root: str, b: str, b_root: str) -> bool:
    return a_root == b_root or is_generic(a, a_root) or is_generic(b, b_root)


def dates_overlap(a_start, a_end, b_start, b_end) -> bool:
    if None in (a_start, a_end, b_start, b_end):
        return False
    return a_start <= b_end and b_start <= a_end


def places_agree(a: str, b: str) -> bool:
    return not a or not b or a.casefold() == b.casefold()


def modalities_agree(a: str, b: str) -> bool:
    return MODALITY_GROUP.get(a, a) == MODALITY_GROUP.get(b, b)


def compatible(event, fields: dict) -> bool:
    """Does the record (event field values) report the same event as ``event``?"""
    return (codes_compatible(event.cameo, event.cameo_root, fields["cameo"], fields["cameo_root"])
            and dates_overlap(event.date_start, event.date_end, fields["date_start"], fields["date_end"])
            and places_agree(event.location_name, fields["location_name"])
            and modalities_agree(event.modality, fields["modality"]))


def _finer(fields: dict, event) -> bool:
    rank = GRANULARITY_RANK.get
    return rank(fields["date_granularity"], 5) < rank(event.date_granularity, 5)


def refine(event, fields: dict) -> None:
    """Take the more precise date, code and place of a new report (in memory)."""
    if _finer(fields, event):
        for name in ("date_start", "date_end", "date_granularity", "date_basis", "date_text"):
            setattr(event, name, fields[name])
    if is_generic(event.cameo, event.cameo_root) and not is_generic(fields["cameo"], fields["cameo_root"]):
        for name in ("cameo", "cameo_root", "goldstein", "plover"):
            setattr(event, name, fields[name])
    if not event.location_name and fields["location_name"]:
        for name in ("location_name", "location_country", "lat", "lon"):
            setattr(event, name, fields[name])
    if not event.theatre and fields["theatre"]:
        event.theatre = fields["theatre"]
    event.confidence = max(event.confidence, fields["confidence"])


def new_event(fields: dict, order: int) -> SimpleNamespace:
    """An in-memory event (the attributes of ``store.models.Event``) from a record's fields."""
    return SimpleNamespace(**fields, id=None, order=order, mention_count=1, status="active",
                           corrected=False, dirty=True, mentions=[])


class Merger:
    """Events by fingerprint; ``add`` merges a record's fields like ``store.merge.merge_or_create``."""

    def __init__(self):
        self.by_fingerprint: dict[str, list[SimpleNamespace]] = defaultdict(list)
        self.events: list[SimpleNamespace] = []

    def known(self, fingerprint: str) -> bool:
        return fingerprint in self.by_fingerprint

    def adopt(self, event: SimpleNamespace) -> None:
        """Take an event that already exists (e.g. stored in the database) as a candidate."""
        event.order = len(self.events)
        self.by_fingerprint[event.fingerprint].append(event)
        self.events.append(event)

    def _candidates(self, fields: dict) -> list[SimpleNamespace]:
        start, end = fields["date_start"], fields["date_end"]
        if start is None or end is None:
            return []
        near = [e for e in self.by_fingerprint[fields["fingerprint"]]
                if e.date_start is not None and start - MAX_SPAN <= e.date_start <= end]
        return sorted(near, key=lambda e: (-e.mention_count, e.order))

    def add(self, fields: dict) -> tuple[SimpleNamespace, bool]:
        """The event this record reports (merged into, or new) and whether it is new."""
        match = next((e for e in self._candidates(fields) if compatible(e, fields)), None)
        if match is None:
            event = new_event(fields, len(self.events))
            self.by_fingerprint[event.fingerprint].append(event)
            self.events.append(event)
            return event, True
        if not match.corrected:
            refine(match, fields)
        match.mention_count += 1
        match.dirty = True
        return match, False
