"""What the dependency parse says about a candidate pair, as small integer ids.

The encoder sees words; these features say how the two mentions hang together in
the sentence: each mention's dependency relation, the path of relations between
them through their lowest common ancestor, and that ancestor's lemma (for a
mention alone, the word it hangs from). Paths and lemmas are hashed into fixed
buckets, so the same arithmetic serves training and run time with no vocabulary
file.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .layout import BUCKETS, DEPS

MAX_PATH = 6


@dataclass(frozen=True)
class PairSyntax:
    source_dep: int
    target_dep: int
    path: int        # hashed path of relations between the two mentions
    lemma: int       # hashed lemma of their common ancestor (or of the lone mention's head)


def dep_id(token: Token | None) -> int:
    if token is None:
        return 0
    return DEPS.index(token.dep_) if token.dep_ in DEPS else 1


def bucket(text: str) -> int:
    return zlib.crc32(text.encode("utf-8")) % BUCKETS


def ancestors(token: Token) -> list[Token]:
    """The token and its heads up to the root (spaCy makes a new Token object per access,
    so the root is found by index, not identity)."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 50:
        chain.append(chain[-1].head)
    return chain


def governor(token: Token, chain: list[Token] | None = None) -> Token:
    """The verb a mention hangs from, else the word it hangs from (``chain``: its heads,
    when already worked out)."""
    chain = chain if chain is not None else ancestors(token)
    return next((t for t in chain[1:] if t.pos_ in ("VERB", "AUX")), token.head)


class SentenceParse:
    """Head chains of one sentence's tokens, each worked out once for all its pairs."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.chains: dict[int, list[Token]] = {}

    def chain(self, token: Token) -> list[Token]:
        if token.i not in self.chains:
            self.chains[token.i] = ancestors(token)
        return self.chains[token.i]


    def pair(self, source: tuple[int, int], target: tuple[int, int] | None) -> PairSyntax:
        """Features of the pair whose mentions cover tokens [start, end) of the doc."""
        s = self.doc[source[0]:source[1]].root
        if target is None:
            head = governor(s, self.chain(s))
            return PairSyntax(dep_id(s), 0, bucket(f"ALONE {s.dep_}^{head.dep_}"), bucket(head.lemma_.lower()))
        t = self.doc[target[0]:target[1]].root
        up_s, up_t = self.chain(s), self.chain(t)
        on_t = {a.i: n for n, a in enumerate(up_t)}
        at_s = next((n for n, a in enumerate(up_s) if a.i in on_t), None)
        if at_s is None:
            return PairSyntax(dep_id(s), dep_id(t), bucket("APART"), bucket(""))
        common = up_s[at_s]
        left = [a.dep_ for a in up_s[:at_s]][:MAX_PATH]
        right = [a.dep_ for a in up_t[:on_t[common.i]]][:MAX_PATH]
        path = "^".join(left) + f"|{common.pos_}|" + "v".join(reversed(right))
        return PairSyntax(dep_id(s), dep_id(t), bucket(path), bucket(common.lemma_.lower()))

