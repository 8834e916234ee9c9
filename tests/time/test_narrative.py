"""Long narratives: several time expressions in one sentence, and the narrative time they leave."""

import datetime as dt

import pytest

from detente.model import ActorRef, Event
from detente.time.component import date_events
from detente.time.resolve import sentence_times

ARTICLE = dt.date(2014, 6, 10)
D = dt.date
KENYA = ActorRef("KEN", "KEN", "Kenya", "country")
UGANDA = ActorRef("UGA", "UGA", "Uganda", "country")


def dates(parse, text, article=ARTICLE):
    return [time.date for time in sentence_times(parse(text), article)]


def dated_event(parse, text, verb, article=ARTICLE):
    """The date the component gives an event whose trigger is ``verb``."""
    doc = parse(text)
    start = doc.text.index(verb)
    index = next(i for i, sent in enumerate(doc.sents) if sent.start_char <= start < sent.end_char)
    sent = list(doc.sents)[index]
    event = Event(KENYA, "Kenya", UGANDA, "Uganda", "112", index, (sent.start_char, sent.end_char),
                  (start, start + len(verb)), confidence=0.8)
    date_events(doc, [event], sentence_times(doc, article))
    return event.date


@pytest.mark.parametrize("text, day", [
    ("Early in 2012, on 3 March, Kenyan troops crossed into Somalia.", D(2012, 3, 3)),
    ("In 2011, on the 9th of August, the Ugandan army closed the border.", D(2011, 8, 9)),
    ("It happened in 2010: on 17 September the rebels stormed the town.", D(2010, 9, 17)),
])
def test_time_narrows_a_year_by_the_day_and_month_of_the_same_sentence(parse, text, day):
    first = dates(parse, text)[0]
    assert (first.start, first.end, first.granularity) == (day, day, "day")


def test_time_counts_the_next_days_from_the_narrowed_day(parse):
    text = ("Early in 2012, on 3 March, Kenyan troops crossed into Somalia. "
            "The next days Nairobi sent more soldiers to the border.")
    second = dates(parse, text)[1]
    assert D(2012, 3, 4) <= second.start <= second.end <= D(2012, 3, 10)


def test_time_dates_a_continuing_sentence_by_the_narrowed_day(parse):
    text = ("In 2011, on the 9th of August, the Ugandan army closed the border. "
            "The traders protested and they blocked the road.")
    second = dates(parse, text)[1]
    assert (second.start, second.end, second.basis) == (D(2011, 8, 9), D(2011, 8, 9), "context")


@pytest.mark.parametrize("text, expected", [
    ("In January 2011 the talks began in Arusha. Then, on 12 April, the envoys walked out.",
     (D(2011, 4, 12), D(2011, 4, 12))),
    ("In 2009 Ghana and Togo agreed on the border. The following year, in May 2009, "
     "Togo reopened the crossing.", (D(2009, 5, 1), D(2009, 5, 31))),
])
def test_time_prefers_the_precise_date_when_an_anaphor_in_its_clause_disagrees(parse, text, expected):
    second = dates(parse, text)[1]
    assert (second.start, second.end) == expected


def test_time_carries_a_precise_date_into_the_next_sentences(parse):
    text = ("In January 2011 the talks began in Arusha. Then, on 12 April, the envoys walked out. "
            "The mediators left the city and they returned home.")
    third = dates(parse, text)[2]
    assert (third.start, third.end) == (D(2011, 4, 12), D(2011, 4, 12))


@pytest.mark.parametrize("text, verb, expected", [
    ("The first ships reached Mombasa in May 2013, and Uganda protested the same month.",
     "protested", (D(2013, 5, 1), D(2013, 5, 31))),
    ("The ministers met in Kigali in March 2012 and they signed a second accord at that time.",
     "signed", (D(2012, 3, 1), D(2012, 3, 31))),
])
def test_time_reads_an_anaphor_against_the_date_earlier_in_its_sentence(parse, text, verb, expected):
    date = dated_event(parse, "In 2008 the old treaty lapsed. " + text, verb)
    assert (date.start, date.end) == expected


def test_time_dates_an_event_by_the_expression_of_its_own_clause(parse):
    text = ("In March 2011 the ministers met in Accra, and in February this year "
            "Kenya signed the treaty in Lome.")
    assert dated_event(parse, text, "met").start == D(2011, 3, 1)
    assert dated_event(parse, text, "signed").start == D(2014, 2, 1)


def test_time_continues_from_the_last_coordinated_clause(parse):
    text = ("In March 2011 the ministers met in Accra, and in February this year "
            "Kenya signed the treaty in Lome. The two leaders praised each other at the signing.")
    second = dates(parse, text)[1]
    assert (second.start, second.end, second.basis) == (D(2014, 2, 1), D(2014, 2, 28), "context")


def test_time_does_not_continue_from_a_reported_subordinate_date(parse):
    text = ("On 2 June Kenya said that the treaty signed in 2008 was dead. "
            "The minister criticised Uganda and he recalled the envoy.")
    second = dates(parse, text)[1]
    assert (second.start, second.end) == (D(2014, 6, 2), D(2014, 6, 2))


def test_time_reads_same_year_inside_a_story_as_context(parse):
    text = ("In May 2010 the rebels took the port. "
            "In December of the same year the army retook it.")
    second = dates(parse, text)[1]
    assert (second.start, second.end, second.basis) == (D(2010, 12, 1), D(2010, 12, 31), "context")


def test_time_continues_from_a_later_clause_after_and_when_the_parser_joins_the_clauses(parse):
    text = ("In May 2011 the two kings laid by video link the first stone of the new bridge over "
            "the Gambia river, and in March this year they opened together the bridge in Farafenni. "
            "The kings praised the builders at the ceremony.")
    second = dates(parse, text)[1]
    assert (second.start, second.end) == (D(2014, 3, 1), D(2014, 3, 31))


def test_time_keeps_the_story_when_a_later_date_of_the_clause_agrees_with_it(parse):
    text = ("In 2013 the army and the police raided the camps in May. "
            "The soldiers burned the tents and they arrested the leaders.")
    second = dates(parse, text)[1]
    assert (second.start, second.end) == (D(2013, 5, 1), D(2013, 5, 31))


@pytest.mark.parametrize("text, expected", [
    ("In February 2013 the militia seized the mines. In summer the army drove them out.",
     (D(2013, 6, 1), D(2013, 8, 31))),
    ("In October 2012 the talks stalled. That winter the rebels shelled the capital.",
     (D(2012, 12, 1), D(2013, 2, 28))),
    ("In 2012 the talks stalled. In autumn the rebels shelled the capital.",
     (D(2012, 9, 1), D(2012, 11, 30))),
])
def test_time_places_a_season_of_a_forward_story_in_or_after_the_narrative(parse, text, expected):
    second = dates(parse, text)[1]
    assert (second.start, second.end) == expected


def test_time_keeps_the_first_of_two_years_of_one_clause(parse):
    text = "The army shelled the town in 2012 and again in 2013."
    first = sentence_times(parse(text), ARTICLE)[0]
    assert len([m for m in first.mentions if m.period is not None]) == 2
    assert (first.date.start, first.date.end) == (D(2012, 1, 1), D(2012, 12, 31))


@pytest.mark.parametrize("text, day", [
    ("Since 27 September Azerbaijan is fighting against the rebels.", D(2013, 9, 27)),
    ("On 4 October the Ugandan army crossed the river.", D(2013, 10, 4)),
])
def test_time_takes_in_a_day_number_the_tagger_left_out_of_a_month(parse, text, day):
    first = dates(parse, text, article=D(2013, 11, 5))[0]
    assert (first.start, first.end) == (day, day)


def test_time_prefers_a_named_day_to_a_counted_one_of_the_same_clause(parse):
    text = ("On 3 May 2012 the rebels took Gao. The next day the army fled. "
            "Ten days later, on 12 May, the army returned to the city.")
    third = dates(parse, text)[2]
    assert (third.start, third.end) == (D(2012, 5, 12), D(2012, 5, 12))


def test_time_dates_an_event_of_a_subordinate_clause_by_the_clause_it_depends_on(parse):
    text = ("In May 2013 the junta expelled the envoy after the ministers called the coup illegal, "
            "and in June Paris recalled its troops.")
    date = dated_event(parse, text, "called")
    assert (date.start, date.end) == (D(2013, 5, 1), D(2013, 5, 31))


def test_time_does_not_narrow_a_clause_by_the_date_of_another_clause(parse):
    text = ("In 2014 the talks failed. Since then the rebels have shelled the town, "
            "and two soldiers were killed last week.")
    second = dates(parse, text)[1]
    assert second.start == D(2014, 1, 1)
