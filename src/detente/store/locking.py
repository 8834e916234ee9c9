"""One writer at a time merges events into the store.

Merging reads the candidate events, then creates or updates one; two
processes doing that at once for the same real-world event would both find
no candidate and create it twice. Writers therefore take one lock for the
transaction that stores an article (``detente ingest``, the site's submit,
``detente correct``) or for a whole ``detente load``:

- on PostgreSQL, an advisory lock (``pg_advisory_xact_lock`` until the
  transaction ends, or ``pg_advisory_lock`` held by a bulk load until it
  finishes); readers (the site, timelines, exports) never wait for it;
- on SQLite, nothing: write transactions begin IMMEDIATE (see the database
  settings), so the database file's own lock already lets one writer in.

Storing an article takes a few tens of milliseconds against seconds of
analysis, which happens outside the lock, so parallel ingests still overlap
their analysis.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

# An arbitrary 63-bit key that names "Detente's event merge" among advisory locks.
MERGE_LOCK_KEY = 0x44455445_4E5445


def _on_postgresql() -> bool:
    return connection.vendor == "postgresql"


def lock_for_transaction() -> None:
    """Hold the merge lock until the current transaction commits or rolls back."""
    if _on_postgresql():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [MERGE_LOCK_KEY])


@contextmanager
def locked_for_session() -> Iterator[None]:
    """Hold the merge lock across several transactions (a bulk load), released at the end."""
    if not _on_postgresql():
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [MERGE_LOCK_KEY])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [MERGE_LOCK_KEY])
