"""Read one verb chain ("agreed to cooperate", "threatened that ... would retake") as a code."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .context import verb_context
from .lexicon import load_lexicon
from .modality import is_negated, verb_is_future
from .rules import governors

MAPPED = ("intent", "threat", "demand", "appeal", "refuse")
OBLIGATION = frozenset({"must", "should"})
MAX_DEPTH = 4


@dataclass
class VerbReading:
    """The code a verb chain expresses, and how it was reached."""

    verbs: list[Token]
    code: str | None
    reverse: str | None = None
    pattern: str = ""
    weight: int = 0
    kind: str | None = None
    threatened: bool = False
    denied: bool = False
    drop: bool = False
    statement: bool = False
    notes: list[str] = field(default_factory=list)


def governed_verb(verb: Token, kind: str | None) -> Token | None:
    """The verb this one governs: its xcomp, or its clause for threat/demand/deny verbs."""
    for dep in ("xcomp",) + (("ccomp",) if kind in governors().takes_clause else ()):
        found = next((c for c in verb.children if c.dep_ == dep and c.pos_ in ("VERB", "AUX")), None)
        if found is not None:
            return found
    if kind in ("deny", "refuse", "threat"):   # "denied attacking", "threatened with striking"
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            found = next((c for c in prep.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
            if found is not None:
                return found
    return None


def is_reported_demand(verb: Token) -> bool:
    """'X says Y must return ...': a statement whose clause says what another must do."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    return clause is not None and any(
        c.dep_ == "aux" and c.lower_ in OBLIGATION for c in clause.children)


def lexical_reading(verb: Token) -> VerbReading:
    context = verb_context(verb)
    coding = load_lexicon().code(verb.lemma_.lower(), context)
    kind = governors().class_of(verb.lemma_.lower(), context.particles)
    if kind == "say" and is_reported_demand(verb):
        kind = "demand"
    if coding is None:
        return VerbReading([verb], None, kind=kind)
    return VerbReading([verb], coding.code, coding.reverse, coding.pattern, coding.weight, kind)


def read_chain(verb: Token, depth: int = 0) -> VerbReading:
    """Code a verb, folding in the verb it governs and its negation."""
    own = lexical_reading(verb)
    inner_verb = governed_verb(verb, own.kind) if depth < MAX_DEPTH else None
    reading = own if inner_verb is None else combine(own, read_chain(inner_verb, depth + 1))
    if is_negated(verb):
        reading = refuse(reading) if verb_is_future(verb) else \
            deny(reading) if depth == 0 and reports_own_act(verb) else negate(reading)
    elif depth == 0 and reading.code and not reading.threatened and (
            verb_is_future(verb) or is_willing(verb)):
        reading = intend(reading)
    return reading


def combine(own: VerbReading, inner: VerbReading) -> VerbReading:
    verbs = own.verbs + inner.verbs
    if own.kind == "fail" or inner.drop:
        return VerbReading(verbs, None, drop=True, notes=["failed or negated act"])
    if own.kind == "deny":      # the act is coded, flagged as denied (gold convention)
        return VerbReading(verbs, inner.code, inner.reverse, f"deny + {inner.pattern}", inner.weight,
                       own.kind, denied=True, drop=inner.code is None)
    if own.kind in MAPPED and (own.weight == 0 or inner.code is not None):
        code = governors().remap(own.kind, inner.code)
        return VerbReading(verbs, code, None, f"{own.pattern} + {inner.pattern}".strip(" +"),
                       own.weight + inner.weight, own.kind,
                       threatened=own.kind == "threat" or (code or "").startswith("13"),
                       drop=code is None)
    if inner.code is not None and (own.code is None or own.weight == 0):
        return VerbReading(verbs, inner.code, inner.reverse, inner.pattern, inner.weight, own.kind,
                       threatened=inner.threatened, denied=inner.denied)
    return VerbReading(verbs, own.code, own.reverse, own.pattern, own.weight, own.kind)


def is_willing(verb: Token) -> bool:
    """'Norway is willing to send ...', 'ready to contribute': readiness is intent."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.pos_ == "ADJ" and \
        governors().class_of(head.lemma_.lower()) == "intent"


def reports_own_act(verb: Token) -> bool:
    """'X has not supplied weapons, its envoy insisted': a reported negation of a named
    actor's (or the speaker's) act is a denial."""
    head = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (verb.dep_ in ("ccomp", "parataxis") and subject is not None
            and subject.pos_ in ("PRON", "PROPN")
            and governors().class_of(head.lemma_.lower()) == "say")


def refuse(reading: VerbReading) -> VerbReading:
    """'will never recognise', 'won't pay': a negated future act is a refusal (12x)."""
    code = governors().remap("refuse", reading.code) if reading.code else None
    if code is None:
        return VerbReading(reading.verbs, None, drop=True, notes=["negated future act"])
    return VerbReading(reading.verbs, code, None, f"refuse {reading.pattern}", reading.weight, "refuse")


def deny(reading: VerbReading) -> VerbReading:
    if reading.code is None or reading.code.startswith("03") or reading.kind == "intent":
        return negate(reading)
    return VerbReading(reading.verbs, reading.code, reading.reverse, f"not {reading.pattern}",
                   reading.weight, reading.kind, denied=True)


def negate(reading: VerbReading) -> VerbReading:
    """'did not agree to meet' -> reject (125); any other negated act is dropped."""
    if reading.code and (reading.kind == "intent" or reading.code.startswith("03")):
        code = governors().remap("refuse", reading.code)
        if code is not None:
            return VerbReading(reading.verbs, code, None, f"not {reading.pattern}", reading.weight,
                           "refuse")
    return VerbReading(reading.verbs, None, drop=True, notes=["negated act"])


def intend(reading: VerbReading) -> VerbReading:
    """'X will send troops': a future act is an expressed intent (03x) or a threat (13x)."""
    if reading.code.startswith(("01", "02", "03", "09", "10", "11", "12", "13")):
        return reading
    code = governors().remap("intent", reading.code)
    return VerbReading(reading.verbs, code, None, f"will {reading.pattern}", reading.weight,
                   "intent", threatened=(code or "").startswith("13"), drop=code is None)
