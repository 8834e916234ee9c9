import datetime as dt

import pytest

from detente.time import periods
from detente.time.expressions import Context, read_expression

ARTICLE = dt.date(2020, 10, 20)  # a Tuesday
D = dt.date


def read(text, narrative=None, future=False, article=ARTICLE):
    return read_expression(text, Context(article, narrative, future))


def span(reading):
    return (reading.period.start, reading.period.end, reading.period.granularity)


@pytest.mark.parametrize("text, expected", [
    ("24 November 2015", (D(2015, 11, 24), D(2015, 11, 24), "day")),
    ("on Nov. 24, 2015", (D(2015, 11, 24), D(2015, 11, 24), "day")),
    ("2015", (D(2015, 1, 1), D(2015, 12, 31), "year")),
    ("in March 2015", (D(2015, 3, 1), D(2015, 3, 31), "month")),
    ("the 1990s", (D(1990, 1, 1), D(1999, 12, 31), "multi-year")),
    ("in the spring of 2016", (D(2016, 3, 1), D(2016, 5, 31), "season")),
    ("between 2014 and 2016", (D(2014, 1, 1), D(2016, 12, 31), "multi-year")),
    ("2011-2013", (D(2011, 1, 1), D(2013, 12, 31), "multi-year")),
    ("24/11/2015", (D(2015, 11, 24), D(2015, 11, 24), "day")),
])
def test_time_reads_explicit_dates(text, expected):
    reading = read(text)
    assert span(reading) == expected
    assert reading.basis == "explicit"


def test_time_reads_mid_year_as_the_middle_of_that_year():
    reading = read("mid-2019")
    assert D(2019, 4, 1) <= reading.period.start < reading.period.end <= D(2019, 9, 30)


def test_time_reads_month_day_without_year_as_the_latest_before_the_article():
    assert span(read("Nov. 24")) == (D(2019, 11, 24), D(2019, 11, 24), "day")


@pytest.mark.parametrize("text, expected", [
    ("yesterday", (D(2020, 10, 19), D(2020, 10, 19), "day")),
    ("on Wednesday", (D(2020, 10, 14), D(2020, 10, 14), "day")),
    ("last week", (D(2020, 10, 12), D(2020, 10, 18), "day")),
    ("last March", (D(2020, 3, 1), D(2020, 3, 31), "month")),
    ("last November", (D(2019, 11, 1), D(2019, 11, 30), "month")),
    ("October last year", (D(2019, 10, 1), D(2019, 10, 31), "month")),
    ("in December", (D(2019, 12, 1), D(2019, 12, 31), "month")),
    ("this month", (D(2020, 10, 1), D(2020, 10, 31), "month")),
    ("last year", (D(2019, 1, 1), D(2019, 12, 31), "year")),
    ("a couple of years ago", (D(2017, 1, 1), D(2018, 12, 31), "multi-year")),
    ("two or three years ago", (D(2017, 1, 1), D(2018, 12, 31), "multi-year")),
    ("last summer", (D(2020, 6, 1), D(2020, 8, 31), "season")),
    ("on Tuesday", (D(2020, 10, 20), D(2020, 10, 20), "day")),
    ("last Tuesday", (D(2020, 10, 13), D(2020, 10, 13), "day")),
    ("over the weekend", (D(2020, 10, 17), D(2020, 10, 18), "day")),
    ("last night", (D(2020, 10, 19), D(2020, 10, 20), "day")),
    ("this morning", (D(2020, 10, 20), D(2020, 10, 20), "day")),
])
def test_time_resolves_relative_expressions_against_article_date(text, expected):
    reading = read(text)
    assert span(reading) == expected
    assert reading.basis == "relative"


def test_time_resolves_earlier_this_year_to_before_the_article_date():
    reading = read("earlier this year")
    assert (reading.period.start, reading.period.end) == (D(2020, 1, 1), D(2020, 10, 19))


def test_time_resolves_recently_to_a_window_ending_at_the_article_date():
    reading = read("recently")
    assert reading.period.end == ARTICLE
    assert ARTICLE - dt.timedelta(days=200) < reading.period.start < ARTICLE - dt.timedelta(days=20)


@pytest.mark.parametrize("text, expected", [
    ("next month", (D(2020, 11, 1), D(2020, 11, 30))),
    ("on Wednesday", (D(2020, 10, 21), D(2020, 10, 21))),
    ("next week", (D(2020, 10, 26), D(2020, 11, 1))),
])
def test_time_resolves_future_expressions_after_article_date(text, expected):
    reading = read(text, future=True)
    assert (reading.period.start, reading.period.end) == expected


@pytest.mark.parametrize("text, narrative, expected", [
    ("the following year", periods.year(2012), (D(2013, 1, 1), D(2013, 12, 31))),
    ("the next month", periods.month(2015, 4), (D(2015, 5, 1), D(2015, 5, 31))),
    ("in April", periods.year(2015), (D(2015, 4, 1), D(2015, 4, 30))),
    ("that summer", periods.year(2016), (D(2016, 6, 1), D(2016, 8, 31))),
    ("two years later", periods.year(2012), (D(2014, 1, 1), D(2014, 12, 31))),
    ("the year before", periods.year(2012), (D(2011, 1, 1), D(2011, 12, 31))),
    ("a week later", periods.day(D(2015, 11, 24)), (D(2015, 12, 1), D(2015, 12, 1))),
    ("days later", periods.day(D(2015, 11, 24)), (D(2015, 11, 26), D(2015, 11, 29))),
    ("at the time", periods.month(2016, 7), (D(2016, 7, 1), D(2016, 7, 31))),
    ("then", periods.year(2014), (D(2014, 1, 1), D(2014, 12, 31))),
])
def test_time_chains_anaphoric_expressions_on_the_narrative_time(text, narrative, expected):
    reading = read(text, narrative=narrative)
    assert (reading.period.start, reading.period.end) == expected


@pytest.mark.parametrize("text", ["the following year", "a week later", "that summer", "at the time", "in April"])
def test_time_marks_readings_chained_on_the_narrative_as_context(text):
    assert read(text, narrative=periods.year(2015)).basis == "context"


@pytest.mark.parametrize("text", ["the following year", "a week later", "that summer", "at the time"])
def test_time_leaves_anaphora_unresolved_without_a_narrative(text):
    assert read(text) is None


@pytest.mark.parametrize("text", ["yesterday", "last March", "two years ago", "this month", "recently"])
def test_time_leaves_relative_dates_unresolved_without_article_date(text):
    assert read(text, article=None) is None


@pytest.mark.parametrize("text", ["for two years", "daily", "the season", "annual"])
def test_time_reads_durations_and_frequencies_as_no_date(text):
    assert read(text) is None


@pytest.mark.parametrize("text, expected", [
    ("March 23-25, 2015", (D(2015, 3, 23), D(2015, 3, 25))),
    ("June 9 and 10, 2015", (D(2015, 6, 9), D(2015, 6, 10))),
    ("the first quarter of 2016", (D(2016, 1, 1), D(2016, 3, 31))),
    ("the third quarter of 2015", (D(2015, 7, 1), D(2015, 9, 30))),
])
def test_time_reads_day_ranges_and_quarters(text, expected):
    reading = read(text)
    assert (reading.period.start, reading.period.end) == expected


@pytest.mark.parametrize("text", ["90 days", "50 years", "more than 3 years", "the 38th", "14259"])
def test_time_does_not_read_durations_or_numbers_as_dates(text):
    assert read(text) is None


@pytest.mark.parametrize("text, narrative, expected", [
    ("in the following months", periods.month(2015, 4), (D(2015, 5, 1), D(2015, 9, 30))),
    ("that same year", periods.month(2015, 4), (D(2015, 1, 1), D(2015, 12, 31))),
    ("a year earlier", periods.year(2015), (D(2014, 1, 1), D(2014, 12, 31))),
])
def test_time_reads_story_expressions_against_the_narrative(text, narrative, expected):
    reading = read(text, narrative=narrative)
    assert (reading.period.start, reading.period.end) == expected


@pytest.mark.parametrize("text, expected", [
    ("in 2015 and 2016", (D(2015, 1, 1), D(2016, 12, 31))),
    ("in 2014-15", (D(2014, 1, 1), D(2015, 12, 31))),
    ("the previous year", (D(2019, 1, 1), D(2019, 12, 31))),
    ("a year earlier", (D(2019, 1, 1), D(2019, 12, 31))),
])
def test_time_reads_pairs_of_years_and_news_comparisons(text, expected):
    reading = read(text)
    assert (reading.period.start, reading.period.end) == expected


def test_time_reads_the_end_of_the_year_in_the_narrative_year():
    reading = read("by the end of the year", narrative=periods.month(2015, 4))
    assert D(2015, 9, 1) < reading.period.start < reading.period.end == D(2015, 12, 31)


def test_time_reads_next_winter_on_the_first_day_of_winter():
    reading = read("next winter", article=D(2000, 12, 1))
    assert (reading.period.start, reading.period.end) == (D(2001, 12, 1), D(2002, 2, 28))


@pytest.mark.parametrize("text, narrative, expected", [
    ("on the 5th", None, D(2020, 10, 5)),
    ("on the 25th", None, D(2020, 9, 25)),
    ("on the 12th", periods.month(2016, 7), D(2016, 7, 12)),
])
def test_time_reads_a_day_of_the_month(text, narrative, expected):
    assert read(text, narrative=narrative).period.start == expected


@pytest.mark.parametrize("text, first_year, last_year", [
    ("the mid-1980s", 1983, 1986),
    ("the mid-1990s", 1993, 1996),
    ("the late 1970s", 1976, 1979),
    ("the early 2000s", 2000, 2003),
])
def test_time_reads_part_of_a_decade_in_whole_years(text, first_year, last_year):
    reading = read(text)
    assert (reading.period.start, reading.period.end) == (D(first_year, 1, 1), D(last_year, 12, 31))


@pytest.mark.parametrize("text, article, expected", [
    ("16/02", "2024-03-14", "2024-02-16"),
    ("16.02", "2024-03-14", "2024-02-16"),
    ("2/16", "2024-03-14", "2024-02-16"),
    ("20/03", "2024-03-14", "2023-03-20"),
])
def test_time_reads_short_numeric_dates_as_the_latest_such_day(text, article, expected):
    import datetime as dt

    from detente.time.expressions import Context, read_expression

    reading = read_expression(text, Context(dt.date.fromisoformat(article)))
    assert (reading.period.start.isoformat(), reading.basis) == (expected, "relative")


def test_time_reads_a_short_numeric_date_in_the_future_tense_ahead():
    import datetime as dt

    from detente.time.expressions import Context, read_expression

    reading = read_expression("20/03", Context(dt.date(2024, 3, 14), future=True))
    assert reading.period.start == dt.date(2024, 3, 20)
