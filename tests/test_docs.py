"""Docs are tested: every command, option and setting appears in README.md or docs/."""

from pathlib import Path

import pytest

from detente.cli import build_parser
from detente.settings import SETTINGS

ROOT = Path(__file__).resolve().parent.parent


def docs_text() -> str:
    parts = [(ROOT / "README.md").read_text(encoding="utf-8")]
    parts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join(parts)


def subcommands():
    parser = build_parser()
    return parser._subparsers._group_actions[0].choices


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_docs_mention_every_command(name):
    assert f"detente {name}" in docs_text()


def _long_options():
    for name, parser in sorted(subcommands().items()):
        for action in parser._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    yield name, flag


@pytest.mark.parametrize("command,flag", sorted(set(_long_options())))
def test_docs_mention_every_option(command, flag):
    assert flag in docs_text(), f"`detente {command} {flag}` is not documented"


@pytest.mark.parametrize("env", [s.env for s in SETTINGS])
def test_docs_mention_every_setting(env):
    assert env in docs_text()


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[:1500]
    assert "make demo" in head and "make test" in head


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
