"""Names, not codes: one display-name table for countries, organisations, actors, dyads and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.records.names import actor_label, code_name, date_label, dyad_label, name_to_code, period_label


@pytest.mark.parametrize("code,name", [
    ("RUS", "Russia"), ("TUR", "Turkey"), ("USA", "United States"), ("ROM", "Romania"),
    ("IGOWSTNAT", "NATO"), ("IGOEUR", "European Union"), ("TURGOV", "Turkey government"),
])
def test_codes_have_the_names_an_analyst_uses(code, name):
    assert code_name(code) == name


def test_an_unknown_code_is_shown_as_itself():
    assert code_name("IGOZZZZ") == "IGOZZZZ" and code_name("") == ""


@pytest.mark.parametrize("args,label", [
    (("TURGOV", "Recep Tayyip Erdogan", "TUR"), "Recep Tayyip Erdogan (Turkey, government)"),
    (("IGOWSTNAT", "NATO", "IGO"), "NATO"),
    (("RUSGOV", "Russia", "RUS"), "Russia (government)"),
    (("TUR", "Turkey", "TUR"), "Turkey"),
    (("RUS", "", "RUS"), "Russia"),
])
def test_actor_labels_name_the_person_their_country_and_role(args, label):
    assert actor_label(*args) == label


def test_international_organisations_are_not_lumped_together():
    assert len({code_name(c) for c in ("IGOWSTNAT", "IGOEUR", "IGOEUROSC")}) == 3


def test_dyads_by_name():
    assert dyad_label("RUS-TUR") == "Russia – Turkey"


@pytest.mark.parametrize("start,end,granularity,label", [
    ("2020-02-27", "2020-02-27", "day", "27 February 2020"),
    ("2020-02-01", "2020-02-29", "month", "February 2020"),
    ("2016-01-01", "2019-12-31", "multi-year", "2016-2019"),
    ("2020-01-01", "2020-12-31", "year", "2020"),
])
def test_dates_at_their_granularity(start, end, granularity, label):
    assert date_label(dt.date.fromisoformat(start), dt.date.fromisoformat(end), granularity) == label


def test_undated_and_periods_in_words():
    assert date_label(None) == "undated"
    assert period_label("2020-01-01", "quarter") == "2020 Q1" and period_label("2020-04-01", "quarter") == "2020 Q2"
    assert period_label("2020-02-01", "month") == "February 2020"


@pytest.mark.parametrize("name,code", [("Russia", "RUS"), ("nato", "IGOWSTNAT"), ("the European Union", "IGOEUR"),
                                       ("Türkiye", "TUR"), ("Erdogan", "")])
def test_names_lead_back_to_codes(name, code):
    assert name_to_code(name) == code
