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


@pytest.mark.parametrize("iso3, name", [
    ("RUS", "Russia"), ("TUR", "Turkey"), ("GBR", "United Kingdom"), ("USA", "United States"),
    ("COD", "DRC"), ("CZE", "Czech Republic"), ("IRN", "Iran"), ("ROM", "Romania"),
])
def test_codes_a_country_has_one_display_name_wherever_it_is_named(iso3, name):
    """The dictionary, the event coders (a protest's home government, a story counterpart) and the
    read-outs all name a country by ``country_name``: no record says 'Russian Federation' or 'Türkiye'."""
    from detente.actors.codes import country_name
    from detente.actors.dictionary import load_dictionary
    from detente.events.coder import home_government
    from detente.events.participants import Party
    from detente.model import ActorRef
    from detente.records.names import code_name

    iso = to_iso3(iso3)
    protesters = Party(ActorRef(iso + "PRO", iso, "protesters", "agent"), "protesters", 0)
    assert country_name(iso3) == name
    assert load_dictionary().countries[iso].ref_on(None).name == name
    assert home_government(protesters).ref.name == name
    assert code_name(iso) == name


def test_codes_iso_name_is_for_recognising_names_not_showing_them():
    from detente.actors.codes import iso_name
    from detente.records.names import name_to_code

    assert iso_name("RUS") == "Russian Federation"
    assert name_to_code("Russian Federation") == name_to_code("Russia") == "RUS"
