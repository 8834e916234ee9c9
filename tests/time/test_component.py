import datetime as dt

import pytest

from detente.model import ActorRef, Article, Event
from detente.time.component import ARTICLE_PENALTY, date_events
from detente.time.resolve import sentence_times

ARTICLE = dt.date(2020, 10, 20)
TURKEY = ActorRef("TUR", "TUR", "Turkey", "country")
RUSSIA = ActorRef("RUS", "RUS", "Russia", "country")


def event_at(doc, verb: str, sentence_index: int) -> Event:
    start = doc.text.index(verb)
    sent = list(doc.sents)[sentence_index]
    return Event(TURKEY, "Turkey", RUSSIA, "Russia", "111", sentence_index,
                 (sent.start_char, sent.end_char), (start, start + len(verb)), confidence=0.8)


def run(parse, text, verbs, article=ARTICLE):
    doc = parse(text)
    doc._.article = Article(text=text, date=article)
    events = [event_at(doc, verb, index) for verb, index in verbs]
    date_events(doc, events, sentence_times(doc, article))
    return events


def test_time_component_dates_each_event_by_its_sentence(parse):
    text = "In 2015 Turkey shot down a Russian jet. Last March Turkey criticised Russia."
    first, second = run(parse, text, [("shot", 0), ("criticised", 1)])
    assert (first.date.start, first.date.granularity) == (dt.date(2015, 1, 1), "year")
    assert (second.date.start, second.date.end) == (dt.date(2020, 3, 1), dt.date(2020, 3, 31))


def test_time_component_picks_the_date_nearest_the_verb(parse):
    text = "Turkey criticised Russia on Monday after the two had met in May 2019."
    criticised, met = run(parse, text, [("criticised", 0), ("met", 0)])
    assert criticised.date.start == dt.date(2020, 10, 19)
    assert met.date.start == dt.date(2019, 5, 1)


@pytest.mark.parametrize("text, penalised", [
    ("Turkey criticised Russia.", True),
    ("Yesterday Turkey criticised Russia.", False),
])
def test_time_component_lowers_confidence_of_events_dated_by_the_article(parse, text, penalised):
    event, = run(parse, text, [("criticised", 0)])
    expected = 0.8 - ARTICLE_PENALTY if penalised else 0.8
    assert event.confidence == pytest.approx(expected)


def test_time_component_sets_dates_through_the_pipeline_stage(nlp, parse):
    from detente.time.component import EventDater

    text = "In 2015 Turkey shot down a Russian jet."
    doc = parse(text)
    doc._.article = Article(text=text, date=ARTICLE)
    doc._.events = [event_at(doc, "shot", 0)]
    EventDater(nlp)(doc)
    assert doc._.events[0].date.start == dt.date(2015, 1, 1)


def test_time_component_dates_an_event_in_a_sentence_without_a_verb(parse):
    event, = run(parse, "Talks in Geneva on Monday.", [("Talks", 0)])
    assert event.date.start == dt.date(2020, 10, 19)


def test_time_component_copes_with_a_doc_without_article(nlp, parse):
    from detente.time.component import EventDater

    text = "Last March, Turkey criticised Russia."
    doc = parse(text)
    doc._.article = None
    doc._.events = [event_at(doc, "criticised", 0)]
    EventDater(nlp)(doc)
    date = doc._.events[0].date
    assert (date.start, date.granularity, date.text) == (None, "unknown", "Last March")


@pytest.mark.parametrize("stated_index", [0, 2, 7])
def test_time_component_dates_an_event_by_the_sentence_holding_its_trigger(parse, stated_index):
    text = "In 2009 Turkey built a wall. Last March Turkey criticised Russia. It was cold."
    doc = parse(text)
    doc._.article = Article(text=text, date=ARTICLE)
    event = event_at(doc, "criticised", 1)
    event.sentence_index = stated_index
    date_events(doc, [event], sentence_times(doc, ARTICLE))
    assert (event.date.start, event.date.end) == (dt.date(2020, 3, 1), dt.date(2020, 3, 31))


@pytest.mark.parametrize("sentence, expected", [
    ("Gunmen attacked the post on 16/02.", "2020-02-16"),
    ("Gunmen attacked the post overnight.", "2020-10-19"),
])
def test_time_dates_notes_by_numeric_dates_and_overnight(parse, sentence, expected):
    doc = parse(sentence)
    event = event_at(doc, "attacked", 0)
    date_events(doc, [event], sentence_times(doc, ARTICLE))
    assert event.date.start.isoformat() == expected


@pytest.mark.parametrize("day, code", [
    (dt.date(2019, 6, 1), "USAGOV"), (dt.date(2023, 6, 1), "USAELI"), (dt.date(2025, 6, 1), "USAGOV"),
])
def test_time_codes_a_leader_with_the_role_held_on_the_event_date(day, code):
    from detente.model import EventDate
    from detente.time.component import roles_on_event_dates

    trump = ActorRef("USAELI", "USA", "Donald Trump", "person")
    event = Event(trump, "Trump", RUSSIA, "Russia", "111", 0, (0, 10), (0, 5),
                  date=EventDate(day, day, "day", "", "explicit"))
    roles_on_event_dates([event], dt.date(2023, 6, 2))
    assert (event.source.code, event.target) == (code, RUSSIA)


@pytest.mark.parametrize("text, expected", [
    ("Gunmen attacked the post. The attack took place on Monday.", "2020-10-19"),
    ("Gunmen attacked the post. It happened on 16/02.", "2020-02-16"),
    ("Gunmen attacked the post. Separately, talks were held on Monday.", "2020-10-20"),
])
def test_time_takes_the_date_the_next_sentence_gives_the_act(parse, text, expected):
    doc = parse(text)
    event = event_at(doc, "attacked", 0)
    date_events(doc, [event], sentence_times(doc, ARTICLE))
    assert event.date.start.isoformat() == expected
