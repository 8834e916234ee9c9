"""Where a document's sentences and paragraphs are: shared by the time and place stages."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

_LINE_BREAK = re.compile("\n")


def paragraph_indexes(text: str, sents: list) -> list[int]:
    """For each sentence, how many line breaks come before it: equal within a paragraph."""
    breaks = [match.start() for match in _LINE_BREAK.finditer(text)]
    return [bisect.bisect_left(breaks, sent.start_char) for sent in sents]


def entities_by_sentence(doc: Doc, sents: list) -> list[list]:
    """The entities of each sentence, found in one pass (``Span.ents`` walks the whole doc)."""
    found = [[] for _ in sents]
    index = 0
    for ent in doc.ents:
        while index < len(sents) - 1 and ent.start >= sents[index].end:
            index += 1
        found[index].append(ent)
    return found
