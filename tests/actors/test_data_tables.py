"""The hand-maintained actor tables are consistent: dates in order, codes known."""

import datetime as dt

import pytest

from detente.actors.codes import is_country
from detente.actors.data_files import read_tsv


def day(value):
    return dt.date.fromisoformat(value) if value else None


@pytest.mark.parametrize("name", ["leaders.tsv", "organisations.tsv"])
def test_data_tables_roles_start_before_they_end(name):
    bad = [row["name"] for row in read_tsv(name)
           if row["start"] and row["end"] and day(row["start"]) > day(row["end"])]
    assert bad == []


@pytest.mark.parametrize("name", ["leaders.tsv", "organisations.tsv"])
def test_data_tables_codes_name_a_country_or_an_organisation(name):
    bad = [row["name"] for row in read_tsv(name)
           if not (is_country(row["code"][:3]) or row["code"][:3] in ("IGO", "NGO", "IMG", "MED"))]
    assert bad == []


def test_data_tables_a_person_holds_one_role_of_a_kind_at_a_time():
    """No two rows of the same person overlap with different codes."""
    rows = {}
    for row in read_tsv("leaders.tsv"):
        rows.setdefault(row["name"], []).append(row)
    overlapping = []
    for name, roles in rows.items():
        spans = sorted((day(r["start"]) or dt.date.min, day(r["end"]) or dt.date.max, r["code"])
                       for r in roles)
        for (s1, e1, c1), (s2, e2, c2) in zip(spans, spans[1:]):
            if s2 < e1 and c1 != c2:
                overlapping.append(name)
    assert overlapping == []


def test_data_tables_communities_name_countries():
    assert all(is_country(row["country"]) for row in read_tsv("communities.tsv"))
