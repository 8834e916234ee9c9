"""Phrases that make a sentence no event (sports, entertainment, epidemics), from PETRARCH."""

from __future__ import annotations

import re
from functools import lru_cache

from .rules import read_data


@lru_cache(maxsize=1)
def discard_pattern() -> re.Pattern:
    phrases = sorted(read_data("discards.json")["phrases"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


def is_discarded(text: str) -> bool:
    """True when the sentence talks about sport, show business and the like."""
    return discard_pattern().search(text) is not None
