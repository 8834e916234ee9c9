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
