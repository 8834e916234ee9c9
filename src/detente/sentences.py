"""One document's sentences, worked out in one place for every stage (actors, events, time, places, records).

``SentenceIndex(doc)`` lists the doc's sentences once and answers where things are:
which sentence holds a token, a character or an event, which paragraph each
sentence is in, and which entities each holds. A doc without sentence boundaries
(no parser or sentencizer ran) is one sentence; an empty doc has none.

An event's sentence is the one holding its trigger (``Event.trigger``, character
offsets), and only for an event without a trigger the ``sentence_index`` it states:
so every stage reads the same sentence for the same event, even when a coder
counted sentences differently.

``refers_back(sent)`` says whether a sentence points back to the one before it
(its act or its place): the time stage then dates the earlier act by it, and the
places stage locates the earlier act's place in it. One word table serves both.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from detente.model import Event

_LINE_BREAK = re.compile("\n")

# The words by which a sentence points back to the sentence before: "The attack took place
# on Tuesday", "It happened near Aleppo", "Fighting continued there".
BACK_REFERENCES = {
    # after an opening "The"
    "nouns": frozenset({
        "attack", "attacks", "incident", "clash", "clashes", "raid", "ambush", "killing", "killings",
        "shooting", "bombing", "strike", "strikes", "explosion", "blast", "fighting", "protest",
        "protests", "demonstration", "arrest", "arrests", "abduction", "kidnapping", "assault",
        "offensive", "operation", "meeting", "talks", "call", "visit", "massacre", "violence", "unrest",
    }),
    # as the opening word
    "pronouns": frozenset({"it", "this"}),
    # anywhere, as an adverb of place
    "adverbs": frozenset({"there", "here"}),
}


class SentenceIndex:
    """The sentences of ``doc`` in order, with their token and character starts."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.sents: list[Span] = _sentences(doc)
        self._token_starts = [sent.start for sent in self.sents]
        self._char_starts = [sent.start_char for sent in self.sents]

    def __len__(self) -> int:
        return len(self.sents)

    def __getitem__(self, index: int) -> Span:
        return self.sents[index]

    def __iter__(self):
        return iter(self.sents)

    def of_token(self, token_index: int) -> int:
        """The index of the sentence holding token ``token_index`` (0 when the doc has none)."""
        return max(0, bisect.bisect_right(self._token_starts, token_index) - 1)

    def of_char(self, char: int) -> int:
        """The index of the sentence holding character ``char``, or -1 when it is outside them all."""
        index = bisect.bisect_right(self._char_starts, char) - 1
        return index if index >= 0 and char < self.sents[index].end_char else -1

    def of_event(self, event: Event) -> int:
        """The index of the event's sentence: the one holding its trigger, else the one it states."""
        if event.trigger[1] <= event.trigger[0]:
            return event.sentence_index
        index = self.of_char(event.trigger[0])
        return index if index >= 0 else event.sentence_index

    def holds(self, index: int) -> bool:
        return 0 <= index < len(self.sents)

    @cached_property
    def paragraphs(self) -> list[int]:
        """For each sentence, how many line breaks come before it: equal within a paragraph."""
        breaks = [match.start() for match in _LINE_BREAK.finditer(self.doc.text)]
        return [bisect.bisect_left(breaks, sent.start_char) for sent in self.sents]

    @cached_property
    def entities(self) -> list[list[Span]]:
        """The entities of each sentence, found in one pass (``Span.ents`` walks the whole doc)."""
        found: list[list[Span]] = [[] for _ in self.sents]
        index = 0
        for ent in self.doc.ents if self.sents else ():
            while index < len(self.sents) - 1 and ent.start >= self.sents[index].end:
                index += 1
            found[index].append(ent)
        return found


def refers_back(sent: Span) -> bool:
    """The sentence points back to the one before: it opens with "The" and an act noun
    ("The attack ...") or with "It" / "This", or it says "there" / "here" as an adverb."""
    opening = [token.lower_ for token in sent[:2]]
    if opening[:1] == ["the"] and opening[1:] and opening[1] in BACK_REFERENCES["nouns"]:
        return True
    if opening[:1] and opening[0] in BACK_REFERENCES["pronouns"]:
        return True
    return any(token.lower_ in BACK_REFERENCES["adverbs"] and token.dep_ == "advmod" for token in sent)


def sentence_of_token(token: Token) -> Span:
    """The sentence holding ``token`` (the whole doc when it has no sentence boundaries)."""
    doc = token.doc
    return token.sent if doc.has_annotation("SENT_START") else doc[:]


def _sentences(doc: Doc) -> list[Span]:
    if not len(doc):
        return []
    return list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
