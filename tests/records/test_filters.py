"""One filter type and one parser for the CLI, the site and the API, accepting both old spellings."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.errors import OptionError
from detente.records.filters import EventFilter, cli_label, parse_filter


@pytest.mark.parametrize("params", [{"dyad": "RUS,TUR"}, {"dyad": "RUS-TUR"}, {"dyad": "rus - tur"},
                                    {"dyad": " RUS , TUR "}])
def test_a_dyad_is_two_actors_with_a_comma_or_a_dash(params):
    assert parse_filter(params).dyad in (("RUS", "TUR"), ("rus", "tur"))


def test_names_are_actors_too():
    assert parse_filter({"dyad": "Russia,Turkey"}).dyad == ("Russia", "Turkey")
    assert parse_filter({"actor": "Recep Tayyip Erdogan"}).actor == ("Recep Tayyip Erdogan",)


def test_the_cli_and_the_site_spellings_give_the_same_filter():
    cli = parse_filter({"since": "2020-01-01", "until": "2020-12-31", "quad": 4, "dyad": "RUS,TUR", "code": "19",
                        "theatre": "Syria", "actor": None}, cli_label)
    site = parse_filter({"start": "2020-01-01", "end": "2020-12-31", "quad_class": "4", "dyad": "RUS-TUR",
                         "code": "19", "theatre": "Syria", "sort": "-date", "page": "2"})
    assert cli == site == EventFilter(dyad=("RUS", "TUR"), code="19", quad=4, since=dt.date(2020, 1, 1),
                                      until=dt.date(2020, 12, 31), theatre="Syria")


def test_empty_values_are_no_filter():
    assert parse_filter({"q": " ", "actor": "", "since": None}) == EventFilter()


@pytest.mark.parametrize("params,label,message", [
    ({"since": "yesterday"}, cli_label, "--since must be a date YYYY-MM-DD"),
    ({"start": "yesterday"}, None, "parameter 'start' must be a date YYYY-MM-DD"),
    ({"dyad": "RUS"}, cli_label, "--dyad must name two actors"),
    ({"quad_class": "5"}, None, "parameter 'quad_class' must be 1, 2, 3 or 4"),
    ({"code": "abc"}, None, "CAMEO code of 2-4 digits"),
    ({"actor": "<script>"}, None, "parameter 'actor' must be a name"),
    ({"actor": "A,B,C"}, None, "one actor or two"),
    ({"status": "deleted"}, None, "must be one of active, rejected"),
    ({"bbox": "1,2,3"}, None, "south,west,north,east"),
])
def test_a_bad_value_names_the_option_as_the_user_spelled_it(params, label, message):
    with pytest.raises(OptionError, match=message):
        parse_filter(params, label) if label else parse_filter(params)
