"""Find dictionary phrases in a Doc: the longest actor or agent phrase at each token.

One pass over the tokens' ``LOWER`` hashes; a phrase is kept only if the text's
capitalization fits it (``UN`` must be written in capitals, ``Turkey`` must not
be written ``turkey``, ``Houthi rebels`` needs its first word capitalized; agents
such as ``soldiers`` may be written any way).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LOWER
from spacy.tokens import Doc

from .dictionary import ActorDictionary, AgentPattern, Pattern

# Words that may stay lower case inside a proper name ("Bosnia and Herzegovina").
NAME_PARTICLES = frozenset({
    "the", "of", "and", "al", "el", "bin", "ibn", "bint", "von", "der", "den", "de", "da",
    "la", "le", "du", "for", "in", "on", "y", "van", "des", "di", "do", "dos", "&", "-",
    "'s", "\u2019s", "ul", "ud", "wal", "e",
})


@dataclass
class Candidate:
    start: int                     # token offsets, end exclusive
    end: int
    pattern: Pattern | AgentPattern

    @property
    def is_agent(self) -> bool:
        return isinstance(self.pattern, AgentPattern)


def case_fits(doc: Doc, start: int, end: int, case: str) -> bool:
    tokens = doc[start:end]
    if case == "upper":
        return all(t.is_upper or not t.is_alpha for t in tokens)
    if case == "title":
        return not any(t.is_lower and t.lower_ not in NAME_PARTICLES for t in tokens)
    if case == "lead":
        return not tokens[0].is_lower
    return True


def best_actor(doc: Doc, book: ActorDictionary, hashes: list[int], i: int) -> Candidate | None:
    for end, pattern in book.actors.matches(hashes, i):
        if case_fits(doc, i, end, pattern.case):
            return Candidate(i, end, pattern)
    return None


def best_agent(book: ActorDictionary, hashes: list[int], i: int) -> Candidate | None:
    found = book.agents.matches(hashes, i)
    return Candidate(i, found[0][0], found[0][1]) if found else None


def find_candidates(doc: Doc, book: ActorDictionary) -> list[Candidate]:
    """Non-overlapping candidates, left to right, longest first (actors win ties)."""
    hashes = doc.to_array(LOWER).tolist() if len(doc) else []
    found, i = [], 0
    while i < len(hashes):
        actor = best_actor(doc, book, hashes, i)
        agent = best_agent(book, hashes, i)
        best = agent if agent and (actor is None or agent.end > actor.end) else actor
        if best is None:
            i += 1
            continue
        found.append(best)
        i = best.end
    return found
