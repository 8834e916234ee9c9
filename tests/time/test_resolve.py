import datetime as dt

import pytest

from detente.time.resolve import sentence_times

ARTICLE = dt.date(2020, 10, 20)
D = dt.date


def dates(parse, text, article=ARTICLE):
    return [time.date for time in sentence_times(parse(text), article)]


def test_time_chains_following_year_on_the_narrative_year(parse):
    text = ("In 2012 the two governments signed a gas deal. "
            "The following year, in 2013, the ministers met in Baku.")
    second = dates(parse, text)[1]
    assert (second.start, second.end, second.basis) == (D(2013, 1, 1), D(2013, 12, 31), "explicit")


def test_time_chains_next_month_in_a_past_story_on_the_narrative(parse):
    text = ("In April 2015 the rebels took the city. "
            "The next month, the army shelled the port.")
    second = dates(parse, text)[1]
    assert (second.start, second.end) == (D(2015, 5, 1), D(2015, 5, 31))


def test_time_resolves_bare_month_in_the_narrative_year(parse):
    text = "Back in 2016 the envoy visited the region. In June, the rebels attacked the base."
    second = dates(parse, text)[1]
    assert (second.start, second.end) == (D(2016, 6, 1), D(2016, 6, 30))


def test_time_dates_a_continuing_sentence_from_context(parse):
    text = ("In March 2014 the navy seized the peninsula. "
            "Its soldiers had surrounded the bases and they blocked the roads.")
    second = dates(parse, text)[1]
    assert (second.start, second.end, second.basis) == (D(2014, 3, 1), D(2014, 3, 31), "context")


def test_time_dates_a_present_tense_sentence_by_the_article(parse):
    text = "In 2014 the two leaders quarrelled over the island. The government says it wants talks."
    second = dates(parse, text)[1]
    assert (second.start, second.basis) == (ARTICLE, "article")


def test_time_dates_a_sentence_in_a_new_paragraph_by_the_article(parse):
    text = "In 2009 the pipeline opened.\n\nThe minister criticised the plan."
    second = dates(parse, text)[1]
    assert second.basis == "article"


def test_time_dates_first_sentence_without_time_by_the_article(parse):
    first = dates(parse, "The minister criticised the plan.")[0]
    assert (first.start, first.end, first.granularity, first.basis) == (ARTICLE, ARTICLE, "day", "article")


def test_time_keeps_relative_dates_unresolved_without_article_date(parse):
    first = dates(parse, "Last March the talks collapsed.", article=None)[0]
    assert (first.start, first.end, first.granularity) == (None, None, "unknown")
    assert first.text == "Last March"


def test_time_resolves_explicit_dates_without_article_date(parse):
    first = dates(parse, "On 24 November 2015 a jet was shot down.", article=None)[0]
    assert (first.start, first.basis) == (D(2015, 11, 24), "explicit")


def test_time_ignores_a_year_that_names_a_thing(parse):
    text = "The envoy criticised the 2014 agreement on Monday."
    first = sentence_times(parse(text), ARTICLE)[0]
    assert [mention.expression.text for mention in first.mentions] == ["Monday"]


def test_time_never_dates_a_past_event_after_the_article(parse):
    first = dates(parse, "The talks collapsed next month.")[0]
    assert first.start is None or first.start <= ARTICLE


def test_time_allows_future_events_after_the_article(parse):
    first = dates(parse, "The ministers will meet next month.")[0]
    assert (first.start, first.end) == (D(2020, 11, 1), D(2020, 11, 30))


@pytest.mark.parametrize("text, expected_start", [
    ("Between 2014 and 2016 trade fell sharply.", D(2014, 1, 1)),
    ("Two or three years ago the leaders met often.", D(2017, 1, 1)),
])
def test_time_reads_ranges_found_in_sentences(parse, text, expected_start):
    assert dates(parse, text)[0].start == expected_start


def test_time_dates_events_told_in_retrospect_in_their_own_year(parse):
    text = ("Relations were warm in 2010. Three years later, the border was closed. "
            "The government says it regrets that.")
    found = dates(parse, text)
    assert (found[1].start, found[1].end) == (D(2013, 1, 1), D(2013, 12, 31))


def test_time_does_not_carry_a_future_time_into_a_past_sentence(parse):
    text = "The ministers will meet next month. They discussed trade."
    second = dates(parse, text)[1]
    assert second.end is None or second.end <= ARTICLE


def test_time_ignores_a_duration_and_keeps_the_narrative(parse):
    text = "In 2011 the militia seized the airport. They held it for two years."
    second = dates(parse, text)[1]
    assert (second.start, second.end, second.basis) == (D(2011, 1, 1), D(2011, 12, 31), "context")


@pytest.mark.parametrize("text, future", [
    ("The ministers will meet in Geneva.", True),
    ("The spokesman said the talks would resume soon.", True),
    ("The president threatened that his army would retake the town.", False),
    ("The army would have won without the storm.", False),
])
def test_time_tells_future_main_clauses(parse, text, future):
    assert sentence_times(parse(text), ARTICLE)[0].future is future


def test_time_reads_a_season_the_tagger_split_from_its_year(parse):
    first = dates(parse, "In the autumn of 2019 the rebels launched an offensive.")[0]
    assert (first.start, first.end) == (D(2019, 9, 1), D(2019, 11, 30))


def test_time_moves_a_story_told_month_by_month_into_the_next_year(parse):
    text = "In November 2018 the rebels besieged the port. By January the siege had collapsed."
    second = dates(parse, text)[1]
    assert (second.start, second.end) == (D(2019, 1, 1), D(2019, 1, 31))


@pytest.mark.parametrize("text, expected", [
    ("Early in 2016 the envoys returned. The following spring a summit was held.", (D(2017, 3, 1), D(2017, 5, 31))),
    ("On 3 March 2019 the rebels shelled the airport. Three days after, a truce was agreed.",
     (D(2019, 3, 6), D(2019, 3, 6))),
    ("The treaty, signed in 1998, expired in 2012. Around the same time, the embassy was closed.",
     (D(2012, 1, 1), D(2012, 12, 31))),
])
def test_time_chains_phrases_the_tagger_misses(parse, text, expected):
    second = dates(parse, text)[1]
    assert (second.start, second.end, second.basis) == (*expected, "context")


def test_time_dates_a_sentence_by_a_possessive_weekday(parse):
    first = dates(parse, "Tuesday's talks in the capital ended without a deal.", article=D(2020, 10, 22))[0]
    assert first.start == D(2020, 10, 20)
