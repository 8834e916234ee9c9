"""Regenerate src/detente/events/data/verbs_petrarch.json from PETRARCH-2's verb dictionary.

Reads ../shared/reference/petrarch2/CAMEO.2.0.txt (MIT, openeventdata/petrarch2)
only when a developer runs it; the program reads the JSON it writes.

Output: {"synsets": {"&NAME": ["word or phrase", ...]},
         "blocks": [{"code": default code or null,
                     "verbs": [{"lemma", "before", "after", "code"}],
                     "patterns": [{"pre": [element], "post": [element], "code"}]}]}
An element is {"prep": preposition or null, "words": [word or "&SYNSET", ...]}
(the last word is the head). A code is "NNN", "NNN:MMM" (the second is the
reverse-direction code) or null for "no event". The dictionary's actor markers
($, +, ^, %) are dropped: Detente finds actors in the dependency parse.

It also writes src/detente/events/data/discards.json from Phoenix.discards.txt:
phrases (sports, entertainment, epidemics ...) that make a sentence no event.
Years, "... later/ago" phrases and references to past wars are left out:
Detente dates events instead of discarding history.

Usage: python tools/build_verb_data.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from detente.events.cameo import is_code
from detente.events.lexicon import parse_pattern

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "detente" / "events" / "data" / "verbs_petrarch.json"
DISCARDS_OUT = OUT.with_name("discards.json")
TIME_WORDS = ("LATER", "AGO")
HISTORY = ("WORLD WAR", "NAPOLEONIC", "PEARL HARBOR", "1942")   # dated history stays codable
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([0-9:\-]*)!?\]")


def known_code(code: str) -> str:
    """PETRARCH uses a few codes the CAMEO codebook lacks (1952): keep the nearest parent."""
    for candidate in (code, code[:3], code[:2]):
        if not candidate or is_code(candidate):
            return candidate
    return code


def clean_code(raw: str | None) -> str | None:
    if raw is None or raw.strip("-: ") == "":
        return None
    return ":".join(known_code(part) for part in raw.strip().split(":"))


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def word(token: str) -> str:
    return token.strip("_").replace("_", " ").lower()


def parse_verb(line: str) -> dict:
    """`+ASK_FOR {...} [020]` or `WIRE_+TAP` or `SAY {SAYS SAID}` -> lemma, particles, code."""
    code_match = CODE.search(line)
    head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()[0]
    parts = head.strip("_").split("_")
    marked = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    parts = [p.lstrip("+").lower() for p in parts]
    return {"lemma": parts[marked], "before": parts[:marked], "after": parts[marked + 1:],
            "code": clean_code(code_match.group(1)) if code_match else None}


def parse_pattern_line(line: str) -> dict:
    return parse_pattern(line[1:])


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets, current = {}, None
    for line in lines:
        text = strip_comment(line).strip()
        if text.startswith("&"):
            current = "&" + text[1:].rstrip("_").upper()
            synsets[current] = []
        elif text.startswith("+") and current:
            synsets[current].append(word(text[1:]))
        elif text.startswith("---"):
            current = None
    return synsets


def read_blocks(lines: list[str]) -> list[dict]:
    blocks = []
    for line in lines:
        text = strip_comment(line)
        header = BLOCK.match(line)
        if header:
            blocks.append({"code": clean_code(header.group(2)), "verbs": [], "patterns": []})
        elif not blocks or not text.strip() or text.startswith("~"):
            continue
        elif text.startswith("-"):
            blocks[-1]["patterns"].append(parse_pattern_line(text))
        elif not text.startswith(("&", " ", "\t")):
            blocks[-1]["verbs"].append(parse_verb(text))
    return blocks


def build(shared: Path) -> dict:
    lines = (shared / "reference/petrarch2/CAMEO.2.0.txt").read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    blocks = read_blocks(lines[start:])
    for block in blocks:
        for pattern in block["patterns"]:
            pattern["code"] = clean_code(pattern["code"])
    return {"synsets": read_synsets(lines[:start]), "blocks": blocks}


def read_discards(shared: Path) -> list[str]:
    lines = (shared / "reference/petrarch2/Phoenix.discards.txt").read_text(encoding="latin-1")
    phrases = set()
    for line in lines.splitlines():
        text = strip_comment(line).split(";")[0].strip().lstrip("+").strip()
        if not text or text[0].isdigit() or text.endswith(TIME_WORDS) or \
                any(h in text.upper() for h in HISTORY):
            continue
        phrases.add(text.lower())
    return sorted(phrases)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    data = build(args.shared)
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    verbs = sum(len(b["verbs"]) for b in data["blocks"])
    patterns = sum(len(b["patterns"]) for b in data["blocks"])
    print(f"wrote {len(data['blocks'])} blocks, {verbs} verbs, {patterns} patterns to {OUT}")
    discards = read_discards(args.shared)
    DISCARDS_OUT.write_text(json.dumps({"phrases": discards}, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(discards)} discard phrases to {DISCARDS_OUT}")


if __name__ == "__main__":
    main()
