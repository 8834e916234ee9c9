import pytest

from detente.actors.codes import country_of, is_country, role_of, to_iso3


@pytest.mark.parametrize("cameo, iso", [
    ("ROM", "ROU"), ("ZAR", "COD"), ("DRC", "COD"), ("BUR", "MMR"), ("TMP", "TLS"),
    ("KSV", "XKX"), ("USR", "SUN"), ("GER", "DEU"), ("UAE", "ARE"),
])
def test_codes_map_cameo_country_codes_to_iso(cameo, iso):
    assert to_iso3(cameo) == iso


@pytest.mark.parametrize("code", ["TUR", "JPN", "RUS", "IGO", "WST", "NGO"])
def test_codes_keep_iso_and_region_codes(code):
    assert to_iso3(code) == code


@pytest.mark.parametrize("code, country, role", [
    ("TURGOV", "TUR", "GOV"), ("ROMMIL", "ROU", "MIL"), ("IGOWSTNAT", "IGO", "WSTNAT"),
    ("SYR", "SYR", ""),
])
def test_codes_split_actor_code_into_country_and_role(code, country, role):
    assert (country_of(code), role_of(code)) == (country, role)


@pytest.mark.parametrize("code, expected", [
    ("TUR", True), ("ROM", True), ("XKX", True), ("SUN", True), ("IGO", False), ("WST", False),
    ("NGO", False),
])
def test_codes_tell_countries_from_organisations_and_regions(code, expected):
    assert is_country(code) is expected
