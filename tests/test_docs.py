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


# The other direction: what the docs name must exist in the code.

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FILE_SUFFIXES = {"sqlite", "sqlite3", "json", "jsonl", "tsv", "csv", "txt", "md", "py"}


def _mentions(pattern: str):
    import re

    for path in DOCS:
        for match in re.finditer(pattern, path.read_text(encoding="utf-8")):
            yield path.name, match.group(1)


@pytest.mark.parametrize("doc,path", sorted(set(_mentions(r"(src/detente/[\w/.-]*\w)"))))
def test_documented_source_paths_exist(doc, path):
    assert (ROOT / path).exists(), f"{doc} names {path}, which is not there"


def _resolves(dotted: str) -> bool:
    import importlib

    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:end]))
        except ImportError:
            continue
        for attribute in parts[end:]:
            if not hasattr(found, attribute):
                return False
            found = getattr(found, attribute)
        return True
    return False


@pytest.mark.parametrize("doc,dotted", sorted({(d, m) for d, m in _mentions(r"`(detente(?:\.\w+)+)[`(]")
                                               if m.rsplit(".", 1)[-1] not in FILE_SUFFIXES}))
def test_documented_modules_and_functions_exist(doc, dotted):
    assert _resolves(dotted), f"{doc} names {dotted}, which the code does not have"


@pytest.mark.parametrize("doc,command", sorted(set(_mentions(r"`(?:\.venv/bin/)?detente ([a-z][a-z-]*)"))))
def test_documented_commands_exist(doc, command):
    assert command in subcommands(), f"{doc} names `detente {command}`, which is not a command"


def _web_settings_source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "detente" / "web" / "settings").glob("*.py"))


@pytest.mark.parametrize("doc,env", sorted(set(_mentions(r"\b(DETENTE_[A-Z0-9_]*[A-Z0-9])\b"))))
def test_documented_settings_exist(doc, env):
    assert env in {s.env for s in SETTINGS} or env in _web_settings_source(), \
        f"{doc} names the setting {env}, which neither detente.settings nor the site's settings read"


def test_the_architecture_names_every_layer_of_the_contracts():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = next(c for c in config["contracts"] if c["type"] == "layers")["layers"]
    modules = {m.strip() for layer in layers for m in layer.replace(":", "|").split("|")}
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    section = text[text.index("## Layers"):text.index("## One path")]
    assert [m for m in sorted(modules) if f"`{m}`" not in section] == []
