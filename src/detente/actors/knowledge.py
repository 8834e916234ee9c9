"""Whose a generic actor is when only world knowledge says so (``data/knowledge.tsv``).

"Settlers attacked farmers near Nablus": the settlers are Israeli; "Hamas fighters
fired at troops near Rafah": the troops are Israel's, since the Palestinian
territories have no army. A rule names the agents it covers (phrases, or every
agent of a ``use``), the country where they act, and the country they belong to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from detente.data import read_tsv

from .entries import FAR_FUTURE, FAR_PAST, parse_day

ANYWHERE = "*"


@dataclass(frozen=True)
class Known:
    phrases: frozenset[str]
    use: str
    where: str
    country: str
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, text: str, use: str, where: str | None, day: dt.date | None) -> bool:
        if not ((self.use and self.use == use) or text in self.phrases):
            return False
        if self.where != ANYWHERE and self.where != where:
            return False
        return day is None or (self.start or FAR_PAST) <= day <= (self.end or FAR_FUTURE)


def _rule(row: dict) -> Known:
    agents = row["agents"]
    use = agents.removeprefix("use:") if agents.startswith("use:") else ""
    phrases = frozenset() if use else frozenset(p.strip() for p in agents.split("|") if p.strip())
    return Known(phrases, use, row["where"], row["country"], parse_day(row["start"]),
                 parse_day(row["end"]))


@lru_cache(maxsize=1)
def load_knowledge() -> tuple[Known, ...]:
    return tuple(_rule(row) for row in read_tsv("actors", "knowledge.tsv"))


def known_country(text: str, use: str, where: str | None, day: dt.date | None) -> str | None:
    """The country an agent written ``text`` (of ``use``) placed in ``where`` belongs to by
    world knowledge, or None when no rule covers it."""
    text = text.lower()
    for rule in load_knowledge():
        if rule.covers(text, use, where, day):
            return rule.country
    return None
