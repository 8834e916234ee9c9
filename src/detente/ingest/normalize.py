"""Clean a text before analysis: one newline style, no control characters, tidy paragraphs.

Character offsets of every event point into the text this module returns, so
all cleaning happens here, once, before the text reaches spaCy.
"""

from __future__ import annotations

import re
import unicodedata

from detente.errors import EmptyTextError, TextTooLongError

_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
# control characters (but tab and newline), surrogates, private use, invisible format marks
_DROPPED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U0010ffff"
    "\ufeff\u200b\u200e\u200f\u2060\u00ad]")


def strip_controls(text: str) -> str:
    """Remove control, surrogate, private-use and invisible format characters."""
    return _DROPPED.sub("", text)


def tidy_lines(text: str) -> str:
    """Collapse runs of spaces inside lines and runs of blank lines between paragraphs."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def normalize_text(text: str) -> str:
    """The cleaned text: NFC, newlines unified, controls stripped, paragraphs kept."""
    text = _LINE_BREAKS.sub("\n", text)
    text = unicodedata.normalize("NFC", strip_controls(text))
    return tidy_lines(text)


def check_text(text: str, where: str, max_chars: int) -> str:
    """The text itself when it can be analysed, else the error that says why not."""
    if not text:
        raise EmptyTextError(f"{where}: the text is empty or only whitespace; give an article with some text")
    if len(text) > max_chars:
        raise TextTooLongError(
            f"{where}: the text has {len(text):,} characters, more than the limit of {max_chars:,}; "
            f"split it or raise DETENTE_MAX_TEXT_CHARS")
    return text
