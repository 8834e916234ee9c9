"""What a file's metadata says about the code that wrote it: Detente's version and its code tables'.

A code table's version is the first 12 hex digits of the SHA-256 of the
packaged file, so two files coded with the same tables carry the same value.
"""

from __future__ import annotations

import functools
import hashlib

from detente import __version__
from detente.data import read_bytes
from detente.errors import DataError

CODE_TABLES = {
    "cameo_codes": ("detente.events", "data/cameo_codes.json"),
    "plover_modes": ("detente.events", "data/plover_modes.json"),
    "verbs_petrarch": ("detente.events", "data/verbs_petrarch.json"),
    "verbs_detente": ("detente.events", "data/verbs_detente.json"),
    "actors_phoenix": ("detente.actors", "data/phoenix_actors.jsonl.gz"),
    "actors_organisations": ("detente.actors", "data/organisations.tsv"),
}


def _digest(package: str, name: str) -> str:
    try:
        data = read_bytes(package.removeprefix("detente."), name.removeprefix("data/"))
    except (DataError, ModuleNotFoundError):
        return "absent"
    return hashlib.sha256(data).hexdigest()[:12]


@functools.cache
def file_metadata() -> dict[str, str]:
    """``{"detente_version": "0.1.0", "detente_table_cameo_codes": "3f2a…", ...}``."""
    metadata = {"detente_version": __version__}
    metadata.update({f"detente_table_{key}": _digest(*where) for key, where in CODE_TABLES.items()})
    return metadata
