"""Display names for codes: the one table the site, the API, the CLI and the exports read.

``code_name("RUS") == "Russia"``, ``code_name("IGOWSTNAT") == "NATO"``,
``actor_label("TURGOV", "Recep Tayyip Erdogan", "TUR") == "Recep Tayyip Erdogan (Turkey, government)"``,
``dyad_label("RUS-TUR") == "Russia – Turkey"``, ``date_label(start, end, "month") == "February 2020"``.
Countries are named by ``detente.actors.codes.country_name`` (the actors' one rule), international
organisations and armed groups by the project's own ``organisations.tsv``, roles and event
codes by CAMEO (``cameo_name``).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from detente.actors.codes import country_aliases, country_name, iso_name
from detente.data import read_tsv
from detente.errors import DataError
from detente.events.cameo import describe

# CAMEO role codes (the part after the country) in words.
ROLES = {
    "GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition", "PTY": "party",
    "COP": "police", "JUD": "judiciary", "SPY": "intelligence", "LEG": "legislature", "BUS": "business",
    "MED": "media", "CVL": "civilians", "EDU": "education", "ELI": "elites", "HLH": "health",
    "LAB": "labour", "REF": "refugees", "RAD": "radicals", "UAF": "armed group", "IGO": "organisation",
    "NGO": "non-governmental organisation", "CRM": "criminals", "AGR": "agriculture", "ENV": "environment",
    "HRI": "human rights", "MOD": "moderates", "SEP": "separatists", "INS": "insurgents", "PRO": "protesters",
}
# CAMEO regions and sectors that stand for no single country.
REGIONS = {
    "IGO": "an international organisation", "NGO": "a non-governmental organisation",
    "MNC": "a multinational company", "IMG": "an armed group", "WST": "the West", "EUR": "Europe",
    "AFR": "Africa", "ASA": "Asia", "MEA": "the Middle East", "LAM": "Latin America", "UIS": "unidentified",
    "INT": "international",
}


@lru_cache(maxsize=1)
def organisations() -> dict[str, str]:
    """CAMEO code -> the organisation's own name (the first row naming a code wins)."""

    table: dict[str, str] = {}
    for row in read_tsv("actors", "organisations.tsv"):
        table.setdefault(row["code"].strip().upper(), row["name"].strip())
    return table


def _same_as_country(name: str, iso3: str) -> bool:
    known = {country_name(iso3).lower(), iso_name(iso3).lower(),
             *(alias.lower() for alias in country_aliases().get(iso3, []))}
    return name.strip().lower() in known


@lru_cache(maxsize=4096)
def code_name(code: str) -> str:
    """The name of a country, organisation or actor code; the code itself when nothing names it."""
    code = (code or "").strip().upper()
    if not code:
        return ""
    found = organisations().get(code)
    if found:
        return found
    if len(code) == 3:
        return REGIONS.get(code) or country_name(code)
    head, role = code[:3], code[3:]
    if head in ("IGO", "NGO", "IMG"):
        # an organisation the table does not know: the longest known prefix, else the code
        for end in range(len(code) - 1, 3, -1):
            if code[:end] in organisations():
                return organisations()[code[:end]]
        return code
    country = code_name(head)
    role_word = ROLES.get(role[:3])
    return f"{country} {role_word}" if role_word and country != head else code


def actor_label(code: str, name: str = "", country: str = "") -> str:
    """'Recep Tayyip Erdogan (Turkey, government)', 'NATO', 'Russia', 'Turkey (military)'."""
    code = (code or "").strip().upper()
    if not code:
        return name or ""
    if code in organisations():
        return organisations()[code]
    head = (country or code[:3]).upper()
    place = code_name(head) if head not in ("IGO", "NGO", "IMG") else ""
    role = ROLES.get(code[3:6], "") if len(code) > 3 else ""
    if not name or name.upper() == code or (place and _same_as_country(name, head)):
        main = place or code_name(code)
        return f"{main} ({role})" if role and main != code else main
    qualifiers = ", ".join(part for part in (place, role) if part)
    return f"{name} ({qualifiers})" if qualifiers else name


def dyad_label(dyad: str) -> str:
    """'RUS-TUR' -> 'Russia – Turkey'."""
    parts = [p for p in (dyad or "").split("-") if p]
    return " – ".join(code_name(p) for p in parts) if parts else ""


def date_label(start: dt.date | None, end: dt.date | None = None, granularity: str = "day") -> str:
    """A date as precise as it is known: '27 February 2020', 'February 2020', 'spring 2020',
    '2020', '2016-2019'; 'undated' without a date."""
    if start is None:
        return "undated"
    end = end or start
    if granularity == "month" or (granularity not in ("day", "week") and start.day == 1
                                   and end.month == start.month and end.year == start.year and end != start):
        return start.strftime("%B %Y")
    if granularity == "season":
        return f"{start.strftime('%B')}–{end.strftime('%B %Y')}" if start.year == end.year else \
            f"{start.strftime('%B %Y')}–{end.strftime('%B %Y')}"
    if granularity == "year":
        return str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
    if granularity in ("multi-year", "decade"):
        return f"{start.year}-{end.year}" if start.year != end.year else str(start.year)
    if granularity == "week" and end != start:
        return f"week of {start.day} {start.strftime('%B %Y')}"
    return f"{start.day} {start.strftime('%B %Y')}"


def period_label(start: dt.date | str, by: str) -> str:
    """A timeline period in words: '2020 Q1', 'February 2020', '2020', 'week of 3 February 2020'."""
    if isinstance(start, str):
        start = dt.date.fromisoformat(start)
    if by == "quarter":
        return f"{start.year} Q{(start.month - 1) // 3 + 1}"
    if by == "month":
        return start.strftime("%B %Y")
    if by == "year":
        return str(start.year)
    return f"week of {start.day} {start.strftime('%B %Y')}"


@lru_cache(maxsize=1)
def _names_to_codes() -> dict[str, str]:
    """Lower-case country and organisation names and aliases -> their code."""

    table: dict[str, str] = {}
    for row in read_tsv("actors", "organisations.tsv"):
        for name in [row["name"], *row["aliases"].split("|")]:
            if name.strip():
                table.setdefault(name.strip().lower(), row["code"].strip().upper())
    for code, aliases in country_aliases().items():
        for name in [*aliases, iso_name(code)]:
            table.setdefault(name.lower(), code)
    return table


def name_to_code(name: str) -> str:
    """'Russia' -> 'RUS', 'NATO' -> 'IGOWSTNAT'; '' when the name is no country or organisation we know."""
    text = " ".join((name or "").split()).lower()
    return _names_to_codes().get(text) or _names_to_codes().get(text.removeprefix("the ")) or ""


@lru_cache(maxsize=512)
def cameo_name(code: str) -> str:
    """The CAMEO name of ``code``, or '' when the table does not know it."""
    try:
        return describe(code).name
    except DataError:
        return ""
