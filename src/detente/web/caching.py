"""Two cache levels: this process's memory first, then the shared database cache.

Keys carry the data version (``timeline.current_version``), so an entry never
needs invalidating: a new version simply stops asking for the old keys.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import caches


def get_or_build(key: str, build: Callable[[], object], timeout: int) -> object:
    local, shared = caches["local"], caches["default"]
    value = local.get(key)
    if value is None:
        value = shared.get(key)
        if value is None:
            value = build()
            shared.set(key, value, timeout)
        local.set(key, value, timeout)
    return value
