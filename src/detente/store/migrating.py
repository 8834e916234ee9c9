"""One schema change at a time: commands started together on a fresh database do not race.

``schema_lock()`` is held around ``migrate`` (and the cache table): on
PostgreSQL a session advisory lock, on SQLite an exclusive ``flock`` on a file
beside the database. The second command waits, then finds every migration
applied. The lock goes with the process (session end, file closed), so a
killed command never leaves it held.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from django.db import connection as default

SCHEMA_LOCK_KEY = 0x44455445_534348  # "DETE" "SCH": names "Detente's schema change" (the merge lock is another key)


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


@contextlib.contextmanager
def _advisory_lock(connection) -> Iterator[None]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [SCHEMA_LOCK_KEY])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [SCHEMA_LOCK_KEY])


def _sqlite_file(connection) -> Path | None:
    name = str(connection.settings_dict.get("NAME", ""))
    if not name or name == ":memory:" or name.startswith("file:") or "mode=memory" in name:
        return None
    return Path(name)


@contextlib.contextmanager
def schema_lock(connection=None) -> Iterator[None]:
    """Hold the database's schema lock for the duration of the block."""

    connection = connection or default
    if connection.vendor == "postgresql":
        with _advisory_lock(connection):
            yield
        return
    path = _sqlite_file(connection) if connection.vendor == "sqlite" else None
    if path is None:
        yield
        return
    with _file_lock(path.with_name(path.name + ".lock")):
        yield
