"""What surrounds a verb in the dependency parse, in the shape the lexicon matches on."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import VerbContext

# Dependents that start another clause: their words are not this verb's complements.
CLAUSAL = frozenset({"ccomp", "advcl", "conj", "relcl", "parataxis", "cc", "punct", "mark",
                     "xcomp", "csubj", "nsubj", "nsubjpass", "aux", "auxpass", "neg"})
PARTICLE_DEPS = frozenset({"prt", "prep", "agent", "advmod", "dative"})
SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})


def words_of(tokens) -> set[str]:
    found = set()
    for token in tokens:
        found.add(token.lower_)
        found.add(token.lemma_.lower())
    return found


def phrase_tokens(token: Token) -> list[Token]:
    """A dependent's subtree, without the clauses hanging off it."""
    out = [token]
    for child in token.children:
        if child.dep_ not in ("relcl", "acl", "ccomp", "advcl", "conj", "cc", "punct"):
            out.extend(phrase_tokens(child))
    return out


def prep_words(verb: Token) -> dict[str, set[str]]:
    """Preposition -> words of its object, for the verb and for its direct object."""
    preps: dict[str, set[str]] = {}
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass", "attr")]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("prep", "agent") and not is_temporal(child):
                preps.setdefault(child.lower_, set()).update(
                    words_of(t for t in phrase_tokens(child) if t is not child))
    return preps


def is_temporal(prep: Token) -> bool:
    """'on Tuesday', 'in March': a time, not a complement of the verb."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def verb_context(verb: Token) -> VerbContext:
    post, pre = set(), set()
    particles = {c.lower_ for c in verb.children
                 if c.dep_ in PARTICLE_DEPS and not (c.dep_ == "prep" and is_temporal(c))}
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            pre |= words_of(phrase_tokens(child))
        elif child.dep_ in PASSIVE_SUBJECTS or child.dep_ not in CLAUSAL:
            post |= words_of(phrase_tokens(child))
    return VerbContext(particles=frozenset(particles), post_words=frozenset(post),
                       preps=prep_words(verb), pre_words=frozenset(pre))
