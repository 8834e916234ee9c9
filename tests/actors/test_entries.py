import datetime as dt

import pytest

from detente.actors.entries import Entry, Role

D = dt.date.fromisoformat


@pytest.fixture()
def politician():
    return Entry("A. Politician", "person", (
        Role("TURGOV", D("2003-03-14"), D("2014-08-28")),
        Role("TURGOV", D("2014-08-28")),
        Role("TURELI", None, D("2003-03-13")),
    ))


@pytest.mark.parametrize("day, code", [
    ("2001-01-01", "TURELI"), ("2010-06-01", "TURGOV"), ("2020-06-01", "TURGOV"),
])
def test_entry_code_follows_the_role_held_on_the_date(politician, day, code):
    assert politician.code_on(D(day)) == code


def test_entry_without_date_uses_the_latest_role():
    entry = Entry("X", "person", (Role("USAGOV", D("2009-01-20"), D("2017-01-20")),
                                  Role("USAELI", D("2017-01-20"), D("2020-01-01")),
                                  Role("USAGOV", D("2021-01-20"), D("2025-01-20"))))
    assert entry.code_on(None) == "USAGOV"


def test_entry_out_of_office_is_coded_as_elite_of_the_country():
    entry = Entry("X", "person", (Role("USAGOV", D("2021-01-20"), D("2025-01-20")),))
    assert entry.code_on(D("2026-03-01")) == "USAELI"


def test_entry_default_role_applies_when_no_dated_role_matches():
    entry = Entry("X", "group", (Role("PSEREB"), Role("PSEGOV", D("2006-01-01"), D("2007-06-01"))))
    assert entry.code_on(D("2020-01-01")) == "PSEREB"


def test_entry_reference_carries_iso_country_of_its_code():
    entry = Entry("X", "person", (Role("ROMGOV"),))
    ref = entry.ref_on(None)
    assert (ref.code, ref.country, ref.kind) == ("ROMGOV", "ROU", "person")


@pytest.mark.parametrize("day, known", [("1987-03-01", False), ("2015-01-01", True), (None, True)])
def test_entry_is_unknown_before_its_first_role(day, known):
    entry = Entry("X", "person", (Role("NORGOV", D("2005-10-17"), D("2013-10-16")),))
    assert entry.known_on(D(day) if day else None) is known
