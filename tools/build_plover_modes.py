"""Regenerate src/detente/events/data/plover_modes.json from ../shared/reference/plover/CAMEO2PLOVER-2021.txt.

Each line of the mapping reads ``CODE: TYPE, MODE, CONTEXT # comment``; the
JSON keeps, for each CAMEO code, the PLOVER type, mode and contexts the
mapping gives (mode null and contexts empty where it gives none). Run by a
developer only; the installed program reads the JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()), ROOT.parent / "shared")
SOURCE = SHARED / "reference" / "plover" / "CAMEO2PLOVER-2021.txt"
TARGET = ROOT / "src" / "detente" / "events" / "data" / "plover_modes.json"


def parse_line(line: str) -> tuple[str, dict] | None:
    body = line.split("#", 1)[0].strip()
    if not body or ":" not in body:
        return None
    code, _, mapping = body.partition(":")
    parts = [part.strip() for part in mapping.split(",")]
    parts += [""] * (3 - len(parts))
    kind, mode, context = parts[0], parts[1], ",".join(parts[2:])
    contexts = sorted({c.strip() for c in context.replace(",", ";").split(";") if c.strip()})
    return code.strip(), {"type": kind or None, "mode": mode or None, "contexts": contexts}


def main(source: Path = SOURCE, target: Path = TARGET) -> int:
    table = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        parsed = parse_line(line)
        if parsed is not None:
            table.setdefault(parsed[0], parsed[1])  # the first line of a code wins, as in build_cameo_data
    document = {"source": "openeventdata/PLOVER CAMEO2PLOVER-2021.txt (Draft 0.8, 17-September-2021)",
                "license": "CC BY-SA 4.0", "codes": dict(sorted(table.items()))}
    target.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(table)} codes written to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
