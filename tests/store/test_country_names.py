"""The store recognises typed country names from the actor stage's country vocabulary."""

import pytest

from detente.store.actors import country_ref

# Every name the store's own alias table (store/data/country_names.json, now gone) recognised,
# with the code it gave: the actors' vocabulary must still give each the same code.
FORMER_ALIASES = {
    "russia": "RUS", "turkey": "TUR", "turkiye": "TUR", "uk": "GBR",
    "britain": "GBR", "great britain": "GBR", "united kingdom": "GBR", "us": "USA",
    "u.s.": "USA", "america": "USA", "united states of america": "USA", "north korea": "PRK",
    "south korea": "KOR", "vietnam": "VNM", "laos": "LAO", "moldova": "MDA",
    "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA", "czech republic": "CZE",
    "ivory coast": "CIV", "congo-kinshasa": "COD", "dr congo": "COD", "congo-brazzaville": "COG",
    "palestine": "PSE", "taiwan": "TWN", "iran": "IRN", "syria": "SYR",
    "holland": "NLD", "burma": "MMR", "macedonia": "MKD", "cape verde": "CPV",
    "east timor": "TLS", "vatican": "VAT", "micronesia": "FSM",
}


@pytest.mark.parametrize("name, code", sorted(FORMER_ALIASES.items()))
def test_store_still_recognises_every_former_alias(name, code):
    for typed in (name, name.upper(), name.title(), f"  {name} "):
        ref = country_ref(typed)
        assert (ref.code, ref.country, ref.kind) == (code, code, "country"), typed


@pytest.mark.parametrize("name, code", [
    ("Czechia", "CZE"), ("Persia", "IRN"), ("DPRK", "PRK"), ("Cabo Verde", "CPV"), ("U.S.A.", "USA"),
])
def test_store_recognises_the_actor_vocabulary_aliases(name, code):
    assert country_ref(name).code == code


@pytest.mark.parametrize("name, code", [("RUS", "RUS"), ("PA", "PAN"), ("US", "USA"), ("Russian Federation", "RUS")])
def test_store_takes_an_iso_code_or_name_before_an_alias(name, code):
    assert country_ref(name).code == code


def test_store_recognises_no_demonym_capital_or_unknown_name_as_a_country():
    assert [country_ref(name) for name in ("Russian", "Moscow", "Atlantis")] == [None, None, None]
