"""Dictionary entries: who an actor is, and which code it carries on a given date.

An ``Entry`` is one actor (a country, a person, an organisation, a group) with
its dated ``Role``s. ``Entry.ref_on(date)`` gives the ``ActorRef`` valid on
that date; with no date, the latest role is used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from detente.model import ActorRef

from .codes import country_of, is_country, role_of

FAR_PAST = dt.date(1, 1, 1)
FAR_FUTURE = dt.date(9999, 12, 31)


@dataclass(frozen=True)
class Role:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: dt.date) -> bool:
        return (self.start or FAR_PAST) <= day <= (self.end or FAR_FUTURE)

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.start or FAR_PAST, self.end or FAR_FUTURE)


def parse_day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@dataclass
class Entry:
    """One actor of the dictionary with its roles (dated ones and a default)."""

    name: str
    kind: str
    roles: tuple[Role, ...]
    country: str | None = None        # explicit country of operation/sponsor
    source: str = "detente"
    placed: bool = False              # fights across borders: placed where it acts

    def known_on(self, day: dt.date | None) -> bool:
        """False before the first dated role of someone who has no default role."""
        if day is None or any(not r.dated for r in self.roles):
            return True
        starts = [r.start for r in self.roles if r.start is not None]
        return not starts or min(starts) <= day or any(r.start is None for r in self.roles)

    def code_on(self, day: dt.date | None) -> str:
        dated = sorted((r for r in self.roles if r.dated), key=Role.sort_key)
        default = next((r.code for r in self.roles if not r.dated), None)
        if day is None:
            return dated[-1].code if dated else (default or "")
        current = [r for r in dated if r.covers(day)]
        if current:
            return current[-1].code
        if default:
            return default
        return _elite_code(dated, day) if dated else ""

    def ref_on(self, day: dt.date | None, role: str = "", kind: str | None = None) -> ActorRef:
        code = self.code_on(day)
        if role:
            code = code[:3] + role
        return ActorRef(code=code, country=self.country or country_of(code),
                        name=self.name, kind=kind or self.kind)


def _elite_code(dated: list[Role], day: dt.date) -> str:
    """Out of office: the country of the nearest role, as elite (``USAELI``)."""
    nearest = min(dated, key=lambda r: min(abs(((r.start or day) - day).days),
                                           abs(((r.end or day) - day).days)))
    prefix = nearest.code[:3]
    return prefix + "ELI" if is_country(prefix) else nearest.code


def country_entry(iso3: str, name: str) -> Entry:
    return Entry(name=name, kind="country", roles=(Role(iso3),), country=iso3)


__all__ = ["Entry", "Role", "country_entry", "parse_day", "role_of"]
