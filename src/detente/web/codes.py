"""CAMEO names for display, read through the events package's code table."""

from __future__ import annotations

from functools import lru_cache

from detente.errors import DataError
from detente.events.cameo import describe


@lru_cache(maxsize=512)
def cameo_name(code: str) -> str:
    """The CAMEO name of ``code``, or '' when the table does not know it."""

    try:
        return describe(code).name
    except DataError:
        return ""
