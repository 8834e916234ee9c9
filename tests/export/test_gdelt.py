"""The GDELT 2.0 Event and Mentions tables, column by column as the codebook defines them."""

from __future__ import annotations

import pytest

from detente.export import export_events
from detente.export.gdelt import COLUMNS, MENTION_COLUMNS, mentions_path
from detente.store.queries import EventFilter, filter_events
from tests.export.gdelt_codebook import event_checks, mention_checks, violations
from tests.store.factories import actor, record, store

pytestmark = [pytest.mark.db, pytest.mark.django_db]

NATO = actor("IGO", "WSTNAT", name="NATO", kind="organisation", text="NATO")
NATO["code"] = "IGOWSTNAT"


def export_rows(tmp_path) -> tuple[list[dict], list[dict]]:
    out = tmp_path / "events.tsv"
    export_events(filter_events(EventFilter()), "gdelt", out)
    events = [dict(zip(COLUMNS, line.split("\t"))) for line in out.read_text().splitlines()]
    mentions = [dict(zip(MENTION_COLUMNS, line.split("\t"))) for line in mentions_path(out).read_text().splitlines()]
    return events, mentions


def test_igo_code_goes_to_known_group_not_to_the_type_columns(tmp_path):
    store("NATO warned Russia.", [record(source_actor=NATO, target="RUS", cameo="172", quad=4, goldstein=-5.0)])
    [row], _ = export_rows(tmp_path)
    assert (row["Actor1Code"], row["Actor1KnownGroupCode"], row["Actor1Type1Code"], row["Actor1Type2Code"],
            row["Actor1CountryCode"]) == ("IGOWSTNAT", "NAT", "IGO", "", "WST")


def test_actor_country_is_the_cameo_code(tmp_path):
    romania = actor("ROU", name="Romania")
    store("Romania criticized Russia.", [record(source_actor=romania, target="RUS", cameo="111", quad=3,
                                                goldstein=-2.0)])
    [row], _ = export_rows(tmp_path)
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor2CountryCode"]) == ("ROUGOV", "ROM", "RUS")


def test_action_geo_of_a_country_is_type_1_with_fips_codes(tmp_path):
    rec = record(place="Syria")
    rec["location"]["country"] = "SYR"
    store("Turkey struck Syria.", [rec])
    [row], _ = export_rows(tmp_path)
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"], row["ActionGeo_ADM1Code"],
            row["ActionGeo_FeatureID"]) == ("1", "SY", "SY", "SY")


def test_action_geo_of_a_city_is_type_4_with_the_fips_country(tmp_path):
    rec = record(place="Idlib")
    rec["location"]["country"] = "SYR"
    store("Turkey struck Idlib.", [rec])
    [row], _ = export_rows(tmp_path)
    assert (row["ActionGeo_Type"], row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == ("4", "Idlib", "SY")


def test_sourceurl_is_a_citation_not_an_internal_id_when_the_article_has_no_url(tmp_path):
    store("Turkey struck Russian positions.", [record()])
    [row], [mention] = export_rows(tmp_path)
    assert row["SOURCEURL"] == "test-wire" and mention["MentionType"] == "2"


def test_undated_event_takes_the_publication_date_as_gdelt_does(tmp_path):
    store("Turkey struck Russian positions.", [record(start=None)], date="2021-06-30")
    [row], _ = export_rows(tmp_path)
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20210630", "202106", "2021")


def test_mentions_table_has_one_row_per_reporting_sentence_with_offsets(tmp_path):
    text = "Turkey struck Russian positions near Idlib."
    store(text, [record(sentence=text, span=(0, 21), target_actor=actor("RUS", text="Russian"))],
          url="https://news.example/a")
    store("A second report: Turkey struck Russian positions.", [record(index=1, span=(17, 48))])
    [event], mentions = export_rows(tmp_path)
    first = mentions[0]
    assert [m["GLOBALEVENTID"] for m in mentions] == [event["GLOBALEVENTID"]] * 2
    assert (first["MentionType"], first["MentionSourceName"], first["MentionIdentifier"], first["SentenceID"],
            first["Actor1CharOffset"], first["Actor2CharOffset"], first["Confidence"]) == \
        ("1", "news.example", "https://news.example/a", "1", "0", "14", "70")


def test_fixture_export_passes_the_codebook(tmp_path):
    store("NATO warned Russia.", [record(source_actor=NATO, target="RUS", cameo="172", quad=4, goldstein=-5.0,
                                         place="Idlib")], url="https://news.example/n")
    store("Turkey struck Russian positions.", [record(start=None)])
    out = tmp_path / "events.tsv"
    export_events(filter_events(EventFilter()), "gdelt", out)
    assert violations(out.read_text().splitlines(), COLUMNS, event_checks()) == []
    assert violations(mentions_path(out).read_text().splitlines(), MENTION_COLUMNS, mention_checks()) == []


def test_codebook_check_finds_a_bad_row():
    row = ["x"] * len(COLUMNS)
    assert len(violations(["\t".join(row)], COLUMNS, event_checks())) > 10


@pytest.mark.parametrize("name,country,geo_type", [
    ("Syria", "SYR", "1"), ("Lebanon", "USA", "3"), ("Washington", "USA", "3"), ("Texas", "USA", "2"),
    ("Idlib", "SYR", "4"), ("Nile", None, "4"),
])
def test_action_geo_type_follows_the_place_and_its_country(tmp_path, name, country, geo_type):
    rec = record(place=name)
    rec["location"]["country"] = country
    store("Turkey struck.", [rec])
    [row], _ = export_rows(tmp_path)
    assert row["ActionGeo_Type"] == geo_type
