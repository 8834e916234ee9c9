"""CSV, Parquet and GDELT 2.0 exports of the stored events."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from detente.cli import main
from detente.export import export_events
from detente.export.gdelt import COLUMNS
from detente.store import corrections
from detente.store.models import Event
from detente.store.queries import EventFilter, filter_events
from tests.store.factories import record, store

pytestmark = [pytest.mark.db, pytest.mark.django_db]


@pytest.fixture
def events():
    store("Turkish jets struck Russian positions.", [
        record(cameo="193", quad=4, goldstein=-10.0, start="2020-02-27", place="Idlib", theatre="Syria"),
        record("RUS", "TUR", cameo="111", quad=3, goldstein=-2.0, start="2020-03-05", span=(50, 60), index=2),
    ], date="2020-03-10", url="https://news.example/strike")
    store("A second report of the strike.", [record(cameo="190", start="2020-02-27")])


def export(fmt: str, path, f: EventFilter | None = None) -> int:
    return export_events(filter_events(f or EventFilter()), fmt, path)


def gdelt_rows(path) -> list[list[str]]:
    return [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def test_gdelt_rows_have_61_columns(events, tmp_path):
    export("gdelt", tmp_path / "e.tsv")
    assert {len(row) for row in gdelt_rows(tmp_path / "e.tsv")} == {61}


def test_gdelt_column_list_ends_with_dateadded_and_sourceurl():
    assert (len(COLUMNS), COLUMNS[:2], COLUMNS[-2:]) == (61, ("GLOBALEVENTID", "SQLDATE"), ("DATEADDED", "SOURCEURL"))


def test_gdelt_sqldate_is_the_event_date_not_the_publication_date(events, tmp_path):
    export("gdelt", tmp_path / "e.tsv")
    row = dict(zip(COLUMNS, gdelt_rows(tmp_path / "e.tsv")[0]))
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20200227", "202002", "2020")


def test_gdelt_codes_counts_and_source(events, tmp_path):
    export("gdelt", tmp_path / "e.tsv")
    row = dict(zip(COLUMNS, gdelt_rows(tmp_path / "e.tsv")[0]))
    assert ({k: row[k] for k in ("Actor1Code", "Actor1CountryCode", "Actor1Type1Code", "Actor2Code",
                                 "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "NumMentions",
                                 "NumArticles", "ActionGeo_FullName", "SOURCEURL")}) == \
        {"Actor1Code": "TURGOV", "Actor1CountryCode": "TUR", "Actor1Type1Code": "GOV", "Actor2Code": "RUSGOV",
         "EventCode": "193", "EventBaseCode": "193", "EventRootCode": "19", "QuadClass": "4",
         "NumMentions": "2", "NumArticles": "2", "ActionGeo_FullName": "Idlib",
         "SOURCEURL": "https://news.example/strike"}


def test_gdelt_dateadded_is_the_ingest_time(events, tmp_path):
    export("gdelt", tmp_path / "e.tsv")
    row = dict(zip(COLUMNS, gdelt_rows(tmp_path / "e.tsv")[0]))
    added = dt.datetime.strptime(row["DATEADDED"], "%Y%m%d%H%M%S").replace(tzinfo=dt.timezone.utc)
    assert abs((dt.datetime.now(dt.timezone.utc) - added).total_seconds()) < 600


def test_csv_has_a_header_and_one_row_per_event(events, tmp_path):
    export("csv", tmp_path / "e.csv")
    with (tmp_path / "e.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["cameo"], r["date_start"], r["mentions"]) for r in rows] == \
        [("193", "2020-02-27", "2"), ("111", "2020-03-05", "1")]


def test_parquet_round_trips_with_types(events, tmp_path):
    import pyarrow.parquet as pq

    export("parquet", tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    assert (table.num_rows, table.column("date_start").to_pylist(), table.column("goldstein").to_pylist()) == \
        (2, [dt.date(2020, 2, 27), dt.date(2020, 3, 5)], [-10.0, -2.0])


@pytest.mark.parametrize("fmt", ["csv", "parquet", "gdelt"])
def test_exports_use_corrections_and_leave_out_rejected_events(events, tmp_path, fmt):
    corrections.reject_event(Event.objects.get(cameo="111"), "analyst")
    corrections.correct_event(Event.objects.get(cameo="193"), "analyst", code="195")
    export(fmt, tmp_path / "out")
    assert exported_codes(fmt, tmp_path / "out") == ["195"]


def exported_codes(fmt: str, path) -> list[str]:
    if fmt == "gdelt":
        return [dict(zip(COLUMNS, row))["EventCode"] for row in gdelt_rows(path)]
    if fmt == "csv":
        with path.open(encoding="utf-8") as handle:
            return [row["cameo"] for row in csv.DictReader(handle)]
    import pyarrow.parquet as pq

    return pq.read_table(path).column("cameo").to_pylist()


def test_export_filters_by_quad_class(events, tmp_path):
    assert export("csv", tmp_path / "e.csv", EventFilter(quad=3)) == 1


def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(events, tmp_path, monkeypatch):
    target = tmp_path / "e.tsv"
    target.write_text("old\n")
    monkeypatch.setattr("detente.export.gdelt.gdelt_row", lambda event: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        export("gdelt", target)
    assert (target.read_text(), sorted(p.name for p in tmp_path.iterdir())) == ("old\n", ["e.tsv"])


def test_export_command_writes_the_file(events, tmp_path, monkeypatch):
    monkeypatch.setattr("detente.store.setup.open_store", lambda options: None)
    out = tmp_path / "events.tsv"
    code = main(["export", "--format", "gdelt", "--out", str(out), "--dyad", "TUR,RUS"])
    assert (code, len(gdelt_rows(out))) == (0, 2)
