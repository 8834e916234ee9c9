"""Read a gold file in the shared format: one {"id", "text", "date", "events": [...]} per line."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from detente.errors import InputError, RecordError

from .labels import normalise_actor


@dataclass(frozen=True)
class GoldEvent:
    source: str | None        # ISO alpha-3 (after normalising), IGO..., or None (unnamed)
    target: str | None
    code: str                 # a CAMEO code ("0871") or a PLOVER type ("AGREE")
    modality: str | None = None


@dataclass
class GoldItem:
    id: str
    text: str
    date: dt.date | None
    events: list[GoldEvent] = field(default_factory=list)
    scored_from: int = 0      # characters before this are context: events there are not scored


def _event(raw: dict, normalise) -> GoldEvent:
    code = raw.get("code") or raw.get("root_code")
    if not code:
        raise ValueError("an event has neither 'code' nor 'root_code'")
    return GoldEvent(source=normalise(raw.get("source")), target=normalise(raw.get("target")),
                     code=str(code).strip(), modality=raw.get("modality"))


def parse_line(line: str, normalise) -> GoldItem:
    raw = json.loads(line)
    date = dt.date.fromisoformat(raw["date"]) if raw.get("date") else None
    return GoldItem(id=str(raw["id"]), text=raw["text"], date=date,
                    events=[_event(e, normalise) for e in raw.get("events") or []],
                    scored_from=int(raw.get("scored_from") or 0))


def read_gold(path: str | Path) -> list[GoldItem]:
    """Every item of a gold file; a malformed line raises RecordError naming the line."""

    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the gold file {path}: {exc.strerror}; "
                         "give the path of a JSONL gold file") from exc
    items = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            items.append(parse_line(line, normalise_actor))
        except (ValueError, KeyError, TypeError) as exc:
            raise RecordError(f"{path}:{number}: not a gold item ({exc}); each line needs "
                              '"id", "text" and "events" with "code" or "root_code"') from exc
    if not items:
        raise InputError(f"the gold file {path} has no items; it needs one JSON object per line")
    return items
