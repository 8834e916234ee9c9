"""The DuckDB timeline over batch output equals the database timeline after `detente load`."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.relations.timeline import ActorFilter, DyadQuery, timeline_for

from .output_fixture import write_output

RUS, TUR, FRA = (ActorFilter(label=c, country=c) for c in ("RUS", "TUR", "FRA"))


QUERIES = [
    DyadQuery(RUS, TUR, by="month"),
    DyadQuery(TUR, RUS, by="week"),
    DyadQuery(RUS, TUR, by="quarter", theatre="syria"),
    DyadQuery(RUS, TUR, by="month", since=dt.date(2020, 2, 5), until=dt.date(2020, 5, 31)),
    DyadQuery(ActorFilter(label="Russia", code="RUSGOV"), TUR, by="year"),
    DyadQuery(FRA, TUR, by="month"),
]


@pytest.mark.db
@pytest.mark.django_db(transaction=True, reset_sequences=True)
@pytest.mark.parametrize("query", QUERIES, ids=lambda q: f"{q.a.label}-{q.b.label}-{q.by}-{q.theatre}-{q.since}")
def test_duckdb_timeline_equals_database_timeline(tmp_path, query):
    from detente.relations.db import DatabaseBackend
    from detente.relations.parquet import ParquetBackend
    from detente.store.bulk import load_output

    out = write_output(tmp_path / "out")
    load_output(out)
    from_db = timeline_for(DatabaseBackend(), query)
    assert from_db.events > 0
    assert timeline_for(ParquetBackend(out), query).to_dict() == from_db.to_dict()


def test_duckdb_timeline_counts_duplicate_articles_once(tmp_path):
    from detente.relations.parquet import ParquetBackend

    once = write_output(tmp_path / "once", partitions=1)
    twice = write_output(tmp_path / "twice", partitions=1)
    (twice / "articles/part-00001.parquet").write_bytes((once / "articles/part-00000.parquet").read_bytes())
    (twice / "events/part-00001.parquet").write_bytes((once / "events/part-00000.parquet").read_bytes())
    (twice / "_partitions/part-00001.json").write_bytes((once / "_partitions/part-00000.json").read_bytes())
    query = DyadQuery(RUS, TUR)
    assert timeline_for(ParquetBackend(twice), query).to_dict() == timeline_for(ParquetBackend(once), query).to_dict()


@pytest.mark.db
@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_timeline_command_prints_the_same_from_parquet_as_from_the_database(tmp_path, capsys):
    from detente.cli import main
    from detente.store.bulk import load_output

    out = write_output(tmp_path / "out")
    load_output(out)
    argv = ["timeline", "RUS", "TUR", "--by", "month", "--format", "json"]
    main(argv)
    from_db = capsys.readouterr().out
    main([*argv, "--parquet", str(out)])
    assert capsys.readouterr().out == from_db and '"events": ' in from_db
