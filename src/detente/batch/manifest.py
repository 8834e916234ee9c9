"""The manifest of a batch job and the check that lets a rerun resume it.

The *plan key* hashes everything that decides the output: the inputs (path,
size, modification time), the partition size, the spaCy model and Detente's
version. A partition whose marker carries the current plan key is finished
and is skipped by a rerun; an output directory made from other inputs or
options is refused rather than mixed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from detente import __version__
from detente.errors import OptionError
from detente.settings import Options

from . import files, layout
from .inputs import InputFile, Partition


def plan_key(inputs: list[InputFile], partition_size: int, options: Options) -> str:
    basis = {"inputs": [i.to_dict() for i in inputs], "partition_size": partition_size,
             "model": options.spacy_model, "detente": __version__}
    return hashlib.sha256(json.dumps(basis, sort_keys=True).encode()).hexdigest()[:24]


def check_resumable(out: Path, key: str) -> None:
    """Refuse to write into an output directory made from other inputs or options."""
    existing = files.read_json(layout.manifest_path(out))
    if existing is not None and existing.get("plan_key") != key:
        raise OptionError(
            f"{out} holds the output of a job over other inputs or options (a corpus changed, or "
            f"--partition-size/--model differ); give a new --out directory or delete {out}")


def finished(out: Path, part: Partition, key: str) -> dict | None:
    """The marker of a partition finished under this plan, or None."""
    marker = files.read_json(layout.marker_path(out, part.name))
    if marker is None or marker.get("plan_key") != key:
        return None
    tables_present = all(layout.table_path(out, t, part.name).exists() for t in layout.TABLE_NAMES)
    return marker if tables_present else None


def build(inputs, plan, key, partition_size, options, markers: dict[str, dict]) -> dict:
    """The manifest: deterministic, so a resumed job writes the same one as an uninterrupted job."""
    partitions = []
    for part in plan:
        entry = part.to_dict()
        marker = markers.get(part.name)
        entry.update(done=marker is not None,
                     **{k: (marker or {}).get(k, 0) for k in ("articles", "events", "failed")})
        partitions.append(entry)
    totals = {k: sum(p[k] for p in partitions) for k in ("articles", "events", "failed")}
    return {"detente_version": __version__, "model": options.spacy_model, "plan_key": key,
            "complete": all(p["done"] for p in partitions),
            "options": {"partition_size": partition_size, "batch_size": options.batch_size},
            "inputs": [i.to_dict() for i in inputs], "partitions": partitions, "counts": totals}
