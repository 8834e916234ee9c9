"""Cross-article merging: one real-world event, several reporting sentences.

A new record joins an existing active ``Event`` when

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

from .models import Event

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


def compatible(event: Event, fields: dict) -> bool:
    """Does the record (event field values) report the same event as ``event``?"""
    return (codes_compatible(event.cameo, event.cameo_root, fields["cameo"], fields["cameo_root"])
            and dates_overlap(event.date_start, event.date_end, fields["date_start"], fields["date_end"])
            and places_agree(event.location_name, fields["location_name"])
            and modalities_agree(event.modality, fields["modality"]))


def candidates(fields: dict):
    """Active events sharing the merge key whose start lies near the record's dates (indexed)."""
    start, end = fields["date_start"], fields["date_end"]
    if start is None or end is None:
        return Event.objects.none()
    return (Event.objects.filter(fingerprint=fields["fingerprint"], status=Event.Status.ACTIVE,
                                 date_start__gte=start - MAX_SPAN, date_start__lte=end)
            .order_by("-mention_count", "id"))


def find_match(fields: dict) -> Event | None:
    return next((event for event in candidates(fields) if compatible(event, fields)), None)


def _finer(fields: dict, event: Event) -> bool:
    rank = GRANULARITY_RANK.get
    return rank(fields["date_granularity"], 5) < rank(event.date_granularity, 5)


def refine(event: Event, fields: dict) -> None:
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


def merge_or_create(fields: dict) -> tuple[Event, bool]:
    """The event this record reports (existing or new) and whether it was created."""
    event = find_match(fields)
    if event is None:
        return Event.objects.create(**fields, mention_count=1), True
    if not event.corrections.exists():
        refine(event, fields)
    event.mention_count += 1
    event.save()
    return event, False
