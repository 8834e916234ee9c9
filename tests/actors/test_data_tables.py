"""The hand-maintained actor tables are consistent: dates in order, codes known."""

import datetime as dt

import pytest

from detente.actors.codes import is_country
from detente.actors.dictionary import LEADER_FILES
from detente.data import read_tsv


def day(value):
    return dt.date.fromisoformat(value) if value else None


@pytest.mark.parametrize("name", [*LEADER_FILES, "organisations.tsv"])
def test_data_tables_roles_start_before_they_end(name):
    bad = [row["name"] for row in read_tsv("actors", name)
           if row["start"] and row["end"] and day(row["start"]) > day(row["end"])]
    assert bad == []


@pytest.mark.parametrize("name", [*LEADER_FILES, "organisations.tsv"])
def test_data_tables_codes_name_a_country_or_an_organisation(name):
    bad = [row["name"] for row in read_tsv("actors", name)
           if not (is_country(row["code"][:3]) or row["code"][:3] in ("IGO", "NGO", "IMG", "MED"))]
    assert bad == []


def test_data_tables_a_person_holds_one_role_of_a_kind_at_a_time():
    """No two rows of the same person overlap with different codes."""
    rows = {}
    for row in (row for name in LEADER_FILES for row in read_tsv("actors", name)):
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
    assert all(is_country(row["country"]) for row in read_tsv("actors", "communities.tsv"))


def test_data_tables_every_un_member_has_a_head_of_state_or_government_listed():
    """Each UN member state (and the Holy See and Palestine, the observers) has at least one
    office holder in the leader tables or the Phoenix dictionary's converted people."""
    import pycountry

    from detente.actors.dictionary import load_dictionary

    listed = {row["code"][:3] for name in LEADER_FILES for row in read_tsv("actors", name)}
    book = load_dictionary()
    known = listed | {r.code[:3] for e in book.people.values() for r in e.roles if r.code.endswith("GOV")}
    members = UN_MEMBERS_AND_OBSERVERS
    assert {c.alpha_3 for c in pycountry.countries} >= members
    assert sorted(members - known) == []


def test_data_tables_every_un_member_has_an_office_holder_of_2015_to_2026_listed_by_hand():
    """Not only the Phoenix dictionary's office holders, which stop around 2015."""
    from detente.actors.codes import to_iso3

    recent = {to_iso3(row["code"][:3]) for name in LEADER_FILES for row in read_tsv("actors", name)
              if not row["end"] or row["end"] >= "2015-01-01"}
    assert sorted(UN_MEMBERS_AND_OBSERVERS - recent) == []


def test_data_tables_a_name_belongs_to_one_person():
    """An alias written for one person is not another listed person's name or alias (the
    tables would merge them)."""
    owners = {}
    for name in LEADER_FILES:
        for row in read_tsv("actors", name):
            for phrase in [row["name"], *filter(None, row["aliases"].split("|"))]:
                owners.setdefault(phrase.lower(), set()).add(row["name"])
    assert {phrase: names for phrase, names in owners.items() if len(names) > 1} == {}


def test_data_tables_world_leaders_resolve_to_the_role_held_on_the_day(analyze_text):
    doc = analyze_text("Jacinda Ardern met Christopher Luxon.", date="2020-05-01")
    codes = {m.text: m.actor.code for m in doc._.actors}
    assert codes == {"Jacinda Ardern": "NZLGOV", "Christopher Luxon": "NZLELI"}


# The 193 UN member states and the two observer states (ISO 3166-1 alpha-3).
UN_MEMBERS_AND_OBSERVERS = frozenset("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN
BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE PRK DNK DJI DMA
DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND
HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC
NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP
SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON
TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE VAT PSE
""".split())


@pytest.mark.parametrize("text, date, code", [
    # a minister is the government on the days of the office, the elite before and after
    ("Florence Parly visited Niamey.", "2016-06-01", "FRAELI"),
    ("Florence Parly visited Niamey.", "2019-06-01", "FRAGOV"),
    ("Pal Jonson met Ukrainian officials.", "2021-06-01", "SWEELI"),
    ("Pal Jonson met Ukrainian officials.", "2023-06-01", "SWEGOV"),
    ("Witold Waszczykowski criticised Brussels.", "2017-06-01", "POLGOV"),
    ("Witold Waszczykowski criticised Brussels.", "2019-06-01", "POLELI"),
    # one person, two offices in turn under one code, and the gap out of office between them
    ("Khawaja Asif spoke in Islamabad.", "2017-10-01", "PAKGOV"),
    ("Khawaja Asif spoke in Islamabad.", "2020-10-01", "PAKELI"),
    ("Khawaja Asif spoke in Islamabad.", "2024-10-01", "PAKGOV"),
    # a foreign minister replaced: the old one out, the new one in, on the day of the change
    ("Faisal Mekdad met the Iranian envoy.", "2020-11-10", "SYRELI"),
    ("Faisal Mekdad met the Iranian envoy.", "2021-01-10", "SYRGOV"),
    ("Walid Muallem met the Iranian envoy.", "2020-11-10", "SYRGOV"),
    ("Walid Muallem met the Iranian envoy.", "2021-01-10", "SYRELI"),
    # a head of state of a small state that only the Phoenix dictionary (to about 2015) knew of
    ("Taneti Maamau met Chinese officials.", "2019-05-01", "KIRGOV"),
    ("Surangel Whipps Jr. met Taiwanese officials.", "2020-05-01", "PLWELI"),
    ("Surangel Whipps Jr. met Taiwanese officials.", "2022-05-01", "PLWGOV"),
])
def test_data_tables_ministers_resolve_to_the_role_held_on_the_day(analyze_text, text, date, code):
    person = text.split(" met ")[0].split(" visited ")[0].split(" criticised ")[0].split(" spoke ")[0]
    codes = {m.text: m.actor.code for m in analyze_text(text, date=date)._.actors}
    assert codes.get(person) == code, codes
