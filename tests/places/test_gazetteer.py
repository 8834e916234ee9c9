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


@pytest.mark.parametrize("name, country", [
    ("Bale zone", "ETH"), ("Bale", "ETH"), ("Somali Region", "ETH"), ("Hiraan region", "SOM"),
    ("Oromia", "ETH"), ("Borno State", "NGA"), ("Niger State", "NGA"), ("Tillaberi", "NER"),
    ("North Kivu", "COD"), ("Sinaloa", "MEX"), ("Rakhine State", "MMR"), ("Lower Shabelle", "SOM"),
])
def test_places_resolves_admin_regions_and_zones_with_their_suffixes(name, country):
    assert lookup(name).country == country


def test_places_keeps_a_country_over_a_region_of_the_same_name():
    assert lookup("Niger").country == "NER"
    assert lookup("Lebanon").country == "LBN"


def test_places_prefers_a_region_in_the_story_countries_to_a_bigger_city():
    assert lookup("Bari").country == "ITA"
    assert lookup("Bari", frozenset({"SOM"})).country == "SOM"


def test_places_reads_iso_subdivision_names_below_the_hand_table():
    assert lookup("Ouham-Pende").country == "CAF"
    assert lookup("Lualaba province").country == "COD"


def test_places_prefers_a_us_state_to_a_small_foreign_city_of_the_same_name():
    assert lookup("Arizona").country == "USA"
    assert lookup("Arizona State").country == "USA"
