"""The CAMEO code table: name, quad class, Goldstein score and PLOVER type per code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from detente.data import read_json
from detente.errors import DataError

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation",
                3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    plover: str


def quad_class(root: str) -> int:
    """1 = roots 01-05, 2 = 06-08, 3 = 09-13, 4 = 14-20."""
    number = int(root)
    if not 1 <= number <= 20:
        raise DataError(f"CAMEO root {root!r} is outside 01-20; use a code from the CAMEO codebook")
    return 1 if number <= 5 else 2 if number <= 8 else 3 if number <= 13 else 4


@lru_cache(maxsize=1)
def code_table() -> dict[str, dict]:
    """The packaged table (code -> name, goldstein, plover)."""
    return read_json("events", "cameo_codes.json", "regenerate it with `python tools/build_cameo_data.py`")


@lru_cache(maxsize=None)
def describe(code: str) -> CameoCode:
    """Everything known about one CAMEO event code, or DataError if it is not a code."""
    entry = code_table().get(str(code))
    if entry is None:
        raise DataError(f"unknown CAMEO event code {code!r}: use a 2-4 digit code from the "
                        "CAMEO codebook, such as '042' or '1383'")
    root = code[:2]
    return CameoCode(code=code, root=root, name=entry["name"], quad_class=quad_class(root),
                     goldstein=entry["goldstein"], plover=entry["plover"])


def is_code(code: str) -> bool:
    return str(code) in code_table()


def plover_types() -> frozenset[str]:
    """Every PLOVER event type the table maps to."""
    return frozenset(e["plover"] for e in code_table().values() if e["plover"])
