import pytest

from detente.places.gazetteer import country_of, lookup


@pytest.mark.parametrize("name, country", [
    ("Idlib", "SYR"), ("Sochi", "RUS"), ("Amman", "JOR"), ("Geneva", "CHE"),
    ("Syria", "SYR"), ("the United States", "USA"), ("Britain", "GBR"), ("Kiev", "UKR"),
])
def test_places_resolves_cities_and_countries_to_iso3(name, country):
    assert lookup(name).country == country


@pytest.mark.parametrize("name, country", [
    ("Nagorno-Karabakh", "AZE"), ("the Donbas", "UKR"), ("Gaza Strip", "PSE"), ("Kashmir", "IND"),
])
def test_places_resolves_named_regions_from_the_region_table(name, country):
    assert lookup(name).country == country


def test_places_gives_coordinates_to_a_city():
    idlib = lookup("Idlib")
    assert 35 < idlib.lat < 37 and 36 < idlib.lon < 37.5


def test_places_prefers_a_country_over_a_same_named_city():
    assert lookup("Georgia").country == "GEO"


def test_places_prefers_a_city_in_a_country_the_article_names():
    assert lookup("Tripoli", frozenset({"LBN"})).country == "LBN"
    assert lookup("Tripoli").country == "LBY"


@pytest.mark.parametrize("name, expected", [("Turkey", "TUR"), ("Sochi", None), ("the UAE", "ARE")])
def test_places_tells_country_names_from_other_places(name, expected):
    assert country_of(name) == expected


def test_places_returns_none_for_unknown_names():
    assert lookup("Qwertyville Heights") is None
