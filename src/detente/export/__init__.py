"""Exports of the stored events: CSV, Parquet, SQLite and the GDELT 2.0 Event and Mentions tables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from detente.errors import OptionError

FORMATS = ("csv", "parquet", "sqlite", "gdelt", "gdelt-mentions")
BINARY_FORMATS = ("parquet", "sqlite")


@dataclass
class ExportResult:
    rows: int
    what: str = "events"
    note: str = ""           # e.g. where a second table went, or rows left out and why


def export_events(events, fmt: str, out: str | Path | None) -> ExportResult:
    """Write ``events`` (an Event iterable, mentions prefetched) to ``out`` (a path, or - / None for stdout)."""
    from .gdelt import write_gdelt, write_gdelt_mentions
    from .sqlite import write_sqlite
    from .tables import write_csv, write_parquet

    writers = {"csv": write_csv, "parquet": write_parquet, "sqlite": write_sqlite, "gdelt": write_gdelt,
               "gdelt-mentions": write_gdelt_mentions}
    if fmt not in writers:
        raise OptionError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    result = writers[fmt](events, out)
    return result if isinstance(result, ExportResult) else ExportResult(result)
