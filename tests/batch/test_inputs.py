"""Partition planning and reading, without Dask."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from detente.batch.inputs import describe_input, plan_partitions, read_partition

from .conftest import article_record, write_jsonl


def _records(paths, size):
    plan = plan_partitions([describe_input(p) for p in paths], size)
    return plan, [[r["id"] for _, r in read_partition(part)] for part in plan]


@pytest.mark.parametrize("size", [1, 4, 7, 30])
@pytest.mark.parametrize("name", ["c.jsonl", "c.jsonl.gz"])
def test_partitions_cover_every_record_once_in_order(tmp_path, name, size):
    path = write_jsonl(tmp_path / name, [article_record(i) for i in range(23)])
    plan, ids = _records([path], size)
    assert [i for part in ids for i in part] == [article_record(i)["id"] for i in range(23)]
    assert all(len(part) <= size for part in ids)


def test_plain_jsonl_partitions_record_their_byte_offset(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [article_record(i) for i in range(10)])
    plan = plan_partitions([describe_input(path)], 3)
    data = path.read_bytes()
    assert [data[p.offset:].split(b"\n", 1)[0].count(f'"art-{p.first:03d}"'.encode()) for p in plan] == [1] * 4


def test_parquet_partitions_match_jsonl_partitions(tmp_path):
    records = [article_record(i) for i in range(11)]
    jsonl = write_jsonl(tmp_path / "c.jsonl", records)
    parquet = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(records), parquet, row_group_size=4)
    assert _records([parquet], 3)[1] == _records([jsonl], 3)[1]


def test_partitions_are_numbered_across_inputs(tmp_path):
    first = write_jsonl(tmp_path / "a.jsonl", [article_record(i) for i in range(5)])
    second = write_jsonl(tmp_path / "b.jsonl", [article_record(i) for i in range(5, 9)])
    plan, _ = _records([first, second], 2)
    assert [(p.name, p.input.path.endswith("b.jsonl")) for p in plan] == [
        ("part-00000", False), ("part-00001", False), ("part-00002", False),
        ("part-00003", True), ("part-00004", True)]


@pytest.mark.parametrize(("name", "message"), [("c.jsonl.gz", "cannot be read to the end"),
                                                 ("c.parquet", "not a readable Parquet file")])
def test_planning_a_truncated_corpus_says_so(tmp_path, name, message):
    from detente.errors import InputError

    path = tmp_path / name
    if name.endswith(".gz"):
        write_jsonl(path, [article_record(i) for i in range(40)])
    else:
        pq.write_table(pa.Table.from_pylist([article_record(i) for i in range(40)]), path)
    path.write_bytes(path.read_bytes()[:-200])
    with pytest.raises(InputError, match=message):
        plan_partitions([describe_input(path)], 10)


def test_gzip_partitions_seek_into_one_plain_copy(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl.gz", [article_record(i) for i in range(10)])
    spooled = plan_partitions([describe_input(path)], 3, tmp_path / "spool")
    copies = list((tmp_path / "spool").iterdir())
    assert len(copies) == 1 and {p.read_from for p in spooled} == {str(copies[0])}
    assert all(p.offset is not None for p in spooled)
    assert [[r["id"] for _, r in read_partition(p)] for p in spooled] == _records([path], 3)[1]


def test_a_truncated_gzip_leaves_no_plain_copy(tmp_path):
    from detente.errors import InputError

    path = write_jsonl(tmp_path / "c.jsonl.gz", [article_record(i) for i in range(40)])
    path.write_bytes(path.read_bytes()[:-200])
    with pytest.raises(InputError, match="cannot be read to the end"):
        plan_partitions([describe_input(path)], 10, tmp_path / "spool")
    assert list((tmp_path / "spool").iterdir()) == []


def test_a_gzip_with_corrupt_deflate_data_is_a_one_line_input_error(tmp_path):
    from detente.errors import InputError

    path = write_jsonl(tmp_path / "c.jsonl.gz", [article_record(i) for i in range(5)])
    path.write_bytes(path.read_bytes() + b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + b"\xff" * 64)
    for spool in (None, tmp_path / "spool"):
        with pytest.raises(InputError, match="cannot be read to the end"):
            plan_partitions([describe_input(path)], 2, spool)


def test_a_deeply_nested_line_is_one_bad_record_of_its_partition(tmp_path):
    import json

    path = tmp_path / "c.jsonl"
    path.write_bytes(json.dumps(article_record(0)).encode() + b"\n" + b"[" * 100_000 + b"\n"
                     + json.dumps(article_record(1)).encode() + b"\n")
    [part] = plan_partitions([describe_input(path)], 10)
    records = [r for _, r in read_partition(part)]
    assert records[0]["id"] == "art-000" and isinstance(records[1], ValueError) and records[2]["id"] == "art-001"
