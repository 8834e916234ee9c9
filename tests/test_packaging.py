"""The two distributions: `detente` (complete, the README's `pip install .`) and the slim `detente-core`.

They build the same package; the slim one leaves out the site, the store, the
batch engine and the read-outs' libraries. .ci/fresh-install installs the slim
one in a fresh venv and runs the spaCy components and `detente analyze` there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution, packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from detente.cli import FULL_INSTALL_MODULES, missing_dependency

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "packaging" / "detente-core"


def project(path: Path) -> dict:
    return tomllib.loads((path / "pyproject.toml").read_text(encoding="utf-8"))["project"]


FULL, SLIM = project(ROOT), project(CORE)


def by_name(requirements: list[str]) -> dict[str, str]:
    return {canonicalize_name(Requirement(r).name): r for r in requirements}


def import_names() -> dict[str, set[str]]:
    """Distribution name -> the top-level modules it installs (in this, the complete, environment)."""
    names: dict[str, set[str]] = {}
    for module, dists in packages_distributions().items():
        for dist in dists:
            names.setdefault(canonicalize_name(dist), set()).add(module)
    return names


def installed_with(names) -> set[str]:
    """``names`` and every distribution they require, as installed here."""
    seen: set[str] = set()
    todo = [canonicalize_name(n) for n in names]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = distribution(name).requires or []
        except PackageNotFoundError:
            continue
        for requirement in map(Requirement, requires):
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(canonicalize_name(requirement.name))
    return seen


def test_the_slim_distribution_builds_the_same_package():
    assert (CORE / "src").resolve() == ROOT / "src"
    assert SLIM["name"] == "detente-core" and FULL["name"] == "detente"
    for key in ("version", "requires-python", "scripts", "entry-points"):
        assert SLIM[key] == FULL[key], key


def test_the_slim_dependencies_are_pinned_as_in_the_complete_one():
    full = by_name(FULL["dependencies"])
    assert {name: full.get(name) for name in by_name(SLIM["dependencies"])} == by_name(SLIM["dependencies"])


def test_the_slim_install_leaves_out_the_heavy_libraries():
    left_out = set(by_name(FULL["dependencies"])) - set(by_name(SLIM["dependencies"]))
    assert {"django", "dask", "duckdb", "matplotlib", "psycopg", "pandas", "pyarrow"} <= left_out


def test_the_cli_names_the_complete_install_for_every_library_the_slim_one_leaves_out():
    modules = import_names()
    slim = installed_with(by_name(SLIM["dependencies"]))
    left_out = set(by_name(FULL["dependencies"])) - slim
    assert {dist for dist in left_out if not modules.get(dist, set()) & FULL_INSTALL_MODULES} == set()
    kept = {module for dist in slim for module in modules.get(dist, ())}
    assert kept & FULL_INSTALL_MODULES == set()


def test_a_command_missing_a_library_of_the_complete_install_says_what_to_install(tmp_path):
    """`detente events` where Django cannot be imported (as in the slim install): one line, exit 2."""
    code = "import sys; sys.modules['django'] = None; from detente.cli import main; sys.exit(main(['events']))"
    env = {**os.environ, "DETENTE_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.startswith("detente: error: [E700] `detente events` needs django")
    assert "pip install detente" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists()


def test_a_missing_module_of_the_core_is_not_taken_for_the_slim_install():
    assert missing_dependency("analyze", ModuleNotFoundError("x", name="spacy.lang")) is None
    error = missing_dependency("timeline", ModuleNotFoundError("x", name="matplotlib.pyplot"))
    assert error is not None and error.code == "E700" and "matplotlib" in str(error)
