"""Does a sentence without a time expression continue the episode told just before it?

A few general signals are counted: the same paragraph, closeness to the last
dated sentence, a pronoun or connective at the start, the past perfect, actors
or names shared with the dated sentence. A sentence in the present tense
returns to the time of writing.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from detente.sentences import SentenceIndex

from .tense import is_future, is_past_perfect, is_present

_OPENERS = {"PRON", "DET", "CCONJ", "ADV", "SCONJ"}
_NAMED = {"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC"}
THRESHOLD = 3


@dataclass(frozen=True)
class Episode:
    """The dated sentence a story is anchored on."""

    sentence_index: int
    paragraph: int
    names: frozenset[str]


def continues(sent: Span, index: int, paragraph: int, episode: Episode,
              sent_names: frozenset[str] | None = None, future: bool | None = None) -> bool:
    """True when ``sent`` (the ``index``-th sentence, naming ``sent_names``) goes on telling
    ``episode``; ``future`` is ``is_future(sent)`` when the caller knows it already."""
    future = is_future(sent) if future is None else future
    if future or (is_present(sent, future=False) and not is_past_perfect(sent)):
        return False
    score = 2 * (paragraph == episode.paragraph)
    score += index - episode.sentence_index <= 1
    score += _opens_with_reference(sent)
    score += is_past_perfect(sent)
    score += bool((names(sent) if sent_names is None else sent_names) & episode.names)
    return score >= THRESHOLD


def _opens_with_reference(sent: Span) -> bool:
    """'He ...', 'The two ...', 'But ...', 'Soon ...': the sentence leans on what came before."""
    first = sent[0]
    return first.pos_ in _OPENERS or first.lower_ in ("the", "this", "these", "that")


def names(sent: Span, ents: list[Span] | None = None, codes: frozenset[str] | None = None) -> frozenset[str]:
    """Actor names and named entities of a sentence, lower-cased, plus coded actors when present
    (``codes``: the actor codes of the sentence, when the caller collected them already)."""
    found = {ent.text.lower() for ent in (sent.ents if ents is None else ents) if ent.label_ in _NAMED}
    if codes is None:
        codes = frozenset(ref.code for mention in sent.doc._.actors or []
                          if sent.start_char <= mention.start < sent.end_char for ref in mention.refs)
    return frozenset(found | codes)


def actor_codes_by_sentence(sentences: SentenceIndex) -> list[frozenset[str]]:
    """The codes of the actors mentioned in each sentence, in one pass over the doc's actors."""
    found: list[set[str]] = [set() for _ in sentences]
    for mention in sentences.doc._.actors or []:
        index = sentences.of_char(mention.start)
        if index >= 0:
            found[index].update(ref.code for ref in mention.refs)
    return [frozenset(codes) for codes in found]
