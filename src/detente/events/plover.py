"""PLOVER type, mode and context of a CAMEO code, as the CAMEO-to-PLOVER mapping gives them.

The table (``data/plover_modes.json``, CC BY-SA 4.0, see data/NOTICE.md) is
derived from openeventdata/PLOVER ``CAMEO2PLOVER-2021.txt``; a code the
mapping does not list takes its nearest listed parent (``0311`` -> ``031``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from detente.data import read_json


@dataclass(frozen=True)
class PloverCoding:
    type: str | None
    mode: str | None
    context: str | None     # contexts joined with ";" ("corruption;crime"), None when the mapping gives none


NONE = PloverCoding(None, None, None)


@functools.cache
def _table() -> dict[str, dict]:
    return read_json("events", "plover_modes.json", "regenerate it with `python tools/build_plover_modes.py`")["codes"]


def plover_coding(cameo: str | None) -> PloverCoding:
    """The mapping's coding of ``cameo`` (or of its nearest listed parent); NONE when unmapped."""
    code = (cameo or "").strip()
    table = _table()
    while code and code not in table:
        code = code[:-1]
    if len(code) < 2:
        return NONE
    entry = table[code]
    return PloverCoding(entry["type"] or None, entry["mode"] or None, ";".join(entry["contexts"]) or None)
