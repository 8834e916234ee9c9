"""The event record names the sentence every stage read the event in."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.model import ActorRef, Article, Event
from detente.records import doc_records

TURKEY = ActorRef("TUR", "TUR", "Turkey", "country")
RUSSIA = ActorRef("RUS", "RUS", "Russia", "country")
TEXT = "The envoys met in Geneva. Turkey criticised Russia. It was cold."


@pytest.mark.parametrize("stated_index", [0, 1, 2, 7])
def test_records_give_the_sentence_holding_the_events_trigger(parse, stated_index):
    doc = parse(TEXT)
    doc._.article = Article(text=TEXT, date=dt.date(2020, 10, 20), source="test")
    doc._.actors = []
    start = TEXT.index("criticised")
    doc._.events = [Event(TURKEY, "Turkey", RUSSIA, "Russia", "111", stated_index,
                          (start - 7, start + 17), (start, start + 10))]
    record, = doc_records(doc)
    assert (record["sentence_index"], record["sentence"]) == (1, "Turkey criticised Russia.")
