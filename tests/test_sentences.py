"""One document's sentence index, shared by the actors, events, time and places stages and the records."""

from __future__ import annotations

import pytest
import spacy

from detente.model import ActorRef, Event
from detente.sentences import SentenceIndex, sentence_of_token

TURKEY = ActorRef("TUR", "TUR", "Turkey", "country")
TEXT = "Turkey shot down a jet over Idlib.\nRussia protested. Moscow recalled its envoy."


def event_with(trigger: tuple[int, int], stated: int) -> Event:
    return Event(TURKEY, "Turkey", None, "", "111", stated, (0, 1), trigger)


def test_sentences_index_finds_the_sentence_of_a_token_and_a_character(parse):
    sentences = SentenceIndex(parse(TEXT))
    recalled = TEXT.index("recalled")
    token = next(t.i for t in sentences.doc if t.idx == recalled)
    assert (len(sentences), sentences.of_token(token), sentences.of_char(recalled)) == (3, 2, 2)
    assert [sentences.of_token(sent.start) for sent in sentences] == [0, 1, 2]


def test_sentences_index_says_a_character_past_the_text_is_in_no_sentence(parse):
    assert SentenceIndex(parse(TEXT)).of_char(len(TEXT) + 5) == -1


def test_sentences_index_numbers_paragraphs_by_line_breaks(parse):
    assert SentenceIndex(parse(TEXT)).paragraphs == [0, 1, 1]


def test_sentences_index_groups_entities_by_sentence(parse):
    found = [[ent.text for ent in ents] for ents in SentenceIndex(parse(TEXT)).entities]
    assert found == [["Turkey", "Idlib"], ["Russia"], ["Moscow"]]


def test_sentences_index_puts_an_event_in_the_sentence_of_its_trigger(parse):
    start = TEXT.index("recalled")
    assert SentenceIndex(parse(TEXT)).of_event(event_with((start, start + 8), stated=0)) == 2


def test_sentences_index_takes_the_stated_sentence_of_an_event_without_trigger(parse):
    assert SentenceIndex(parse(TEXT)).of_event(event_with((0, 0), stated=1)) == 1


def test_sentences_index_treats_a_doc_without_boundaries_as_one_sentence():
    doc = spacy.blank("en")("Turkey protested. Russia replied.")
    sentences = SentenceIndex(doc)
    assert ([s.text for s in sentences], sentences.of_token(4)) == (["Turkey protested. Russia replied."], 0)
    assert sentence_of_token(doc[4]).text == doc.text


def test_sentences_index_of_an_empty_doc_is_empty():
    doc = spacy.blank("en")("")
    sentences = SentenceIndex(doc)
    assert (len(sentences), sentences.paragraphs, sentences.entities) == (0, [], [])


def _act(doc, word: str, index: int, cameo: str) -> Event:
    from detente.model import EventDate

    start = doc.text.index(word)
    sent = list(doc.sents)[index]
    return Event(TURKEY, "Turkey", None, "", cameo, index, (sent.start_char, sent.end_char),
                 (start, start + len(word)), date=EventDate(None, None, "unknown", "", "article"))


# The first sentence names the act and its place, the second gives a date; only the second
# sentence's reference back (or its absence) decides what both stages carry across.
BACK = [
    ("Gunmen attacked a post in Homs. The attack took place on Monday.", "took", True),
    ("Gunmen attacked a post in Homs. It happened on Monday.", "happened", True),
    ("Gunmen attacked a post in Homs. Police arrested two men there on Monday.", "arrested", True),
    ("Gunmen attacked a post in Homs. Separately, talks were held on Monday.", "held", False),
    ("Gunmen attacked a post in Homs. The minister spoke on Monday.", "spoke", False),
]


@pytest.mark.parametrize("text, verb, back", BACK)
def test_sentences_refers_back_is_what_time_and_places_both_act_on(parse, text, verb, back):
    import datetime as dt

    from detente.places.locate import locate_events
    from detente.sentences import refers_back
    from detente.time.component import date_events
    from detente.time.resolve import sentence_times

    doc = parse(text)
    doc._.actors = []
    assert refers_back(list(doc.sents)[1]) is back
    attack = _act(doc, "attacked", 0, "190")
    date_events(doc, [attack], sentence_times(doc, dt.date(2020, 10, 20)))
    # a verbal act (not a continuing material one) takes the earlier place only by a reference back
    later = _act(doc, verb, 1, "010")
    locate_events(doc, [later])
    dated_by_next = attack.date.start == dt.date(2020, 10, 19)
    placed_by_previous = later.location is not None and later.location.name == "Homs"
    assert (dated_by_next, placed_by_previous) == (back, back)
