"""Verb lexicon: which CAMEO code a verb and its phrase complements express.

Two packaged files feed it: ``verbs_petrarch.json`` (converted from PETRARCH-2)
and ``verbs_detente.json`` (Detente's own patterns for modern usage, which win
over PETRARCH's when both match equally well). Both describe *blocks*: verbs
sharing a default code plus phrase patterns written in PETRARCH's syntax
(``* {ARMS SALE} (TO)``). Matching is set lookups on lemmas, so it is cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from detente.data import read_json

CODE = re.compile(r"\[([0-9:\-]*)!?\]")
MARKERS = frozenset({"$", "+", "^", "%"})


@dataclass(frozen=True)
class Element:
    """One phrase in a pattern: an optional preposition and words that must all occur."""

    prep: str | None
    words: tuple[frozenset[str], ...]

    @property
    def weight(self) -> int:
        return len(self.words) + (1 if self.prep else 0)


@dataclass(frozen=True)
class Pattern:
    pre: tuple[Element, ...]
    post: tuple[Element, ...]
    code: str | None            # None: the phrase is known to be no event
    reverse: str | None         # code for target -> source ("042:043")
    text: str
    priority: int = 0

    @property
    def weight(self) -> int:
        return sum(e.weight for e in self.pre + self.post)


@dataclass
class VerbEntry:
    lemma: str
    particles: tuple[str, ...]
    code: str | None
    reverse: str | None
    patterns: list[Pattern] = field(default_factory=list)
    priority: int = 0
    # Pattern positions by the forms of their first word, so a context is matched only
    # against the patterns that can match it (a verb may have 190 patterns).
    _by_anchor: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _unanchored: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self):
        for position, pattern in enumerate(self.patterns):
            anchor = _anchor(pattern)
            if anchor is None:
                self._unanchored.append(position)
            for form in anchor or ():
                self._by_anchor.setdefault(form, []).append(position)

    def candidates(self, words: frozenset[str]) -> list[Pattern]:
        """The patterns (in their order) whose first word occurs among ``words``, and those
        without words: no other pattern can match a context whose words are ``words``."""
        found = set(self._unanchored)
        for word in words:
            found.update(self._by_anchor.get(word, ()))
        return [self.patterns[position] for position in sorted(found)]


def _anchor(pattern: Pattern) -> frozenset[str] | None:
    """The forms one of which every context matching ``pattern`` must contain (None: no words)."""
    for element in pattern.post + pattern.pre:
        if element.words:
            return element.words[0]
    return None


@dataclass(frozen=True)
class VerbContext:
    """What surrounds one verb in the parse: words after it, its prepositions, its subject."""

    particles: frozenset[str]
    post_words: frozenset[str]
    preps: dict
    pre_words: frozenset[str]

    def all_words(self) -> frozenset[str]:
        """Every word a pattern element may find: before, after and under a preposition."""
        return self.post_words.union(self.pre_words, *self.preps.values())


@dataclass(frozen=True)
class Coding:
    code: str | None
    reverse: str | None
    pattern: str
    weight: int


def split_code(raw: str | None) -> tuple[str | None, str | None]:
    """'042:043' -> ('042', '043'); '---' or '' -> (None, None)."""
    if raw is None:
        return None, None
    first, _, second = raw.partition(":")
    clean = [c if c and c.strip("-") else None for c in (first, second)]
    return clean[0], clean[1]


def word_forms(word: str, synsets: dict[str, list[str]]) -> frozenset[str]:
    """A pattern word and its plain forms; a synset name becomes all its members."""
    words = synsets.get(word.upper(), []) if word.startswith("&") else [word]
    forms = set()
    for item in words:
        item = item.lower().split()[-1] if item.strip() else item
        forms.add(item)
        if item.endswith("ies"):
            forms.add(item[:-3] + "y")
        elif item.endswith("s") and not item.endswith("ss"):
            forms.add(item[:-1])
    return frozenset(forms)


def make_element(raw: dict, synsets: dict) -> Element:
    return Element(prep=raw.get("prep"), words=tuple(word_forms(w, synsets) for w in raw["words"]))


def tokenize_pattern(text: str) -> list[str]:
    return re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", text)


def _phrase_words(token: str) -> list[str]:
    inner = token[1:-1].split() if token.startswith("{") else [token]
    return [w if w.startswith("&") else w.strip("_").replace("_", " ").lower()
            for w in inner if w not in MARKERS]


def parse_element(token: str) -> dict | None:
    """`(TO {ARMS SALE})` -> {"prep": "to", "words": ["arms", "sale"]}; markers -> None."""
    if token in MARKERS or not token:
        return None
    if token.startswith("("):
        inner = tokenize_pattern(token[1:-1])
        if not inner:
            return None
        return {"prep": inner[0].lower(), "words": [w for t in inner[1:] for w in _phrase_words(t)]}
    return {"prep": None, "words": _phrase_words(token)}


def parse_pattern(text: str) -> dict:
    """A PETRARCH pattern line `- PRE * POST [CODE]` -> {"pre", "post", "code"}."""
    code_match = CODE.search(text)
    body = text.lstrip("- ")
    body = body[: body.find("[")] if code_match else body
    pre, _, post = body.partition("*")
    code = code_match.group(1) if code_match else None
    return {"pre": [e for t in tokenize_pattern(pre) if (e := parse_element(t))],
            "post": [e for t in tokenize_pattern(post) if (e := parse_element(t))],
            "code": code if code and code.strip("-:") else None}


class Lexicon:
    """Verb lemma -> entries; ``code(lemma, context)`` picks the best pattern."""

    def __init__(self):
        self.entries: dict[str, list[VerbEntry]] = {}
        self.agentive_passives: frozenset[str] = frozenset()
        self.generic_verbs: frozenset[str] = frozenset()
        self.reverse_events_for: frozenset[str] = frozenset()

    def add_blocks(self, blocks: list[dict], synsets: dict, priority: int) -> None:
        for block in blocks:
            patterns = [self._pattern(p, synsets, priority) for p in block.get("patterns", [])]
            for verb in block["verbs"]:
                self._add_verb(verb, block.get("code"), patterns, priority)

    def _pattern(self, raw, synsets, priority) -> Pattern:
        if isinstance(raw, str):
            text, raw = raw, parse_pattern(raw)
        else:
            text = " ".join(_describe(e) for e in raw["pre"]) + " * " + " ".join(
                _describe(e) for e in raw["post"])
        code, reverse = split_code(raw["code"])
        return Pattern(pre=tuple(make_element(e, synsets) for e in raw["pre"]),
                       post=tuple(make_element(e, synsets) for e in raw["post"]),
                       code=code, reverse=reverse, text=text.strip(), priority=priority)

    def _add_verb(self, verb, block_code, patterns, priority) -> None:
        if isinstance(verb, str):
            verb = {"lemma": verb.split()[0], "after": verb.split()[1:], "code": None}
        code, reverse = split_code(verb.get("code") or block_code)
        entry = VerbEntry(lemma=verb["lemma"], particles=tuple(verb.get("after", ())),
                          code=code, reverse=reverse, patterns=list(patterns), priority=priority)
        self.entries.setdefault(entry.lemma, []).append(entry)

    def knows(self, lemma: str) -> bool:
        return lemma in self.entries

    def code(self, lemma: str, context: VerbContext) -> Coding | None:
        """The most specific matching pattern, else the verb's own code.

        Returns None for an unknown lemma; a Coding whose ``code`` is None means
        "a known verb, but this use is no event".
        """
        ranked = []
        words = context.all_words()
        for entry in self._entries_for(lemma, context):
            for pattern in entry.candidates(words):
                if matches(pattern, context):
                    ranked.append(((pattern.weight, pattern.priority, 1), Coding(
                        pattern.code, pattern.reverse, f"{lemma} {pattern.text}", pattern.weight)))
            if lemma in self.generic_verbs and not entry.particles:
                continue          # "go", "take": an event only through a pattern
            name = " ".join((lemma,) + entry.particles)
            ranked.append(((len(entry.particles), entry.priority, int(entry.code is not None)),
                           Coding(entry.code, entry.reverse, name, 0)))
        return max(ranked, key=lambda item: item[0])[1] if ranked else None

    def _entries_for(self, lemma: str, context: VerbContext) -> list[VerbEntry]:
        entries = [e for e in self.entries.get(lemma, ())
                   if all(p in context.particles for p in e.particles)]
        return entries


def _describe(raw: dict) -> str:
    words = " ".join(raw["words"])
    return f"({raw['prep']} {words})".replace(" )", ")") if raw["prep"] else words


def element_matches(element: Element, context: VerbContext, words: frozenset[str]) -> bool:
    if element.prep is not None:
        found = context.preps.get(element.prep)
        return found is not None and all(forms & found for forms in element.words)
    return all(forms & words for forms in element.words)


def matches(pattern: Pattern, context: VerbContext) -> bool:
    return (all(element_matches(e, context, context.post_words) for e in pattern.post)
            and all(element_matches(e, context, context.pre_words) for e in pattern.pre))


def _read_json(name: str) -> dict:
    return read_json("events", name, "reinstall Detente or regenerate it with `python tools/build_verb_data.py`")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    petrarch = _read_json("verbs_petrarch.json")
    detente = _read_json("verbs_detente.json")
    synsets = {**petrarch["synsets"], **detente.get("synsets", {})}
    lexicon = Lexicon()
    lexicon.add_blocks(petrarch["blocks"], synsets, priority=0)
    lexicon.add_blocks(detente["blocks"], synsets, priority=1)
    lexicon.agentive_passives = frozenset(detente.get("agentive_passives", ()))
    lexicon.generic_verbs = frozenset(detente.get("generic_verbs", ()))
    lexicon.reverse_events_for = frozenset(detente.get("reverse_events_for", ()))
    return lexicon
