"""Floors that can only be raised: a floors file against every committed version of it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def committed_versions(path_in_git: str) -> list[dict[str, float]]:
    """The "floors" of every committed version of the file (skips without git history)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("git or the repository history is not available to check floor history")
    log = subprocess.run(["git", "log", "--format=%H", "--", path_in_git], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    versions = []
    for commit in log:
        shown = subprocess.run(["git", "show", f"{commit}:{path_in_git}"], cwd=ROOT,
                               capture_output=True, text=True)
        if shown.returncode == 0:
            versions.append(json.loads(shown.stdout)["floors"])
    return versions


def assert_never_lowered(current: dict[str, float], path_in_git: str) -> None:
    for version in committed_versions(path_in_git):
        for name, value in version.items():
            assert name in current, f"floor {name} was removed; floors can only be raised"
            assert current[name] >= value, f"floor {name} lowered from {value} to {current[name]}"
