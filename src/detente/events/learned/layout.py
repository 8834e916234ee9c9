"""The pair features' layout, shared by training (tools/train_event_model.py) and run time.

Plain Python with no third-party import, so the training environment (torch, no
spaCy) and the run time (onnxruntime, numpy) read the same definitions: which
tokens a mention covers, which lie between two mentions, the position features,
and the sizes of the parse-feature vocabularies.
"""

from __future__ import annotations

import math

DEPS = ("none", "other", "nsubj", "nsubjpass", "dobj", "iobj", "dative", "pobj", "poss", "compound",
        "conj", "appos", "amod", "nmod", "npadvmod", "attr", "agent", "ROOT", "ccomp", "xcomp",
        "advcl", "relcl", "acl", "pcomp", "prep", "dep", "nummod", "oprd", "csubj", "expl", "det",
        "advmod", "punct", "cc", "case", "mark", "aux", "neg", "acomp", "parataxis", "meta", "quantmod")
BUCKETS = 4096            # hashed dependency paths and ancestor lemmas


def token_indices(offsets, special, start: int, end: int) -> list[int]:
    """Tokens (not special ones) whose characters overlap [start, end)."""
    return [i for i, (s, e) in enumerate(offsets) if not special[i] and s < end and start < e]


def between_tokens(src: list[int], tgt: list[int]) -> list[int]:
    """Tokens strictly between the earlier mention's end and the later one's start."""
    first, second = (src, tgt) if min(src) <= min(tgt) else (tgt, src)
    return list(range(max(first) + 1, min(second)))


def position(src: list[int], tgt: list[int] | None, gap: list[int]) -> tuple[float, float, float]:
    """(no target, source first, log gap length / 3)."""
    if tgt is None:
        return (1.0, 0.0, 0.0)
    return (0.0, float(min(src) < min(tgt)), math.log1p(len(gap)) / 3.0)
