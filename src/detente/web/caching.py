"""Caching: version counters, and two cache levels (process memory, then the database).

Cached keys carry a version number, so an entry never needs invalidating: a
change bumps the counter and the old keys are simply no longer asked for.
Each process trusts the counter it read for one second, so changes made by
another process show within a second; changes made in this process at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.core.cache import caches

MEMO_SECONDS = 1.0


def _fresh_version() -> int:
    """A starting value larger than any used before, should the key ever be culled."""
    return int(time.time() * 1000)


class VersionCounter:
    def __init__(self, key: str):
        self.key = key
        self.version = 0
        self.until = 0.0

    def _stored(self) -> int:
        shared = caches["default"]
        version = shared.get(self.key)
        if version is None:
            shared.add(self.key, _fresh_version(), timeout=None)
            version = shared.get(self.key) or _fresh_version()
        return version

    def current(self) -> int:
        now = time.monotonic()
        if self.until < now:
            self.version, self.until = self._stored(), now + MEMO_SECONDS
        return self.version

    def bump(self) -> None:
        try:
            caches["default"].incr(self.key)
        except ValueError:
            caches["default"].set(self.key, _fresh_version(), timeout=None)
        self.until = 0.0


DATA = VersionCounter("detente:data-version")          # events stored, changed, corrected
COMMENTS = VersionCounter("detente:comments-version")  # comments posted, edited, hidden


def get_cached(key: str) -> object | None:
    """The value from process memory, else from the database (then kept in memory too)."""
    local = caches["local"]
    value = local.get(key)
    if value is None:
        value = caches["default"].get(key)
        if value is not None:
            local.set(key, value)
    return value


def set_cached(key: str, value: object, timeout: int) -> None:
    caches["default"].set(key, value, timeout)
    caches["local"].set(key, value, timeout)


def get_or_build(key: str, build: Callable[[], object], timeout: int) -> object:
    value = get_cached(key)
    if value is None:
        value = build()
        set_cached(key, value, timeout)
    return value
