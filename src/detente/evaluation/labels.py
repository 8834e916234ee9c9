"""What is compared: actor codes as ISO alpha-3, event codes as CAMEO roots or PLOVER types."""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from importlib import resources

from detente.events.cameo import code_table, describe, is_code, quad_class


def country_of(code: str) -> str:
    """The country part of an actor code as ISO alpha-3, via the actors package's table."""
    try:
        from detente.actors.codes import country_of as actors_country_of
    except ImportError:          # the actor code table is not installed: compare as written
        return code[:3]
    return actors_country_of(code)


@lru_cache(maxsize=1)
def gold_aliases() -> dict[str, str]:
    path = resources.files("detente.evaluation") / "data" / "gold_aliases.json"
    return json.loads(path.read_text(encoding="utf-8"))["aliases"]


def normalise_actor(code: str | None) -> str | None:
    """'JAP' -> 'JPN', 'TURGOV' -> 'TUR', '' / None -> None (an unnamed actor)."""
    if code is None or not str(code).strip():
        return None
    code = str(code).strip().upper()
    return country_of(gold_aliases().get(code[:3], code[:3]) + code[3:])


def is_cameo(code: str) -> bool:
    return code.isdigit() and (is_code(code) or len(code) == 2)


@lru_cache(maxsize=1)
def plover_quads() -> dict[str, int]:
    """Each PLOVER type's quad class: the most common quad of the CAMEO codes mapped to it."""
    votes: dict[str, Counter] = {}
    for code, entry in code_table().items():
        if entry["plover"]:
            votes.setdefault(entry["plover"], Counter())[quad_class(code[:2])] += 1
    return {kind: counter.most_common(1)[0][0] for kind, counter in votes.items()}


def event_type(code: str, plover: bool) -> str:
    """The label an event is scored on: its CAMEO root, or its PLOVER type."""
    if plover:
        return code if not code.isdigit() else describe(code).plover or "NONE"
    return code[:2]


def quad_of(code: str) -> int:
    """Quad class of a CAMEO code or a PLOVER type (0 if unknown)."""
    if code.isdigit():
        return quad_class(code[:2])
    return plover_quads().get(code.upper(), 0)
