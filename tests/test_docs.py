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


def _doc_command_lines():
    """Command lines shown in the docs' indented blocks (continuations joined, comments dropped)."""
    import re

    for path in sorted((ROOT / "docs").glob("*.md")):
        text = path.read_text(encoding="utf-8").replace("\\\n", " ")
        for match in re.finditer(r"^    (?:\.venv/bin/)?(detente [^\n]*)$", text, re.M):
            yield path.name, re.sub(r"\s+#.*$", "", match.group(1)).strip()


def _variants(line: str) -> list[list[str]]:
    """The synopsis without its [optional] parts, and with each of them (first of a|b alternatives)."""
    import re
    import shlex

    optional = re.findall(r"\[([^\]]+)\]", line)
    bare = re.sub(r"\s*\[[^\]]+\]", "", line)
    full = re.sub(r"\[([^\]]+)\]", lambda m: m.group(1), line)
    full = re.sub(r"(\S+)\|\S+", lambda m: m.group(1).split("|")[0], full)
    numbers = {"N": "1", "SECONDS": "20"}  # placeholders of numeric options
    return [[numbers.get(word, word) for word in shlex.split(variant)[1:]]
            for variant in [bare] + ([full] if optional else [])]


@pytest.mark.parametrize("doc,line", sorted(set(_doc_command_lines())))
def test_docs_command_lines_parse(doc, line):
    parser = build_parser()
    for argv in _variants(line):
        parser.parse_args(argv)
