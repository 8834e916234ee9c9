"""Tense signals of a sentence: future events may lie after the article date; past perfect
and past tense continue a story, the present tense returns to the time of writing."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from .vocabulary import vocabulary

_REPORTING = {"say", "tell", "add", "note", "announce", "state", "report", "claim", "insist"}


@lru_cache(maxsize=1)
def _future_markers() -> frozenset[str]:
    return frozenset(vocabulary()["future_markers"])


def is_future(sent: Span) -> bool:
    """True when the main clause speaks of something still to come ('will meet', 'said they
    would meet', 'is set to'); a modal in a subordinate clause ('threatened that his army
    would retake ...') does not make the reported act future."""
    markers = _future_markers()
    verb = main_verb(sent)
    heads = (verb.i, sent.root.i)
    lowered = []
    for token in sent:
        lower = token.lower_
        if (lower in markers and token.tag_ == "MD" and token.head.i in heads
                and not _conditional_perfect(token)):
            return True
        lowered.append(lower)
    text = f" {' '.join(lowered)} "
    return any(f" {phrase} " in text for phrase in vocabulary()["future_phrases"])


def _conditional_perfect(token: Token) -> bool:
    """'would have done': a past counterfactual, not the future."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.lower_ == "would" and following is not None and following.lower_ == "have"


def main_verb(sent: Span) -> Token:
    """The verb that carries the sentence's tense, looking past 'X said (that) ...'."""
    root = sent.root
    if root.lemma_ in _REPORTING:
        for child in root.children:
            if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
                return child
    return root


def is_present(sent: Span, future: bool | None = None) -> bool:
    """Present tense or present perfect on the main verb ('says', 'is', 'has signed');
    ``future`` is ``is_future(sent)`` when the caller knows it already."""
    verb = main_verb(sent)
    tags = [verb.tag_] + [child.tag_ for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if not any(tag in ("VBZ", "VBP") for tag in tags):
        return False
    return not (is_future(sent) if future is None else future)


def is_past_perfect(sent: Span) -> bool:
    """'had signed', 'had been told'."""
    return any(token.lower_ == "had" and token.dep_ in ("aux", "auxpass") for token in sent)
