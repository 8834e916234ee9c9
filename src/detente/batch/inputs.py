"""Corpus files in: fingerprints, partition planning and reading one partition.

A partition is a range of records of one input: ``partition_size`` lines of a
JSONL file (plain or gzip) or rows of a Parquet file. Planning streams each
file once (a JSONL line at a time; Parquet from its footer only), so no input
is ever held in memory whole, and the same inputs always give the same plan.
For plain JSONL the byte offset of each partition is kept so a worker can
seek straight to it. A gzip stream cannot be entered in the middle, so when
the job gives a spool directory, planning writes a plain copy of each gzip
input there in the same pass and partitions seek into the copy; without it,
every partition would decompress its file from the start (quadratic in the
number of partitions).
"""

from __future__ import annotations

import gzip
import os
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from detente.errors import InputError
from detente.ingest.jsonl import GZIP_ERRORS

from . import files
from .articles import parse_line

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")


@dataclass(frozen=True)
class InputFile:
    path: str
    size: int
    mtime_ns: int
    format: str   # "jsonl" | "parquet"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Partition:
    index: int          # position in the job, names the output files
    input: InputFile
    first: int          # first line (JSONL) or row (Parquet), 0-based
    count: int          # lines or rows in the partition
    offset: int | None  # byte offset of ``first`` in a plain JSONL file, else None
    read_from: str | None = None  # the plain copy of a gzip input that ``offset`` points into

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    def to_dict(self) -> dict:
        return {"index": self.index, "name": self.name, "input": self.input.path,
                "first": self.first, "count": self.count, "offset": self.offset, "read_from": self.read_from}


def input_format(path: str) -> str:
    lowered = path.lower()
    if lowered.endswith(PARQUET_SUFFIXES):
        return "parquet"
    if lowered.endswith(JSONL_SUFFIXES):
        return "jsonl"
    raise InputError(f"{path}: unknown corpus format; give a .jsonl, .jsonl.gz or .parquet file")


def describe_input(path: str | os.PathLike) -> InputFile:
    """Size and modification time identify an input's version for resuming."""
    path = str(Path(path).resolve())
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the corpus ({exc.strerror}); check the path") from exc
    return InputFile(path, stat.st_size, stat.st_mtime_ns, input_format(path))


def _open_lines(path: str):
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def _jsonl_starts(path: str, size: int) -> Iterator[tuple[int, int | None]]:
    """(line number, byte offset or None) of every ``size``-th line, then (line count, None)."""
    plain = not path.lower().endswith(".gz")
    offset = lines = 0
    with _open_lines(path) as stream:
        for line in stream:
            if lines % size == 0:
                yield lines, offset if plain else None
            offset += len(line)
            lines += 1
    yield lines, None


def _unreadable(path: str, exc: Exception) -> InputError:
    return InputError(f"{path}: cannot be read to the end ({exc}); re-create or re-download it")


def plain_copy(item: InputFile, spool: Path) -> str:
    """A decompressed copy of the gzip input ``item`` under ``spool`` (made once, atomically)."""
    stem = Path(item.path).name.rsplit(".", 1)[0]
    target = Path(spool) / f"{stem}-{item.size}-{item.mtime_ns}"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with gzip.open(item.path, "rb") as source:
                files.write_stream(source, target, shutil.copyfileobj)
        except GZIP_ERRORS as exc:
            raise _unreadable(item.path, exc) from None
    return str(target)


def _jsonl_ranges(path: str, size: int) -> Iterator[tuple[int, int, int | None]]:
    try:
        starts = list(_jsonl_starts(path, size))
    except GZIP_ERRORS as exc:
        raise _unreadable(path, exc) from None
    for (first, offset), (following, _) in zip(starts, starts[1:]):
        yield first, following - first, offset


def _parquet_ranges(path: str, size: int) -> Iterator[tuple[int, int, int | None]]:
    try:
        rows = pq.ParquetFile(path).metadata.num_rows
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{path}: not a readable Parquet file ({exc}); re-create it") from None
    for first in range(0, rows, size):
        yield first, min(size, rows - first), None


def plan_partitions(inputs: list[InputFile], size: int, spool: Path | None = None) -> list[Partition]:
    """The job's partitions, in input order then record order; gzip inputs are copied
    plain into ``spool`` when given."""
    partitions = []
    for item in inputs:
        read_from = None
        if spool is not None and item.format == "jsonl" and item.path.lower().endswith(".gz"):
            read_from = plain_copy(item, spool)
        ranges = _parquet_ranges if item.format == "parquet" else _jsonl_ranges
        for first, count, offset in ranges(read_from or item.path, size):
            partitions.append(Partition(len(partitions), item, first, count, offset, read_from))
    return partitions


def _jsonl_records(part: Partition) -> Iterator[tuple[int, dict | Exception]]:
    try:
        yield from _jsonl_lines(part)
    except GZIP_ERRORS as exc:  # the input changed or broke since planning: one error, not a crash loop
        yield part.first + part.count - 1, _unreadable(part.input.path, exc)


def _jsonl_lines(part: Partition) -> Iterator[tuple[int, dict | Exception]]:
    with _open_lines(part.read_from or part.input.path) as stream:
        if part.offset is not None:
            stream.seek(part.offset)
            lines = enumerate(stream, part.first)
        else:
            lines = ((n, line) for n, line in enumerate(stream) if n >= part.first)
        for number, line in lines:
            if number >= part.first + part.count:
                break
            if line.strip():
                yield number, _parse_line(line)


def _parse_line(line: bytes) -> dict | Exception:
    try:
        return parse_line(line)
    except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return exc


def _row_groups(metadata, first: int, count: int) -> tuple[list[int], int]:
    """The row groups holding rows [first, first + count) and the row number the first one starts at."""
    groups, start, offset = [], None, 0
    for index in range(metadata.num_row_groups):
        rows = metadata.row_group(index).num_rows
        if offset < first + count and offset + rows > first:
            groups.append(index)
            start = offset if start is None else start
        offset += rows
    return groups, start or 0


def _parquet_records(part: Partition) -> Iterator[tuple[int, dict | Exception]]:
    """Only the row groups overlapping the partition are read."""
    reader = pq.ParquetFile(part.input.path)
    groups, start = _row_groups(reader.metadata, part.first, part.count)
    table = reader.read_row_groups(groups).slice(part.first - start, part.count)
    for offset, record in enumerate(table.to_pylist()):
        yield part.first + offset, record


def read_partition(part: Partition) -> Iterator[tuple[int, dict | Exception]]:
    """(record number, record dict or the reason it could not be parsed) in file order."""
    reader = _parquet_records if part.input.format == "parquet" else _jsonl_records
    yield from reader(part)
