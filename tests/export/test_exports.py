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
    return export_events(filter_events(f or EventFilter()), fmt, path).rows


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


@pytest.fixture
def no_store(monkeypatch):
    monkeypatch.setattr("detente.cli.store.open_existing_store", lambda options: None)


@pytest.mark.parametrize("argv", [[], ["--out", "-"]])
def test_export_writes_to_standard_output_without_out_or_with_dash(events, no_store, capsys, tmp_path,
                                                                    monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    code = main(["export", "--format", "csv", *argv])
    out, err = capsys.readouterr()
    rows = list(csv.DictReader(out.splitlines()))
    assert (code, [r["cameo"] for r in rows]) == (0, ["193", "111"])
    assert "written to standard output" in err and list(tmp_path.iterdir()) == []


def test_export_file_gets_the_users_umask(events, tmp_path):
    import os

    old = os.umask(0o022)
    try:
        export("csv", tmp_path / "e.csv")
    finally:
        os.umask(old)
    assert (tmp_path / "e.csv").stat().st_mode & 0o777 == 0o644


def test_parquet_export_has_the_batch_events_schema_and_versions(events, tmp_path):
    import pyarrow.parquet as pq

    from detente import __version__
    from detente.batch.schema import EVENTS

    export("parquet", tmp_path / "e.parquet")
    schema = pq.read_schema(tmp_path / "e.parquet")
    assert schema.names == EVENTS.names and [f.type for f in schema] == [f.type for f in EVENTS]
    metadata = {k.decode(): v.decode() for k, v in schema.metadata.items()}
    assert metadata["detente_version"] == __version__
    assert len(metadata["detente_table_cameo_codes"]) == 12


def test_parquet_export_has_null_not_empty_strings(events, tmp_path):
    import pyarrow.parquet as pq

    export("parquet", tmp_path / "e.parquet")
    rows = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert all(value != "" for row in rows for value in row.values())
    assert rows[1]["theatre"] is None and rows[1]["location_name"] is None


def test_parquet_export_carries_plover_mode_and_context(tmp_path):
    store("Turkey accused Russia of corruption.", [record(cameo="1121", quad=3, goldstein=-2.0)])
    store("Turkey criticized Russia.", [record("USA", "CHN", cameo="111", quad=3, goldstein=-2.0, start="2021-05-01")])
    import pyarrow.parquet as pq

    export("parquet", tmp_path / "e.parquet")
    rows = {r["cameo"]: r for r in pq.read_table(tmp_path / "e.parquet").to_pylist()}
    assert (rows["1121"]["plover_mode"], rows["1121"]["plover_context"]) == ("allege", "corruption;crime")
    assert (rows["111"]["plover_mode"], rows["111"]["plover_context"]) == ("disapprove", None)


def test_sqlite_export_holds_only_the_public_tables(events, tmp_path):
    import sqlite3

    from django.contrib.auth.models import User

    User.objects.create_user("reader", password="not-in-the-export-1")
    export("sqlite", tmp_path / "e.sqlite")
    db = sqlite3.connect(tmp_path / "e.sqlite")
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    dump = "\n".join(db.iterdump())
    assert tables == {"events", "mentions", "articles", "detente_metadata"}
    assert "reader" not in dump and "pbkdf2" not in dump and "argon2" not in dump
    assert db.execute("SELECT cameo, mentions FROM events ORDER BY event_id").fetchall() == [("193", 2), ("111", 1)]
    assert db.execute("SELECT COUNT(*) FROM mentions JOIN articles USING (article_id)").fetchone() == (3,)


def test_export_refuses_binary_format_on_a_terminal(no_store, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    code = main(["export", "--format", "parquet"])
    assert code == 2 and "[E200] --format parquet is binary" in capsys.readouterr().err


def test_export_command_writes_the_file(events, tmp_path, monkeypatch):
    monkeypatch.setattr("detente.cli.store.open_existing_store", lambda options: None)
    out = tmp_path / "events.tsv"
    code = main(["export", "--format", "gdelt", "--out", str(out), "--dyad", "TUR,RUS"])
    assert (code, len(gdelt_rows(out))) == (0, 2)
