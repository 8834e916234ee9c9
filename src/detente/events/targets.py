"""To whom: the target of a verb chain, found in the parse around it."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .participants import OBJECTS, ActorIndex, Party, subject_head, target_heads
from .reading import VerbReading
from .rules import governors

ADDRESSEE_PREPS = ("on", "upon", "to")
VERBAL_CONFLICT = "09"   # cooperative acts of several countries are reciprocal: no guessed target


def reported_clause(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis")), None)


def clause_range(verb: Token) -> tuple[int, int]:
    """Token range of a verb's clause, without the verbs coordinated after it."""
    start, end = verb.left_edge.i, verb.i + 1
    for child in verb.children:
        if child.i > verb.i and child.dep_ not in ("conj", "cc", "punct"):
            end = max(end, child.right_edge.i + 1)
    return start, end


def candidate_heads(reading: VerbReading) -> Iterator[Token]:
    """Target nouns, best first: the addressee of an appeal or demand, the act's object,
    then the governors' objects; a statement's reported clause comes last."""
    top = reading.verbs[0]
    if reading.kind in governors().embedded_target:
        yield from (c for c in top.children if c.dep_ in OBJECTS)
        yield from addressees(top)
        if len(reading.verbs) > 1 and (subject := subject_head(reading.verbs[1])) is not None:
            yield subject
    for verb in reversed(reading.verbs):
        yield from target_heads(verb)
    if reading.statement and (clause := reported_clause(top)) is not None:
        yield from (t for t in clause.subtree if t.pos_ in ("PROPN", "NOUN", "ADJ", "PRON"))


def addressees(verb: Token) -> Iterator[Token]:
    """'appealed to X', 'called on X': who an appeal or demand is made to."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ADDRESSEE_PREPS:
            yield from (c for c in prep.children if c.dep_ == "pobj")


def later_heads(reading: VerbReading) -> Iterator[Token]:
    """Last resort: a noun after the act's verb within its clause ("a deal to buy X from Y")."""
    verb = reading.verbs[-1]
    start, end = clause_range(verb)
    for token in verb.doc[verb.i + 1:end]:
        if token.pos_ in ("PROPN", "NOUN", "ADJ"):
            yield token


def find_targets(reading: VerbReading, actors: ActorIndex, sources: list[Party]) -> tuple[list, bool]:
    """Target parties, and whether they came from the last-resort search.

    The first phrase naming another country wins; a party of the source's own
    country is kept only when no other country is named and its actor code
    differs from the source's (a government and its rebels)."""
    countries = {p.ref.country for p in sources}
    codes = {p.ref.code for p in sources}
    cooperative = reading.code < VERBAL_CONFLICT    # where an attack happens is its target
    domestic: list[Party] = []
    searches = [(candidate_heads(reading), False)]
    if len(countries) == 1 or reading.code >= VERBAL_CONFLICT:
        searches.append((later_heads(reading), True))
    for heads, fallback in searches:
        for head in heads:
            found = [p for p in actors.parties(head)
                     if p.ref.code not in codes and not (cooperative and actors.is_setting(p))]
            foreign = [p for p in found if p.ref.country not in countries]
            if foreign:
                return foreign, fallback
            if not fallback and not domestic:
                domestic = found
    return domestic, False
