"""`detente events`: no silent truncation, readable dates and names in the table."""

from __future__ import annotations

import csv

import pytest

from detente.cli import main
from tests.store.factories import record, store

pytestmark = [pytest.mark.db, pytest.mark.django_db]


@pytest.fixture
def cli(monkeypatch, capsys):
    monkeypatch.setattr("detente.store.setup.open_store", lambda options: None)
    monkeypatch.setenv("COLUMNS", "250")

    def run(*argv):
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def many():
    for day in range(1, 6):
        store(f"Report {day}.", [record(start=f"2020-03-{day:02d}", cameo="190")])


def test_events_csv_lists_every_event_without_a_limit(cli, many):
    code, out, err = cli("events", "--format", "csv")
    assert code == 0 and len(list(csv.DictReader(out.splitlines()))) == 5 and err == ""


def test_events_limit_cuts_with_a_notice_on_stderr(cli, many):
    _, out, err = cli("events", "--format", "csv", "--limit", "2")
    assert len(list(csv.DictReader(out.splitlines()))) == 2
    assert "showing the first 2 of 5 events" in err and "--limit 0" in err


def test_events_limit_that_covers_everything_says_nothing(cli, many):
    _, _, err = cli("events", "--format", "jsonl", "--limit", "5")
    assert err == ""


def test_events_table_shows_month_granularity_and_names(cli):
    store("Turkey criticized Russia in February.",
          [record(start="2020-02-01", end="2020-02-29", granularity="month", cameo="111", quad=3, goldstein=-2.0)])
    _, out, _ = cli("events")
    assert "2020-02 (month)" in out and "Turkey (TURGOV)" in out and "Criticize or denounce (111)" in out


def test_events_table_piped_keeps_each_row_on_one_line(cli, monkeypatch, many):
    monkeypatch.delenv("COLUMNS")
    _, out, _ = cli("events")
    assert sum("Report 1." in line for line in out.splitlines()) == 1


def test_events_negative_limit_is_a_usage_error(cli):
    code, _, err = cli("events", "--limit", "-1")
    assert code == 2 and "[E200]" in err


def test_events_table_fits_the_terminal_width(cli, monkeypatch, many):
    monkeypatch.setenv("COLUMNS", "100")
    _, out, _ = cli("events")
    assert out and max(len(line) for line in out.splitlines()) <= 100
