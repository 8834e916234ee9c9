"""The actor dictionary: every phrase Detente recognizes, compiled once per process.

Sources, highest priority first (a phrase held by a higher source wins):
the hand-maintained ``leaders.tsv`` and ``organisations.tsv``, ``countries.json``
with pycountry's names, then the Phoenix dictionaries converted by
``tools/build_actor_data.py``. ``load_dictionary()`` is cached.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import pycountry
from spacy.lang.en import English

from detente.data import read_json, read_jsonl, read_tsv

from .codes import country_name, is_country, to_iso3
from .entries import Entry, Role, country_entry, parse_day
from .trie import PhraseTrie

log = logging.getLogger(__name__)

PRIORITY = {"leaders": 60, "organisations": 60, "countries": 50, "redirect": 45,
            "phoenix-country": 30, "phoenix-group": 20, "phoenix-organisation": 15,
            "phoenix-person": 10}
NOT_PLURALIZED = ("ese", "ss", "sh", "ch", "i", "s")


@dataclass(frozen=True)
class Pattern:
    """A phrase that names an entry, and how it names it."""

    entry: Entry
    via: str = "dictionary"      # dictionary | demonym | metonym
    role: str = ""               # role added to the entry's code (seats of government: GOV)
    case: str = "title"          # upper: exact capitals; title: not lower case; any
    kind: str | None = None      # overrides the entry's kind (place)
    words: int = 1


@dataclass(frozen=True)
class AgentPattern:
    role: str
    use: str = "attached"        # attached | context | leader
    prefix: bool = False         # role goes before the country (NGO~)
    words: int = 1


class ActorDictionary:
    def __init__(self, tokenizer=None):
        self.actors = PhraseTrie()
        self.agents = PhraseTrie()
        self.countries: dict[str, Entry] = {}
        self.people: dict[str, Entry] = {}       # canonical name -> person with dated roles
        self.tokenizer = tokenizer or English().tokenizer

    def tokens(self, phrase: str) -> list[str]:
        return [t.lower_ for t in self.tokenizer(phrase)]

    def add_phrase(self, phrase: str, pattern_args: dict, entry: Entry, source: str) -> None:
        tokens = self.tokens(phrase) if isinstance(phrase, str) else phrase
        if not tokens:
            return
        pattern = Pattern(entry=entry, words=len(tokens), **pattern_args)
        self.actors.add(tokens, pattern, PRIORITY[source])
        if any("'" in t for t in tokens):  # the same phrase typed with a typographic apostrophe
            curly = [t.replace("'", "\u2019") for t in tokens]
            self.actors.add(curly, pattern, PRIORITY[source])


def case_of(phrase: str) -> str:
    """Written in capitals (``UN``, ``PKK``) -> must be capitals in the text; a name with
    common words in it (``Houthi rebels``, ``Fano militia``) -> only its first word must be
    capitalized; else a title-case name."""
    letters = [c for c in phrase if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "upper"
    words = phrase.split()
    if words[:1] and words[0][:1].isupper() and any(w.islower() and w not in LOWER_PARTICLES
                                                    for w in words[1:]):
        return "lead"
    return "title"


LOWER_PARTICLES = frozenset({"the", "of", "and", "al", "el", "bin", "ibn", "de", "la", "du", "in",
                             "for", "on", "y", "wal", "an", "da", "van", "von", "der", "e"})


def demonym_forms(demonym: str) -> list[str]:
    if demonym.endswith(NOT_PLURALIZED) or demonym.endswith("man") or demonym.endswith("men"):
        return [demonym]
    return [demonym, demonym + "s"]


def load_countries(book: ActorDictionary) -> None:
    table = {k: v for k, v in read_json("actors", "countries.json").items() if not k.startswith("_")}
    for country in pycountry.countries:
        iso3 = country.alpha_3
        extra = table.get(iso3, {})
        entry = book.countries.setdefault(iso3, country_entry(iso3, country_name(iso3)))
        names = {country.name, getattr(country, "common_name", country.name),
                 getattr(country, "official_name", country.name)}
        for phrase in sorted(names) + extra.get("aliases", []):
            book.add_phrase(phrase, {"case": case_of(phrase)}, entry, "countries")
    for iso3, extra in table.items():
        entry = book.countries.setdefault(iso3, country_entry(iso3, country_name(iso3)))
        add_country_extras(book, entry, extra)


def add_country_extras(book: ActorDictionary, entry: Entry, extra: dict) -> None:
    for phrase in extra.get("aliases", []):
        book.add_phrase(phrase, {"case": case_of(phrase)}, entry, "countries")
    for demonym in extra.get("demonyms", []):
        for form in demonym_forms(demonym):
            book.add_phrase(form, {"via": "demonym"}, entry, "countries")
    for capital in extra.get("capitals", []):
        book.add_phrase(capital, {"via": "metonym"}, entry, "countries")
    for seat in extra.get("seats", []):
        book.add_phrase(seat, {"via": "metonym", "role": "GOV"}, entry, "countries")


def aliases(row: dict) -> list[str]:
    return [row["name"]] + [a for a in row["aliases"].split("|") if a]


LEADER_FILES = ("leaders.tsv", "leaders_world.tsv", "ministers.tsv")


def load_leaders(book: ActorDictionary) -> dict[tuple, Entry]:
    """People of the leader tables, one Entry per name (a person's rows in either file
    are joined); returns their phrases (token tuples)."""
    people: dict[str, tuple[Entry, list[str]]] = {}
    for row in (row for name in LEADER_FILES for row in read_tsv("actors", name)):
        role = Role(row["code"], parse_day(row["start"]), parse_day(row["end"]))
        entry, names = people.setdefault(row["name"], (Entry(row["name"], "person", ()), []))
        entry.roles = entry.roles + (role,)
        names.extend(aliases(row))
    claimed = {}
    book.people.update({entry.name: entry for entry, _ in people.values()})
    for entry, names in people.values():
        for phrase in names:
            tokens = tuple(book.tokens(phrase))
            claimed[tokens] = entry
            book.add_phrase(list(tokens), {"case": case_of(phrase)}, entry, "leaders")
    return claimed


def load_organisations(book: ActorDictionary) -> None:
    found: dict[str, tuple[Entry, list[str]]] = {}
    for row in read_tsv("actors", "organisations.tsv"):
        role = Role(row["code"], parse_day(row["start"]), parse_day(row["end"]))
        country = row["country"].rstrip("*")
        entry, names = found.setdefault(
            row["name"], (Entry(row["name"], row["kind"], (), country=country,
                                placed=row["country"].endswith("*")), []))
        entry.roles = entry.roles + (role,)
        names.extend(aliases(row))
    for entry, names in found.values():
        for phrase in names:
            book.add_phrase(phrase, {"case": case_of(phrase)}, entry, "organisations")


def phoenix_roles(rows: list[dict]) -> tuple[Role, ...]:
    return tuple(Role(r["code"], parse_day(r.get("start")), parse_day(r.get("end"))) for r in rows)


def phoenix_case(tokens: list[str]) -> str:
    return "upper" if len(tokens) == 1 and len(tokens[0]) <= 3 else "title"


def load_phoenix(book: ActorDictionary, claimed: dict[tuple, Entry]) -> None:
    for record in read_jsonl("actors", "phoenix_actors.jsonl.gz"):
        phrases = [p["t"].split() for p in record["phrases"]]
        if record["kind"] == "country" or is_dated_country(record):
            add_phoenix_country(book, record, phrases, places=record["kind"] != "country")
            continue
        owner = next((claimed[tuple(t)] for t in phrases if tuple(t) in claimed), None)
        if owner is not None:
            for tokens in phrases:
                book.add_phrase(tokens, {"case": phoenix_case(tokens)}, owner, "redirect")
            continue
        entry = Entry(record["name"], record["kind"], phoenix_roles(record["roles"]),
                      source="phoenix")
        if entry.kind == "person":
            book.people.setdefault(entry.name, entry)
        for tokens in phrases:
            book.add_phrase(tokens, {"case": phoenix_case(tokens)}, entry,
                            "phoenix-" + record["kind"])


def is_dated_country(record: dict) -> bool:
    """A Phoenix country whose code changed over time (Iraq, Ukraine): the converter filed
    it as a person; its phrases other than the country's names are its cities."""
    code = record["roles"][-1]["code"] if record["roles"] else ""
    return record["kind"] == "person" and len(code) == 3 and is_country(code)


def add_phoenix_country(book: ActorDictionary, record: dict, phrases: list[list[str]],
                        places: bool = False) -> None:
    iso3 = to_iso3(record["roles"][-1 if places else 0]["code"])
    entry = book.countries.get(iso3) or book.countries.setdefault(
        iso3, country_entry(iso3, record["name"]))
    for tokens, raw in zip(phrases, record["phrases"]):
        args = {"case": phoenix_case(tokens)}
        if raw.get("place") or places:
            args["kind"] = "place"
        book.add_phrase(tokens, args, entry, "phoenix-country")


def load_agents(book: ActorDictionary) -> None:
    for record in read_jsonl("actors", "phoenix_agents.jsonl.gz"):
        tokens = record["t"].split()
        book.agents.add(tokens, AgentPattern(record["role"], "attached", record["prefix"],
                                             len(tokens)), 1)
    for row in read_tsv("actors", "agents.tsv"):
        forms = [row["phrase"]]
        if row["plural"] != "-":
            forms.append(row["plural"] or _plural(row["phrase"]))
        for form in forms:
            tokens = book.tokens(form)
            book.agents.add(tokens, AgentPattern(row["role"], row["use"], False, len(tokens)), 2)


def _plural(phrase: str) -> str:
    if phrase.endswith("y") and phrase[-2:-1] not in "aeiou":
        return phrase[:-1] + "ies"
    return phrase + ("es" if phrase.endswith(("s", "sh", "ch", "x")) else "s")


_CACHE: list[ActorDictionary] = []


def load_dictionary(tokenizer=None) -> ActorDictionary:
    """Every actor and agent phrase, compiled once per process.

    ``tokenizer`` (an English spaCy tokenizer, e.g. the pipeline's) splits the
    hand-written phrases; without one a blank English tokenizer is made.
    """
    if not _CACHE:
        _CACHE.append(build_dictionary(tokenizer))
    return _CACHE[0]


def build_dictionary(tokenizer=None) -> ActorDictionary:
    began = time.perf_counter()
    book = ActorDictionary(tokenizer)
    claimed = load_leaders(book)
    load_organisations(book)
    load_countries(book)
    load_phoenix(book, claimed)
    load_agents(book)
    log.debug("actor dictionary: %d actor and %d agent phrases in %.2fs",
              book.actors.size, book.agents.size, time.perf_counter() - began)
    return book
