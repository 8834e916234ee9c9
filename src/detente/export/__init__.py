"""Exports of the stored events: CSV, Parquet, SQLite and the GDELT 2.0 Event and Mentions tables."""

from __future__ import annotations

from pathlib import Path

from detente.errors import OptionError

from .result import ExportResult

FORMATS = ("csv", "parquet", "sqlite", "gdelt", "gdelt-mentions")
BINARY_FORMATS = ("parquet", "sqlite")


def export_events(events, fmt: str, out: str | Path | None) -> ExportResult:
    """Write ``events`` (an Event iterable, mentions prefetched) to ``out`` (a path, or - / None for stdout)."""
    # imported here to keep `detente --help` fast: the CLI's parser imports FORMATS from this package
    from .gdelt import write_gdelt, write_gdelt_mentions
    from .sqlite import write_sqlite
    from .tables import write_csv, write_parquet

    writers = {"csv": write_csv, "parquet": write_parquet, "sqlite": write_sqlite, "gdelt": write_gdelt,
               "gdelt-mentions": write_gdelt_mentions}
    if fmt not in writers:
        raise OptionError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    result = writers[fmt](events, out)
    return result if isinstance(result, ExportResult) else ExportResult(result)
