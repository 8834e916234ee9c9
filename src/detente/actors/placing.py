"""Where a generic actor belongs when its phrase names no country.

"Police in Beledweyne", "protesters in Bale zone", "gunmen killed three people
near Gondar": conflict notes name a town, a district or a region, not a
country. ``Story`` answers, for one Doc, the three questions the actor stage
asks about an agent with no country attached:

- ``qualifier_country``: does a region, town or community written right before
  it place it ("Oromia police", "Amhara regional forces", "Masalit fighters")?
- ``place_country``: which country is the place of the act in its sentence
  (the gazetteer, preferring places in the story's countries)?
- ``main_country``: the story's country: its dateline ("NAIROBI, Kenya -"),
  else the country its actors name most often.

Places are looked for lazily, one sentence at a time, only for sentences that
hold an unplaced agent, so the cost is a few lookups per such sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from detente.data import read_tsv
from detente.model import ActorRef
from detente.places import gazetteer
from detente.places.candidates import locative_places
from detente.sentences import SentenceIndex

from .codes import is_country
from .dictionary import ActorDictionary
from .disambiguation import other_sense_country

QUALIFIER_WORDS = frozenset({"regional", "special", "state", "local", "federal", "provincial",
                             "district", "allied", "armed", "ethnic", "rival", "community",
                             "self-defence", "self-defense", "militia"})
PLACE_KINDS = frozenset({"admin", "region", "city", "state"})
# Nouns of an attack whose "of"/"on"/"against" object is where it struck: "Russia's
# shelling of Kharkiv killed four civilians" (the civilians are in Kharkiv, not Russia).
ATTACK_NOUNS = frozenset({"attack", "attacks", "shelling", "strike", "strikes", "airstrike",
                          "airstrikes", "air strike", "bombing", "bombings", "bombardment",
                          "assault", "raid", "raids", "offensive", "invasion", "shell", "shells",
                          "missile", "missiles", "drone", "drones", "barrage", "incursion",
                          "siege", "blockade", "occupation"})
STRUCK_PREPOSITIONS = frozenset({"of", "on", "against", "upon"})
MAX_QUALIFIER = 4
DATELINE = re.compile(r"^\s*([A-Z][A-Z.'\- ]{1,40}?)(?:,\s*([A-Z][A-Za-z0-9.'\- ]{1,40}?))?"
                      r"\s*(?:\([^)]{1,40}\))?\s*(?:-|\u2013|\u2014|:)\s")


@lru_cache(maxsize=1)
def communities() -> dict[str, str]:
    """Lower-cased community name -> ISO alpha-3 (data/communities.tsv)."""
    return {row["phrase"].lower(): row["country"] for row in read_tsv("actors", "communities.tsv")}


@dataclass
class Story:
    doc: Doc
    book: ActorDictionary
    day: dt.date | None
    named: list[str] = field(default_factory=list)      # countries named, in text order
    sentences: SentenceIndex | None = None
    _places: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    _main: list[str | None] = field(default_factory=list)

    def country_ref(self, iso3: str) -> ActorRef | None:
        entry = self.book.countries.get(iso3)
        return entry.ref_on(self.day) if entry is not None else None

    def as_country(self, ref: ActorRef | None) -> ActorRef | None:
        """A group's, person's or place's country as a country actor (agents keep theirs)."""
        if ref is None or ref.kind in ("country", "agent"):
            return ref
        return self.country_ref(ref.country) or ref

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(self.named) | ({self.dateline()} - {None})

    def sentence_index(self) -> SentenceIndex:
        if self.sentences is None:
            self.sentences = SentenceIndex(self.doc)
        return self.sentences

    def place_country(self, sentence: int, token: int) -> str | None:
        """The country of the locative place of ``sentence`` nearest token ``token``."""
        places = self.places_of(sentence)
        if not places:
            return None
        return min(places, key=lambda place: abs(place[0] - token))[1]

    def places_of(self, sentence: int) -> list[tuple[int, str]]:
        if sentence not in self._places:
            self._places[sentence] = self._find_places(sentence)
        return self._places[sentence]

    def _find_places(self, sentence: int) -> list[tuple[int, str]]:
        sentences = self.sentence_index()
        if not sentences.holds(sentence):
            return []
        spans = locative_places(sentences[sentence], frozenset())
        places = [gazetteer.find(span.text, self.countries) for span in spans]
        found = []
        for index, (span, place) in enumerate(zip(spans, places)):
            country = place.country if place is not None else None
            qualifier = self._comma_qualifier(spans, places, index)
            country = qualifier or other_sense_country(self.doc, span.start, span.end) or country
            if country and is_country(country):
                found.append((span.root.i, country))
        return found

    def struck_country(self, sentence: int, token: int) -> str | None:
        """The country of the place an attack noun of ``sentence`` struck ("the shelling of
        Kharkiv", "a drone strike on Odesa", "Russia's attack on Ukraine"), nearest token
        ``token``: where the act happened when no locative place says so."""
        sents = self.sentence_index()
        if not sents.holds(sentence):
            return None
        found = []
        for word in sents[sentence]:
            if word.lower_ not in STRUCK_PREPOSITIONS or word.head.lower_ not in ATTACK_NOUNS:
                continue
            objects = [child for child in word.children if child.dep_ == "pobj"]
            if not objects or objects[0].pos_ != "PROPN":
                continue
            name = self.doc[objects[0].left_edge.i:objects[0].i + 1]
            while len(name) > 1 and not _name_part(name[0]):
                name = name[1:]
            place = gazetteer.find(name.text, self.countries)
            if place is not None and place.country and is_country(place.country):
                found.append((objects[0].i, place.country))
        if not found:
            return None
        return min(found, key=lambda hit: abs(hit[0] - token))[1]

    def _comma_qualifier(self, spans: list[Span], places: list, index: int) -> str | None:
        """'Paris, Texas', 'Tripoli, Lebanon': the country of the name after the comma."""
        if index + 1 >= len(spans):
            return None
        span, after = spans[index], spans[index + 1]
        if [t.text for t in self.doc[span.end:after.start]] != [","]:
            return None
        return region_country(span.text, after.text)

    def qualifier_country(self, start: int) -> tuple[int, str] | None:
        """(first token, country) of a region, town or community written right before
        token ``start`` ("Oromia police", "Somali Region special police")."""
        doc, i = self.doc, start
        while i > 0 and doc[i - 1].is_lower and doc[i - 1].lower_ in QUALIFIER_WORDS:
            i -= 1
        first = i
        while first > 0 and start - first < MAX_QUALIFIER + 2 and _name_part(doc[first - 1]):
            first -= 1
        for left in range(first, i):
            country = self._qualifier(doc[left:i].text)
            if country:
                return left, country
        return None

    def _qualifier(self, text: str) -> str | None:
        community = communities().get(text.lower())
        if community:
            return community
        place = gazetteer.find(text, self.countries)
        if place is None or place.kind not in PLACE_KINDS or not place.country:
            return None
        return place.country if is_country(place.country) else None

    def dateline(self) -> str | None:
        match = DATELINE.match(head_text(self.doc))
        if match is None:
            return None
        for group in (match.group(2), match.group(1)):
            if group:
                place = gazetteer.find(group.strip().title())
                if place is not None and place.country and is_country(place.country):
                    return place.country
        return None

    def main_country(self) -> str | None:
        """The dateline's country, else the country named most often (first named wins ties)."""
        if not self._main:
            self._main.append(self.dateline() or _most_common(self.named))
        return self._main[0]


def head_text(doc: Doc, tokens: int = 30) -> str:
    """The first words of the doc's text (``doc.text`` would rebuild the whole text)."""
    return doc[:min(tokens, len(doc))].text_with_ws if len(doc) else ""


def _name_part(token) -> bool:
    return (token.is_title or token.is_upper or token.text in ("-", "'s")) and token.is_alpha \
        or token.text == "-" or (token.text[:1].isupper() and "-" in token.text)


def _most_common(codes: list[str]) -> str | None:
    if not codes:
        return None
    counts = Counter(codes)
    best = max(counts.values())
    return next(code for code in codes if counts[code] == best)


def region_country(name: str, qualifier: str) -> str | None:
    """The country of ``qualifier`` when it says where the town ``name`` is: a state or
    region ("Tennessee"), or a country after a name that is not itself a country."""
    place = gazetteer.find(qualifier)
    if place is None or not place.country:
        return None
    if place.kind in ("state", "admin", "region"):
        return place.country
    if place.kind == "country" and gazetteer.country_of(name) is None:
        town = gazetteer.find(name)
        return place.country if town is not None and town.kind == "city" else None
    return None
