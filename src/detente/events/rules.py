"""Governor verbs ("agreed to", "threatened that") and modality cues, read from data files."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from detente.data import read_json

KEEP = "="


def read_data(name: str) -> dict:
    return read_json("events", name)


@dataclass(frozen=True)
class Governors:
    classes: dict[str, str]           # lemma or "lemma particle" -> class
    maps: dict[str, dict]
    defaults: dict[str, str]
    takes_clause: frozenset[str]
    embedded_target: frozenset[str]

    def class_of(self, lemma: str, particles: frozenset[str] = frozenset()) -> str | None:
        for particle in particles:
            phrasal = self.classes.get(f"{lemma} {particle}")
            if phrasal:
                return phrasal
        return self.classes.get(lemma)

    def remap(self, kind: str, code: str | None) -> str | None:
        """The code of `<governor> to <act>`; None drops the event."""
        if code is None:
            return self.defaults.get(kind)
        table = self.maps.get(kind)
        if table is None:
            return code
        for prefix in (code[:4], code[:3], code[:2]):
            if prefix in table:
                mapped = table[prefix]
                return code if mapped == KEEP else mapped
        return self.defaults.get(kind, code)


@lru_cache(maxsize=1)
def governors() -> Governors:
    data = read_data("governors.json")
    classes = {lemma: kind for kind, lemmas in data["classes"].items() for lemma in lemmas}
    return Governors(classes=classes, maps=data["maps"], defaults=data["defaults"],
                     takes_clause=frozenset(data["takes_clause"]),
                     embedded_target=frozenset(data["embedded_subject_is_target"]))


@dataclass(frozen=True)
class ModalityCues:
    negation: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    conditional_marks: frozenset[str]
    alleged_adverbs: frozenset[str]
    alleged_passive_verbs: frozenset[str]


@lru_cache(maxsize=1)
def modality_cues() -> ModalityCues:
    data = read_data("modality.json")
    return ModalityCues(**{name: frozenset(data[name]) for name in ModalityCues.__dataclass_fields__})
