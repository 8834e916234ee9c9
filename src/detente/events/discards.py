"""Phrases that make a sentence no event (sports, entertainment, epidemics), from PETRARCH.

One regular expression of all ~400 phrases costs ~0.1 ms per sentence (Python's
``re`` tries each alternative at every position); the phrases are therefore
grouped by their first word, and only the groups whose first word occurs in
the sentence are searched.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from .rules import read_data

_WORD = re.compile(r"\w+")


def _pattern(phrases: list[str]) -> re.Pattern:
    alternatives = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in alternatives) + r")\b")


@lru_cache(maxsize=1)
def patterns_by_first_word() -> dict[str, re.Pattern]:
    groups: dict[str, list[str]] = defaultdict(list)
    for phrase in read_data("discards.json")["phrases"]:
        groups[_WORD.match(phrase.lower()).group()].append(phrase.lower())
    return {word: _pattern(phrases) for word, phrases in groups.items()}


def is_discarded(text: str) -> bool:
    """True when the sentence talks about sport, show business and the like."""
    lowered = text.lower()
    patterns = patterns_by_first_word()
    return any(patterns[word].search(lowered) for word in set(_WORD.findall(lowered)) & patterns.keys())
