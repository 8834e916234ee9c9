"""What is compared: actor codes as ISO alpha-3, event codes as CAMEO roots or PLOVER types."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from detente.actors.codes import country_of as actors_country_of
from detente.data import read_json
from detente.events.cameo import code_table, describe, is_code, quad_class


def country_of(code: str) -> str:
    """The country part of an actor code as ISO alpha-3, via the actors package's table."""
    return actors_country_of(code)


@lru_cache(maxsize=1)
def gold_aliases() -> dict[str, str]:
    return read_json("evaluation", "gold_aliases.json")["aliases"]


def normalise_actor(code: str | None) -> str | None:
    """'JAP' -> 'JPN', 'TURGOV' -> 'TUR', '' / None -> None (an unnamed actor)."""
    if code is None or not str(code).strip():
        return None
    code = str(code).strip().upper()
    return country_of(gold_aliases().get(code[:3], code[:3]) + code[3:])


def is_cameo(code: str) -> bool:
    return code.isdigit() and (is_code(code) or len(code) == 2)


@dataclass(frozen=True)
class Vocabulary:
    """How event types are named: CAMEO roots, or PLOVER types (with a root -> newer-type bridge)."""

    plover: bool = False
    bridge: tuple[tuple[str, str], ...] = ()

    def label(self, code: str) -> str:
        """The label an event is scored on: its CAMEO root, or its PLOVER type."""
        if not code.isdigit():
            return code.upper()
        if not self.plover:
            return code[:2]
        return dict(self.bridge).get(code[:2]) or describe(code).plover or "NONE"


@lru_cache(maxsize=1)
def bridge_types() -> dict[str, list[str]]:
    return read_json("evaluation", "plover_bridge.json")["types"]


def vocabulary_for(codes: list[str]) -> Vocabulary:
    """CAMEO unless most gold codes are PLOVER types; bridge to newer types the gold uses."""
    plover = [c.upper() for c in codes if not c.isdigit()]
    if not codes or len(plover) <= len(codes) / 2:
        return Vocabulary()
    used = set(plover) & set(bridge_types())
    bridge = tuple((root, kind) for kind in sorted(used) for root in bridge_types()[kind])
    return Vocabulary(plover=True, bridge=bridge)


@lru_cache(maxsize=1)
def plover_quads() -> dict[str, int]:
    """Each PLOVER type's quad class: the most common quad of the CAMEO codes mapped to it."""
    votes: dict[str, Counter] = {}
    for code, entry in code_table().items():
        if entry["plover"]:
            votes.setdefault(entry["plover"], Counter())[quad_class(code[:2])] += 1
    quads = {kind: counter.most_common(1)[0][0] for kind, counter in votes.items()}
    quads.update({kind: quad_class(roots[0]) for kind, roots in bridge_types().items()})
    return quads


def quad_of(code: str) -> int:
    """Quad class of a CAMEO code or a PLOVER type (0 if unknown)."""
    if code.isdigit():
        return quad_class(code[:2])
    return plover_quads().get(code.upper(), 0)
