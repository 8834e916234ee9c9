"""Which place names in a sentence say where something happened.

A GPE/LOC/FAC entity counts when it is used locatively: the object of a
locative preposition ("air strikes in Idlib", "talks in Sochi"), of "to" after
a verb of motion ("flew to Ankara"), or the direct object of a verb whose
object is a place ("the army shelled Aleppo"). A place name that acts
("Moscow said") or that names a person or an organisation ("Jordan" the
envoy) is not a location.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from . import gazetteer
from .tables import table

PLACE_LABELS = ("GPE", "LOC", "FAC")
_NOT_PLACE_KINDS = ("person", "organisation", "group", "agent")


def locative_places(sent: Span, people: frozenset[str], ents: list[Span] | None = None) -> list[Span]:
    """The place names of ``sent`` (whose entities are ``ents``, when known) used locatively."""
    not_places = set(table("locative")["not_places"])
    return [span for span in _place_spans(sent, sent.ents if ents is None else ents)
            if span.text.lower() not in not_places and not _names_someone(span, people)
            and is_locative(span.root)]


def _place_spans(sent: Span, ents: list[Span]) -> list[Span]:
    """GPE/LOC/FAC entities (with an administrative suffix after them: 'Bale zone'), plus
    proper nouns the gazetteer knows that the tagger missed or mislabelled (never a
    PERSON), and 'NAME zone/region/province...' objects."""
    spans = [with_suffix(ent) for ent in ents if ent.label_ in PLACE_LABELS]
    covered = {i for span in spans for i in range(span.start, span.end)}
    covered |= {i for ent in ents if ent.label_ == "PERSON" and not person_is_place(ent)
                for i in range(ent.start, ent.end)}
    for token in sent:
        if token.dep_ not in ("pobj", "dobj") or token.i in covered:
            continue
        if token.pos_ == "PROPN" or (token.pos_ == "NOUN" and gazetteer.is_suffix(token.text)):
            span = _name_span(token, ents)
            if span.start < token.i or token.pos_ == "PROPN":
                if gazetteer.lookup(span.text) is not None:
                    spans.append(span)
    return sorted(spans, key=lambda span: span.start)


def person_is_place(ent: Span) -> bool:
    """A one-word PERSON entity the gazetteer knows, right after 'in', 'near', 'to'...: the
    small model's mistake for a town ('protesters in Dakar', 'deployed to Tamaulipas')."""
    words = table("locative")
    token = ent.root
    return len(ent) == 1 and token.dep_ == "pobj" \
        and token.head.lower_ in (*words["prepositions"], *words["motion_prepositions"]) \
        and gazetteer.lookup(ent.text) is not None


def with_suffix(span: Span) -> Span:
    """The place entity with the administrative word after it ('Bale' + 'zone')."""
    doc = span.doc
    if span.end < len(doc) and gazetteer.is_suffix(doc[span.end].text) \
            and doc[span.end].pos_ in ("NOUN", "PROPN"):
        return doc[span.start:span.end + 1]
    return span


def _name_span(token: Token, ents: list[Span]) -> Span:
    """The place entity around ``token``, else the token with its compound modifiers
    ('Nagorno-Karabakh', 'West Shewa zone')."""
    around = [ent for ent in ents if ent.start <= token.i < ent.end and ent.label_ in PLACE_LABELS]
    if around:
        return around[0]
    start = min([token.i, *(child.i for child in token.lefts if child.dep_ in ("compound", "punct"))])
    return token.doc[start:token.i + 1]


def is_locative(token: Token) -> bool:
    """True when ``token`` (a place entity's head) says where something happened."""
    words = table("locative")
    head = token.head
    if token.dep_ in ("appos", "conj", "compound") and head.i != token.i:
        return is_locative(head)
    if token.dep_ == "pobj":
        if head.lower_ in words["prepositions"]:
            return True
        if head.lower_ in words["surface_prepositions"]:
            return token.ent_type_ in ("LOC", "FAC")
        return head.lower_ in words["motion_prepositions"] and head.head.lemma_ in words["motion_verbs"]
    return token.dep_ == "dobj" and head.lemma_ in words["place_object_verbs"]


def people_names(doc: Doc) -> frozenset[str]:
    """Lower-cased names (and surnames) of the people of ``doc``, and of the people and
    organisations the actor stage found."""
    names = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and not person_is_place(ent):
            names.update((ent.text.lower(), ent[-1].lower_))
    for mention in doc._.actors or []:
        if any(ref.kind in _NOT_PLACE_KINDS for ref in mention.refs):
            names.add(mention.text.lower())
    return frozenset(names)


def _names_someone(ent: Span, people: frozenset[str]) -> bool:
    if ent.text.lower() in people:
        return True
    actors = ent.doc._.actors or []
    return any(mention.start < ent.end_char and ent.start_char < mention.end
               and any(ref.kind in _NOT_PLACE_KINDS for ref in mention.refs) for mention in actors)


def governing_verb(token: Token) -> int:
    """Index of the verb ``token`` hangs from (the token itself when it is a verb)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token.i
