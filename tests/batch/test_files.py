"""Atomic writes leave a whole file or none; leftovers of a killed writer are removed."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from detente.batch import files


def test_parquet_write_leaves_only_the_final_file(tmp_path):
    files.write_parquet(pa.table({"a": [1, 2]}), tmp_path / "events" / "part-00000.parquet")
    assert [p.name for p in (tmp_path / "events").iterdir()] == ["part-00000.parquet"]


def test_parquet_write_replaces_an_older_file_whole(tmp_path):
    path = tmp_path / "part-00000.parquet"
    files.write_parquet(pa.table({"a": [1, 2]}), path)
    files.write_parquet(pa.table({"a": [3]}), path)
    assert pq.read_table(path).to_pylist() == [{"a": 3}]


def test_stale_temporary_files_are_removed_and_others_kept(tmp_path):
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / ".part-00001.parquet.0123abcd.tmp").write_bytes(b"half a file")
    files.write_json({"done": True}, tmp_path / "_partitions" / "part-00000.json")
    files.remove_stale_temps(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "_partitions/part-00000.json"]
