"""Tense signals of a sentence: future events may lie after the article date; past perfect
and past tense continue a story, the present tense returns to the time of writing."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .vocabulary import vocabulary

_REPORTING = {"say", "tell", "add", "note", "announce", "state", "report", "claim", "insist"}


def is_future(sent: Span) -> bool:
    """True when the main clause speaks of something still to come ('will meet', 'said they
    would meet', 'is set to'); a modal in a subordinate clause ('threatened that his army
    would retake ...') does not make the reported act future."""
    table = vocabulary()
    markers = set(table["future_markers"])
    verb = main_verb(sent)
    for token in sent:
        if (token.tag_ == "MD" and token.lower_ in markers and not _conditional_perfect(token)
                and token.head.i in (verb.i, sent.root.i)):
            return True
    text = " ".join(token.lower_ for token in sent)
    return any(f" {phrase} " in f" {text} " for phrase in table["future_phrases"])


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


def is_present(sent: Span) -> bool:
    """Present tense or present perfect on the main verb ('says', 'is', 'has signed')."""
    verb = main_verb(sent)
    tags = [verb.tag_] + [child.tag_ for child in verb.children if child.dep_ in ("aux", "auxpass")]
    return any(tag in ("VBZ", "VBP") for tag in tags) and not is_future(sent)


def is_past_perfect(sent: Span) -> bool:
    """'had signed', 'had been told'."""
    return any(token.lower_ == "had" and token.dep_ in ("aux", "auxpass") for token in sent)
