"""Drop lines of web-page furniture (comment forms, share bars, cookie notices).

The patterns live in ``data/boilerplate.txt``; this module only applies them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from detente.data import read_text
from detente.errors import DataError

DATA_FILE = "boilerplate.txt"


@lru_cache(maxsize=1)
def boilerplate_pattern() -> re.Pattern:
    """One compiled pattern matching any whole boilerplate line."""
    text = read_text("ingest", DATA_FILE)
    lines = [line.strip() for line in text.splitlines()]
    patterns = [line for line in lines if line and not line.startswith("#")]
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as exc:
        raise DataError(f"detente/ingest/data/{DATA_FILE} has a bad pattern ({exc}); fix that line") from None


def is_boilerplate(line: str) -> bool:
    return boilerplate_pattern().fullmatch(line.strip()) is not None


def drop_boilerplate(text: str) -> str:
    """The text without its boilerplate lines (paragraph breaks are kept)."""
    return "\n".join(line for line in text.split("\n") if not is_boilerplate(line))
