"""Modality of a coded act: asserted, threatened, denied, alleged or hypothetical.

Rules (cue words live in data/modality.json, governor classes in data/governors.json):

- threatened: a threat verb governs the act ("threatened to retake", "warned that
  it would strike"); the code itself becomes a CAMEO 13x threat.
- denied: "deny" governs the act ("denied attacking the convoy"), or a reported
  clause negates the speaker's own act ("has not supplied weapons, the envoy
  insisted"): the act's code, flagged denied. Denying *responsibility*
  ("denied any responsibility") is 016 through the verb patterns, asserted.
- negated or failed acts ("did not help", "failed to enforce the truce") are not
  events: the coder drops them, or turns "did not agree to meet" into a rejection.
- alleged: an allegation adverb ("reportedly"), a belief verb above the clause
  ("officials believe X was involved", "accused X of ..."), or a raised passive
  ("X is believed to have ...").
- hypothetical: a condition ("if", "unless") or a modal of possibility ("could",
  "might", "should") on the act.
- asserted: everything else.
"""

from __future__ import annotations

from spacy.tokens import Token

from .rules import governors, modality_cues

MAX_HOPS = 6


def is_negated(verb: Token) -> bool:
    cues = modality_cues()
    return any(c.dep_ == "neg" or (c.lower_ in cues.negation and c.dep_ in ("advmod", "det"))
               for c in verb.children)


def auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def verb_is_future(verb: Token) -> bool:
    """'will', or reported 'would' ("said it would send troops")."""
    found = auxiliaries(verb)
    return bool(found & modality_cues().future_aux) or ("would" in found and verb.dep_ == "ccomp")


def is_conditional(verb: Token) -> bool:
    cues = modality_cues()
    for token in _clause_path(verb):
        if any(c.dep_ == "mark" and c.lower_ in cues.conditional_marks for c in token.children):
            return True
        if is_inverted_condition(token):
            return True
    return False


def is_inverted_condition(verb: Token) -> bool:
    """'Had the Americans given ...', 'Should Turkey attack ...': a condition without 'if'."""
    if verb.dep_ != "advcl":
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(
        c.dep_ == "aux" and c.i < subject.i and c.lower_ in ("had", "should", "were")
        for c in verb.children)


def is_condition_of_threat(verb: Token) -> bool:
    """'... unless Stockholm extradites them': the condition of a threat is not an event."""
    cues = modality_cues()
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in cues.conditional_marks for c in verb.children) and \
        governors().class_of(verb.head.lemma_.lower()) == "threat"


def has_possibility_modal(verb: Token) -> bool:
    modals = modality_cues().hypothetical_aux - {"would"}
    return bool(auxiliaries(verb) & modals)


def _clause_path(verb: Token):
    """The verb and the verbs above it, as far as clause links go."""
    token, hops = verb, 0
    while hops < MAX_HOPS:
        yield token
        if token.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "pcomp", "prep") or token.head is token:
            return
        token, hops = token.head, hops + 1


def is_alleged(verb: Token) -> bool:
    cues = modality_cues()
    for token in _clause_path(verb):
        if any(c.lower_ in cues.alleged_adverbs for c in token.children if c.dep_ == "advmod"):
            return True
        if token is not verb and governors().class_of(token.lemma_.lower()) == "belief":
            return True
        if token.lemma_.lower() in cues.alleged_passive_verbs and child_passive(token):
            return True
    return False


def child_passive(token: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in token.children) and any(
        c.dep_ == "xcomp" for c in token.children)


def modality_of(verbs: list[Token], threatened: bool, denied: bool) -> str:
    """The modality of a chain of verbs (governor first, content verb last)."""
    if denied:
        return "denied"
    if threatened:
        return "threatened"
    if any(is_conditional(v) for v in verbs) or has_possibility_modal(verbs[0]):
        return "hypothetical"
    if is_alleged(verbs[0]) or any(is_alleged(v) for v in verbs[1:]):
        return "alleged"
    return "asserted"
