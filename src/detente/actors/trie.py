"""A token-level phrase trie keyed by spaCy string hashes (``LOWER`` attribute values).

Built once per process; ``matches(hashes, i)`` walks it from token ``i`` and
returns every phrase ending there, longest first. Pure dictionary lookups, so
matching costs about one hash lookup per token.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.strings import hash_string

_END = 0  # hash_string never returns 0 for a non-empty string


class PhraseTrie:
    def __init__(self):
        self.root: dict = {}
        self.size = 0

    def add(self, tokens: Sequence[str], value, priority: int = 0) -> None:
        """Store ``value`` under the token sequence unless a higher priority holds it."""
        node = self.root
        for token in tokens:
            node = node.setdefault(hash_string(token), {})
        held = node.get(_END)
        if held is None or priority > held[0]:
            self.size += held is None
            node[_END] = (priority, value)

    def get(self, tokens: Sequence[str]):
        node = self.root
        for token in tokens:
            node = node.get(hash_string(token))
            if node is None:
                return None
        held = node.get(_END)
        return held[1] if held else None

    def matches(self, hashes: Sequence[int], start: int) -> list[tuple[int, object]]:
        """(end, value) of every stored phrase starting at ``start``, longest first."""
        found, node, position = [], self.root, start
        while position < len(hashes):
            node = node.get(hashes[position])
            if node is None:
                break
            position += 1
            if _END in node:
                found.append((position, node[_END][1]))
        found.reverse()
        return found
