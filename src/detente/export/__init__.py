"""Exports of the stored events: CSV, Parquet and the GDELT 2.0 event table."""

from __future__ import annotations

from pathlib import Path

from detente.errors import OptionError

FORMATS = ("csv", "parquet", "gdelt")


def export_events(events, fmt: str, out: str | Path) -> int:
    """Write ``events`` (an Event iterable, mentions prefetched) to ``out``; returns the row count."""
    from .gdelt import write_gdelt
    from .tables import write_csv, write_parquet

    writers = {"csv": write_csv, "parquet": write_parquet, "gdelt": write_gdelt}
    if fmt not in writers:
        raise OptionError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return writers[fmt](events, out)
