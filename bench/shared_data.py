"""Where the benchmarks find ../shared (the corpora): $DETENTE_SHARED, else beside the project."""

from __future__ import annotations

import os
from pathlib import Path


def shared_dir() -> Path:
    default = Path(__file__).resolve().parents[1].parent / "shared"
    return Path(os.environ.get("DETENTE_SHARED", default))


def corpus_path(name: str = "wh_briefings.jsonl.gz") -> Path:
    return shared_dir() / "corpora" / name
