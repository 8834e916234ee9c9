"""Bytes to text: UTF-8 (with or without BOM) first, then charset detection.

Binary files are refused with BinaryInputError, text in an encoding that
cannot be identified with EncodingError.
"""

from __future__ import annotations

import codecs
import logging
import re

import charset_normalizer

from detente.errors import BinaryInputError, EncodingError

log = logging.getLogger(__name__)

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF-", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\x1f\x8b", "gzip-compressed data"), (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
_SNIFF_BYTES = 8192
MOSTLY_ASCII = 0.85
SINGLE_BYTE_ENCODINGS = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "latin_1")
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x0b\x1b")


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def meta_charset(html: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its top, if any."""
    match = _META_CHARSET.search(html[:_SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None


def _bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def _binary_kind(data: bytes) -> str | None:
    """What the data looks like when it is not text, or None."""
    kind = next((name for magic, name in _MAGIC if data.startswith(magic)), None)
    head = data[:_SNIFF_BYTES]
    if kind is None and b"\x00" in head:
        kind = "binary data (it contains NUL bytes)"
    if kind is None and head and _control_ratio(head) > 0.1:
        kind = "binary data (it is mostly control characters)"
    return kind


def _control_ratio(head: bytes) -> float:
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls / len(head)


def _decode_bom(data: bytes, encoding: str, where: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"{where}: starts with a {encoding} byte-order mark but is not valid {encoding} "
            f"({exc.reason} at byte {exc.start}); re-save it as UTF-8") from None


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        return data.decode(declared)
    except (LookupError, UnicodeDecodeError):
        log.info("declared charset %r does not decode the data; detecting instead", declared)
        return None


def _ascii_share(data: bytes) -> float:
    return sum(1 for byte in data if byte < 0x80) / len(data) if data else 1.0


def _best_guess(data: bytes):
    """charset-normalizer's best match; mostly-ASCII text is tried with one-byte encodings first.

    Short English text with a few accented letters is otherwise easily taken for a CJK encoding.
    """
    if _ascii_share(data) >= MOSTLY_ASCII:
        best = charset_normalizer.from_bytes(data, cp_isolation=list(SINGLE_BYTE_ENCODINGS)).best()
        if best is not None:
            return best
    return charset_normalizer.from_bytes(data).best()


def _detect(data: bytes, where: str) -> str:
    best = _best_guess(data)
    if best is None:
        raise EncodingError(
            f"{where}: is not UTF-8 and its encoding cannot be detected; re-save it as UTF-8")
    log.info("%s: decoded as %s", where, best.encoding)
    return str(best)


def decode_bytes(data: bytes, where: str, declared: str | None = None) -> str:
    """The text of ``data``; ``declared`` is a charset named by HTTP or a feed, tried first."""
    bom = _bom_encoding(data)
    if bom:
        return _decode_bom(data, bom, where)
    binary = _binary_kind(data)
    if binary:
        raise BinaryInputError(f"{where}: is {binary}, not text; give a .txt, .html, .jsonl or feed file")
    text = _decode_declared(data, declared)
    if text is not None:
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _detect(data, where)
