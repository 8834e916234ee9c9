import datetime as dt

import pytest

from detente.actors.dictionary import load_dictionary

D = dt.date.fromisoformat


def lookup(phrase: str):
    book = load_dictionary()
    return book.actors.get(book.tokens(phrase))


@pytest.mark.parametrize("phrase, day, code", [
    ("Donald Trump", "2019-05-01", "USAGOV"),
    ("Donald Trump", "2023-05-01", "USAELI"),
    ("Donald Trump", "2025-06-01", "USAGOV"),
    ("Joe Biden", "2022-05-01", "USAGOV"),
    ("Joe Biden", "2025-06-01", "USAELI"),
    ("Ahmed al-Sharaa", "2023-05-01", "SYRREB"),
    ("Ahmed al-Sharaa", "2025-03-01", "SYRGOV"),
    ("Keir Starmer", "2024-08-01", "GBRGOV"),
    ("Taliban", "2019-01-01", "AFGINS"),
    ("Taliban", "2022-01-01", "AFGGOV"),
])
def test_dictionary_dated_roles_follow_the_date(phrase, day, code):
    assert lookup(phrase).entry.code_on(D(day)) == code


@pytest.mark.parametrize("phrase, code", [
    ("Ahmed al-Sharaa", "SYRGOV"), ("Donald Trump", "USAGOV"), ("Recep Tayyip Erdogan", "TURGOV"),
])
def test_dictionary_unknown_date_uses_the_latest_role(phrase, code):
    assert lookup(phrase).entry.code_on(None) == code


@pytest.mark.parametrize("alias, name", [
    ("Zelenskyy", "Volodymyr Zelensky"), ("Jolani", "Ahmed al-Sharaa"),
    ("Russian President Vladimir Putin", "Vladimir Putin"),
])
def test_dictionary_aliases_resolve_to_one_person(alias, name):
    assert lookup(alias).entry.name == name


@pytest.mark.parametrize("phrase, via, country", [
    ("Turkish", "demonym", "TUR"), ("Syrians", "demonym", "SYR"), ("Ankara", "metonym", "TUR"),
    ("Kremlin", "metonym", "RUS"), ("Britain", "dictionary", "GBR"),
    ("Türkiye", "dictionary", "TUR"),
])
def test_dictionary_country_vocabulary(phrase, via, country):
    pattern = lookup(phrase)
    assert (pattern.via, pattern.entry.country) == (via, country)


@pytest.mark.parametrize("phrase, day, code", [
    ("Muhammadu Buhari", "2020-01-01", "NGAGOV"),
    ("Muhammadu Buhari", "2024-01-01", "NGAELI"),
    ("Hassan Sheikh Mohamud", "2019-01-01", "SOMELI"),
    ("Hassan Sheikh Mohamud", "2023-01-01", "SOMGOV"),
    ("Farmaajo", "2019-01-01", "SOMGOV"),
    ("Assimi Goita", "2022-01-01", "MLIGOV"),
    ("Ibrahim Traore", "2023-01-01", "BFAGOV"),
    ("Mohamed Bazoum", "2022-01-01", "NERGOV"),
    ("Abdourahamane Tiani", "2024-01-01", "NERGOV"),
    ("Riek Machar", "2018-01-01", "SSDREB"),
    ("Riek Machar", "2021-01-01", "SSDGOV"),
    ("Taye Atske Selassie", "2023-06-01", "ETHGOV"),
    ("Oromo Liberation Front", "2017-01-01", "ETHREB"),
    ("Oromo Liberation Front", "2020-01-01", "ETHOPP"),
    ("AMISOM", "2020-01-01", "IGOAFRAFU"),
])
def test_dictionary_knows_the_leaders_and_groups_of_2015_to_2026(phrase, day, code):
    assert lookup(phrase).entry.code_on(D(day)) == code


@pytest.mark.parametrize("phrase, country", [
    ("ONLF", "ETH"), ("OLA", "ETH"), ("Fano", "ETH"), ("TPLF", "ETH"), ("RSF", "SDN"), ("SAF", "SDN"),
    ("M23", "COD"), ("ADF", "COD"), ("ISWAP", "NGA"), ("ISGS", "MLI"), ("Al Shabaab", "SOM"),
    ("HTS", "SYR"), ("SDF", "SYR"), ("Houthis", "YEM"), ("STC", "YEM"), ("Africa Corps", "RUS"),
    ("Arakan Army", "MMR"), ("KIA", "MMR"), ("TNLA", "MMR"), ("CJNG", "MEX"), ("Sinaloa Cartel", "MEX"),
    ("Hezbollah", "LBN"), ("PIJ", "PSE"), ("Kataib Hezbollah", "IRQ"), ("TTP", "PAK"), ("BLA", "PAK"),
    ("ELN", "COL"), ("FARC dissidents", "COL"), ("AQAP", "YEM"), ("ISKP", "AFG"),
])
def test_dictionary_knows_the_armed_groups_of_2015_to_2026(phrase, country):
    entry = lookup(phrase).entry
    assert entry.country == country


def test_dictionary_marks_groups_that_fight_across_borders():
    assert lookup("JNIM").entry.placed and not lookup("Al Shabaab").entry.placed


def test_dictionary_loads_phoenix_cities_of_dated_countries_as_places():
    pattern = lookup("Kirkuk")
    assert (pattern.kind, pattern.entry.country) == ("place", "IRQ")
