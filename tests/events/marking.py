"""A tiny hand-made actor tagger for event tests, independent of the actors component."""

from __future__ import annotations

from spacy.tokens import Doc

from detente.model import ActorMention, ActorRef, register_extensions
from detente.sentences import SentenceIndex

COUNTRIES = {
    "turkey": ("TUR", "Turkey"), "turkish": ("TUR", "Turkey"), "ankara": ("TUR", "Turkey"),
    "erdogan": ("TUR", "Turkey"),
    "russia": ("RUS", "Russia"), "russian": ("RUS", "Russia"), "moscow": ("RUS", "Russia"),
    "putin": ("RUS", "Russia"), "kremlin": ("RUS", "Russia"),
    "syria": ("SYR", "Syria"), "syrian": ("SYR", "Syria"), "damascus": ("SYR", "Syria"),
    "iran": ("IRN", "Iran"), "iranian": ("IRN", "Iran"), "tehran": ("IRN", "Iran"),
    "france": ("FRA", "France"), "french": ("FRA", "France"), "paris": ("FRA", "France"),
    "india": ("IND", "India"), "indian": ("IND", "India"),
    "pakistan": ("PAK", "Pakistan"), "pakistani": ("PAK", "Pakistan"),
    "greece": ("GRC", "Greece"), "greek": ("GRC", "Greece"), "athens": ("GRC", "Greece"),
    "japan": ("JPN", "Japan"), "japanese": ("JPN", "Japan"), "tokyo": ("JPN", "Japan"),
    "china": ("CHN", "China"), "chinese": ("CHN", "China"), "beijing": ("CHN", "China"),
}
GROUPS = {"the two leaders": (("TUR", "Turkey"), ("RUS", "Russia"))}


def ref(code: str, name: str) -> ActorRef:
    return ActorRef(code=code, country=code, name=name, kind="country")


def sentence_of(doc: Doc, token_index: int) -> int:
    return SentenceIndex(doc).of_token(token_index)


def mention(doc: Doc, start: int, end: int, refs) -> ActorMention:
    span = doc[start:end]
    return ActorMention(text=span.text, start=span.start_char, end=span.end_char,
                        token_start=start, token_end=end, refs=tuple(refs),
                        sentence_index=sentence_of(doc, start))


def mark_countries(doc: Doc) -> Doc:
    """Set doc._.actors from the table above (single words and a few group phrases)."""
    register_extensions()
    found = []
    lowered = [t.lower_ for t in doc]
    for phrase, members in GROUPS.items():
        words = phrase.split()
        for i in range(len(doc) - len(words) + 1):
            if lowered[i:i + len(words)] == words:
                found.append(mention(doc, i, i + len(words), [ref(*m) for m in members]))
    covered = {i for m in found for i in range(m.token_start, m.token_end)}
    for token in doc:
        if token.lower_ in COUNTRIES and token.i not in covered:
            found.append(mention(doc, token.i, token.i + 1, [ref(*COUNTRIES[token.lower_])]))
    doc._.actors = sorted(found, key=lambda m: m.start)
    return doc
