"""The layering can be checked: import-linter's contracts, ruff, no import cycles, and no hidden imports.

The contracts (pyproject.toml, [tool.importlinter]) fix the layers: sources ->
analysis stages -> records -> store -> relations/export -> site and CLI. A
cycle between two modules fails here even inside one package, and an import
inside a function (Detente's own or another library's) is allowed only with a
comment saying why it waits: to keep ``detente --help`` fast, or until Django is set up.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "detente"
BIN = Path(sys.executable).parent
REASONS = ("--help", "Django")


def _run(*command: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_import_linter_contracts_are_kept():
    result = _run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_ruff_finds_nothing():
    result = _run(sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


@pytest.fixture(scope="module")
def module_edges() -> dict[str, set[str]]:
    graph = grimp.build_graph("detente", cache_dir=None)
    modules = {m for m in graph.modules if ".migrations." not in m}
    return {m: {i for i in graph.find_modules_directly_imported_by(m) if i in modules and i != m} for m in modules}


def test_no_import_cycle_between_modules(module_edges):
    assert _cycles(module_edges) == []


def test_no_import_cycle_between_packages(module_edges):
    def package(module: str) -> str:
        return ".".join(module.split(".")[:2])

    edges: dict[str, set[str]] = defaultdict(set)
    for module, imported in module_edges.items():
        edges[package(module)] |= {package(i) for i in imported if package(i) != package(module)}
    assert _cycles(dict(edges)) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def _import_runs(function: ast.AST):
    """Runs of consecutive import statements in the blocks of ``function``."""
    for node in ast.walk(function):
        for name in ("body", "orelse", "finalbody"):
            block = getattr(node, name, None)
            if not isinstance(block, list):
                continue
            run: list[ast.stmt] = []
            for statement in [*block, None]:
                if isinstance(statement, (ast.Import, ast.ImportFrom)):
                    run.append(statement)
                    continue
                if run:
                    yield run
                run = []


def _hidden_imports():
    """Imports inside functions whose run of imports has no comment (on the lines just above it or
    in it) saying why they wait: to keep ``--help`` fast, or until Django is set up."""
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).parts
        if "migrations" in parts or parts[:2] == ("events", "learned"):
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        functions = [n for n in ast.walk(ast.parse("\n".join(lines)))
                     if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        for run in {tuple(run) for function in functions for run in _import_runs(function)}:
            context = " ".join(lines[max(0, run[0].lineno - 3):run[-1].end_lineno])
            for node in run:
                if not any(reason in context for reason in REASONS):
                    yield f"{path.relative_to(ROOT)}:{node.lineno}: {lines[node.lineno - 1].strip()}"


def test_imports_inside_functions_say_why_they_wait():
    assert list(_hidden_imports()) == []
