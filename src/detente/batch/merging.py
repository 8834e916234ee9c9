"""Cross-article merging in memory, with the store's rules, for bulk loads and DuckDB timelines.

``detente.store.merge`` merges one record at a time against the database
(one indexed query per record). A bulk load, and the DuckDB timeline that
must agree with the database, run the same rules over many records in
memory: candidates share the fingerprint, start within ``MAX_SPAN`` of the
record's dates, are tried by most mentions then creation order, and the first
compatible one (``store.merge.compatible``) absorbs the record and is refined
(``store.merge.refine``) unless an analyst corrected it.
"""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace

from detente.store.merge import MAX_SPAN, compatible, refine


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
