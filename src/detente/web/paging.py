"""Pages of a big sorted queryset read as a "deferred join": the page's ids first, then its rows.

Sorting 100,000 events by Goldstein score with every column in tow is what made an
explorer page slow; sorting the ids (read from an index) and fetching the 50 rows of
the page by primary key is a fraction of it. ``Paginator(IdsFirst(queryset), 50)``
behaves as with the queryset itself: the same count, the same rows in the same order.
"""

from __future__ import annotations

from django.db.models import QuerySet


class IdsFirst:
    """A sliceable, countable view of ``queryset`` for Django's Paginator."""

    def __init__(self, queryset: QuerySet, count: int | None = None):
        self.queryset = queryset
        self.known_count = count

    def count(self) -> int:
        """The rows of the queryset: counted, unless the count was given (from a tally)."""
        return self.queryset.count() if self.known_count is None else self.known_count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index:index + 1][0]
        ids = list(self.queryset.values_list("pk", flat=True)[index])
        rows = self.queryset.model._default_manager.order_by().in_bulk(ids)
        return [rows[pk] for pk in ids if pk in rows]
