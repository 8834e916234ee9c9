"""Table helpers: dates with their granularity, and a console that fits the terminal or the whole line."""

import io

import pytest

from detente.cli.output import PIPED_WIDTH, date_label, record_date_label, table_console


@pytest.mark.parametrize("start,end,granularity,basis,label", [
    ("2020-02-01", "2020-02-29", "month", "relative", "2020-02 (month)"),
    ("2020-01-01", "2020-12-31", "year", "explicit", "2020 (year)"),
    ("2020-02-14", "2020-02-14", "day", "explicit", "2020-02-14"),
    ("2019-01-01", "2020-12-31", "multi-year", "relative", "2019-01-01..2020-12-31 (multi-year)"),
    ("2020-06-01", "2020-08-31", "season", "relative", "2020-06-01..2020-08-31 (season)"),
    ("2020-10-20", "2020-10-20", "day", "article", "2020-10-20 (published)"),
    (None, None, "unknown", "article", "undated"),
])
def test_date_label_shows_the_period_and_its_granularity(start, end, granularity, basis, label):
    assert date_label(start, end, granularity, basis) == label


def test_record_without_date_falls_back_to_the_publication_date():
    import datetime as dt

    assert record_date_label(None, dt.date(2020, 10, 20)) == "2020-10-20 (published)"


def test_piped_console_uses_the_whole_line(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    assert table_console(io.StringIO()).width == PIPED_WIDTH


def test_console_honours_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "90")
    assert table_console(io.StringIO()).width == 90
