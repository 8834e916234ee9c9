"""What selects stored events: the filter types shared by the store, the timelines, the CLI and the site."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActorFilter:
    """One side of a dyad: every given field must equal the event's actor field."""

    label: str
    country: str | None = None      # ISO 3166-1 alpha-3 (or IGO/region code)
    code: str | None = None         # CAMEO actor code, e.g. TURGOV
    name: str | None = None         # canonical actor name, e.g. "Recep Tayyip Erdogan"

    def fields(self) -> dict[str, str]:
        """The constraints as {"country"|"code"|"name": value}."""
        return {k: v for k, v in (("country", self.country), ("code", self.code),
                                  ("name", self.name)) if v}
