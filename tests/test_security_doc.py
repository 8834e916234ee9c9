"""docs/security.md is tested against the settings it names (no drift between the page and the code)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from detente.settings import DEFAULT_DATA_DIR, SETTINGS

DOC = Path(__file__).resolve().parents[1] / "docs" / "security.md"
TEXT = DOC.read_text(encoding="utf-8")
NAMED = sorted(set(re.findall(r"\b((?:DETENTE|AXES)_[A-Z_]+)\b", TEXT)))
BY_ENV = {s.env: s for s in SETTINGS}


def common_settings():
    """The shipped Django settings (not the test settings, which relax the limits)."""
    return importlib.import_module("detente.web.settings.common")


def table(heading: str) -> list[list[str]]:
    """The rows (cells without backticks) of the first table after ``heading``."""
    section = TEXT.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.strip("|").split("|") for line in section.splitlines() if line.startswith("| `")]
    return [[cell.strip().strip("`") for cell in row] for row in rows]


@pytest.mark.parametrize("name", NAMED)
def test_every_setting_the_page_names_exists(name):
    assert name in BY_ENV or hasattr(common_settings(), name), f"docs/security.md names {name}, which nothing defines"


@pytest.mark.parametrize("row", table("What an operator configures"), ids=lambda row: row[0])
def test_operator_settings_have_the_documented_default(row):
    name, default = row[0], row[1]
    setting = BY_ENV[name]
    if setting.default == DEFAULT_DATA_DIR:      # the per-user directory differs per machine
        assert default.startswith("per-user data directory")
    else:
        assert default == ("(empty)" if setting.default == "" else str(setting.default))


@pytest.mark.parametrize("row", table("Limits"), ids=lambda row: row[0])
def test_limits_are_the_ones_the_code_uses(row):
    name, value = row[0], row[1]
    assert str(getattr(common_settings(), name)) == value


@pytest.mark.parametrize("env", ["DETENTE_SITE_URL", "DETENTE_TRUSTED_PROXIES", "DETENTE_SECRET_KEY",
                                 "DETENTE_ALLOWED_HOSTS", "DETENTE_DATA_DIR"])
def test_the_settings_an_operator_must_consider_are_in_the_table(env):
    assert env in [row[0] for row in table("What an operator configures")]


def test_every_rate_limit_of_the_code_is_documented():
    rates = [name for name in dir(common_settings()) if name.startswith("DETENTE_RATE_")]
    assert rates and sorted(rates) == sorted(r[0] for r in table("Limits") if r[0].startswith("DETENTE_RATE_"))
