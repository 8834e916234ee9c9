"""Properties of the resolver over generated expressions and sentences."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.time.expressions import Context, read_expression
from detente.time.periods import Period
from detente.time.resolve import sentence_times
from detente.time.vocabulary import vocabulary

_TABLE = vocabulary()
WORDS = sorted({*_TABLE["months"], *_TABLE["weekdays"], *_TABLE["seasons"], *_TABLE["units"],
                *_TABLE["shifts"], *_TABLE["offsets"], *_TABLE["day_words"], *_TABLE["parts"],
                "the", "of", "in", "between", "and", "to", "-", "ago", "two", "a few", "1990s",
                "2015", "24", "1999", "31", "mid", "recently", "at the time", "then", "0", "99999"})

dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))
expressions = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)
narratives = st.none() | st.tuples(dates, st.integers(0, 800)).map(
    lambda pair: Period(pair[0], pair[0] + dt.timedelta(days=pair[1]), "year"))


@settings(max_examples=1000, deadline=None)
@given(text=expressions, article=st.none() | dates, narrative=narratives, future=st.booleans())
def test_time_reading_never_raises_and_keeps_start_before_end(text, article, narrative, future):
    reading = read_expression(text, Context(article, narrative, future))
    if reading is not None:
        assert reading.period.start <= reading.period.end


PAST = ["the army attacked the town", "the ministers met", "the talks collapsed"]
FUTURE = ["the ministers will meet", "the army will withdraw"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=expressions, second=expressions, clause=st.sampled_from(PAST + FUTURE), article=dates)
def test_time_never_dates_past_events_after_the_article(parse, first, second, clause, article):
    text = f"In {first}, {clause}. {second.capitalize()} {clause}."
    for time in sentence_times(parse(text), article):
        date = time.date
        if date.start is not None:
            assert date.start <= date.end
        if date.start is not None and not time.future:
            assert date.end <= article
