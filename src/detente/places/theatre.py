"""Which theatre (conflict or issue area) an event belongs to.

Evidence for each theatre of data/theatres.json is counted with weights: its
places and keywords in the event's sentence, the event's location (its name
or country), countries named in the sentence, then the same words in the
sentences just before (the context). The theatre with most evidence wins;
None when nothing points to one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from detente.model import Location

from .tables import table

SENTENCE_WEIGHT = 3
LOCATION_WEIGHT = 2
COUNTRY_WEIGHT = 2
CONTEXT_WEIGHT = 1

_NON_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class Evidence:
    """What the text around an event offers: its sentence, context, location, countries named."""

    sentence: str
    context: str = ""
    location: Location | None = None
    countries: frozenset[str] = frozenset()


def infer_theatre(evidence: Evidence) -> str | None:
    """The best-supported theatre for ``evidence``, or None."""
    scores = {}
    sentence, context = _masked(_normal(evidence.sentence)), _masked(_normal(evidence.context))
    for name, entry in _theatres().items():
        score, first = _score(entry, sentence, context, evidence)
        if score > 0:
            scores[name] = (score, -first)
    return max(scores, key=scores.get) if scores else None


def _score(entry: dict, sentence: str, context: str, evidence: Evidence) -> tuple[int, int]:
    positions = [sentence.find(f" {phrase} ") for phrase in entry["phrases"]]
    found = [position for position in positions if position >= 0]
    score = SENTENCE_WEIGHT * len(found)
    score += CONTEXT_WEIGHT * sum(f" {phrase} " in context for phrase in entry["phrases"])
    score += COUNTRY_WEIGHT * len(evidence.countries & entry["countries"])
    score += LOCATION_WEIGHT * _location_matches(entry, evidence.location)
    return score, min(found, default=len(sentence))


def _location_matches(entry: dict, location: Location | None) -> bool:
    if location is None:
        return False
    return _normal(location.name).strip() in entry["phrases"] or location.country in entry["countries"]


def _masked(text: str) -> str:
    for phrase in _masks():
        text = text.replace(f" {phrase} ", " ")
    return text


@lru_cache(maxsize=1)
def _masks() -> tuple[str, ...]:
    return tuple(_normal(phrase).strip() for phrase in table("theatres")["masks"])


def _normal(text: str) -> str:
    return f" {_NON_WORD.sub(' ', text.lower()).strip()} "


@lru_cache(maxsize=1)
def _theatres() -> dict[str, dict]:
    theatres = {}
    for name, entry in table("theatres")["theatres"].items():
        phrases = {_normal(word).strip() for word in (*entry["places"], *entry["keywords"])}
        theatres[name] = {"phrases": sorted(phrases), "countries": frozenset(entry["countries"])}
    return theatres
