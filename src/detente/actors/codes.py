"""CAMEO / Phoenix actor codes: their country part, as ISO 3166-1 alpha-3, and their role.

``to_iso3("ROM") == "ROU"``; ISO codes and CAMEO region/IGO codes (``WST``,
``IGO``, ``NGO``...) are returned unchanged. ``country_of("TURGOV") == "TUR"``.
``country_name("RUS") == "Russia"``: the one display name of a country, used by the
actor dictionary, the event coders and every read-out (``detente.records.names``).
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from detente.data import read_json, read_tsv

# Codes standing for no single country: organisations and regions in CAMEO.
NON_STATE_PREFIXES = frozenset({
    "IGO", "NGO", "MNC", "IMG", "INT", "UIS", "WST", "EUR", "AFR", "ASA", "MEA", "SAS",
    "SEA", "LAM", "EAF", "WAF", "NAF", "SAF", "CAS", "EEU", "WEU", "NMR", "SAM", "CFR",
    "BLK", "CRB", "MOS", "HIN", "BUD", "CHR", "JEW", "KRD", "ARB", "PHO", "EIN",
})


@lru_cache(maxsize=1)
def _cameo_table() -> dict[str, str]:
    return {row["cameo"]: row["iso3"] for row in read_tsv("actors", "cameo_countries.tsv")}


def to_iso3(code: str) -> str:
    """The ISO alpha-3 code for a CAMEO/Phoenix country code (unchanged if already ISO)."""
    code = (code or "").strip().upper()
    return _cameo_table().get(code, code)


def is_country(code: str) -> bool:
    """True if ``code`` (after ``to_iso3``) names a current or historic ISO country."""
    iso = to_iso3(code)
    if len(iso) != 3 or iso in NON_STATE_PREFIXES:
        return False
    return iso == "XKX" or pycountry.countries.get(alpha_3=iso) is not None \
        or pycountry.historic_countries.get(alpha_3=iso) is not None


def country_of(code: str) -> str:
    """The country part of an actor code as ISO alpha-3 (``IGOWSTNAT`` -> ``IGO``)."""
    return to_iso3(code[:3]) if len(code) >= 3 else code


def role_of(code: str) -> str:
    """The role part of an actor code (``TURGOV`` -> ``GOV``; ``TUR`` -> ``""``)."""
    return code[3:]


def with_role(country_code: str, role: str) -> str:
    """Join a country code and a role, never doubling the role (``TURGOV`` + ``GOV``)."""
    base = country_code[:3]
    return base + role if role else country_code


# Where the name analysts use is not the first alias of data/countries.json ("Britain").
SHORT_NAMES = {"GBR": "United Kingdom", "USA": "United States"}


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, list[str]]:
    """ISO alpha-3 -> the names data/countries.json gives the country, the usual one first."""
    return {code: entry.get("aliases", []) for code, entry in read_json("actors", "countries.json").items()
            if not code.startswith("_") and isinstance(entry, dict)}


@lru_cache(maxsize=512)
def country_name(iso3: str) -> str:
    """The display name of a country: 'Russia', 'Turkey', 'United Kingdom' (the code itself if unknown)."""
    iso3 = to_iso3(iso3)
    if iso3 in SHORT_NAMES:
        return SHORT_NAMES[iso3]
    aliases = country_aliases().get(iso3)
    return aliases[0] if aliases else iso_name(iso3)


@lru_cache(maxsize=512)
def iso_name(iso3: str) -> str:
    """ISO 3166's (pycountry's) short name, e.g. 'Russian Federation': to recognise a country's name,
    not to show it (``country_name`` does that); the code itself if unknown."""
    country = pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(alpha_3=iso3)
    if country is None:
        return iso3
    return getattr(country, "common_name", None) or country.name
