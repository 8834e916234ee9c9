"""Cross-article merging against the database: one real-world event, several reporting sentences.

The rules (what makes two reports one event, how an event is refined) are
``detente.records.merging``'s. Candidates are looked up with the index
(fingerprint, status='active', date_start in [start - MAX_SPAN, end]) and
checked in Python with ``compatible``; the candidate with the most mentions
wins and is refined unless an analyst has corrected it.
"""

from __future__ import annotations

from detente.records.merging import MAX_SPAN, compatible, refine

from .models import Event

__all__ = ["candidates", "find_match", "merge_or_create"]


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
