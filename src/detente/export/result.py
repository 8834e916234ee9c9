"""What one export wrote."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ExportResult:
    rows: int
    what: str = "events"
    note: str = ""           # e.g. where a second table went, or rows left out and why
