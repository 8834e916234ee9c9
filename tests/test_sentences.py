"""One document's sentence index, shared by the actors, events, time and places stages and the records."""

from __future__ import annotations

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
