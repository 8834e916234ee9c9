"""Regenerate src/detente/events/data/cameo_codes.json from the shared reference data.

Reads (only here, never at run time):
  ../shared/reference/cameo/cameo_codebook.jsonl   (MIT, andybega/icews)
  ../shared/reference/cameo/cameo_goldstein.json   (MIT, andybega/icews)
  ../shared/reference/plover/CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, openeventdata/PLOVER)

Writes one JSON object: code -> {"name", "goldstein", "plover"}. Codes the
PLOVER table does not list take the PLOVER type of their nearest listed parent;
CAMEO 02 (appeals), which the 2021 table leaves out, is given REQUEST by
Detente (PLOVER folds appeals into REQUEST); CAMEO 01 (statements) has no
PLOVER type and keeps "".

Usage: python tools/build_cameo_data.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "detente" / "events" / "data" / "cameo_codes.json"
PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]*)\s*,?(.*?)(?:#\s*(.*))?$")
DETENTE_PLOVER = {"02": "REQUEST"}
# CAMEO names for the few codes neither source names (from the CAMEO manual's headings).
DETENTE_NAMES = {"02": "Appeal", "020": "Make an appeal or request", "017": "Engage in symbolic act"}


def read_codebook(path: Path) -> dict[str, dict]:
    codes = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        code = item["id"].removeprefix("CAMEO-")
        codes[code] = {"name": item["meta"]["name"], "goldstein": item["meta"]["goldstein"]}
    return codes


def read_plover(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """PLOVER type per listed code, and the descriptive name in each line's comment."""
    types, names = {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PLOVER_LINE.match(line.strip())
        if not match:
            continue
        code, kind, _, comment = match.groups()
        if kind:
            types.setdefault(code, kind)
        if comment:
            names.setdefault(code, comment.strip())
    return types, names


def plover_for(code: str, types: dict[str, str]) -> str:
    for prefix in (code, code[:3], code[:2]):
        if prefix in types:
            return types[prefix]
    return DETENTE_PLOVER.get(code[:2], "")


def name_for(code: str, codebook: dict, plover_names: dict) -> str:
    if code in codebook:
        return codebook[code]["name"]
    if code in plover_names:
        return plover_names[code]
    if code in DETENTE_NAMES:
        return DETENTE_NAMES[code]
    if len(code) == 2:
        return name_for(code + "0", codebook, plover_names)
    return codebook.get(code[:3], {}).get("name", "")


def build(shared: Path) -> dict[str, dict]:
    codebook = read_codebook(shared / "reference/cameo/cameo_codebook.jsonl")
    goldstein = json.loads((shared / "reference/cameo/cameo_goldstein.json").read_text())
    types, plover_names = read_plover(shared / "reference/plover/CAMEO2PLOVER-2021.txt")
    table = {}
    for code in sorted(set(codebook) | set(goldstein)):
        score = goldstein.get(code, codebook.get(code, {}).get("goldstein"))
        table[code] = {"name": name_for(code, codebook, plover_names),
                       "goldstein": float(score) if score is not None else 0.0,
                       "plover": plover_for(code, types)}
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    table = build(args.shared)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} codes to {OUT}")


if __name__ == "__main__":
    main()
