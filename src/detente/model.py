"""The objects that flow through the pipeline, shared by every stage.

An ``Article`` goes in; the spaCy components attach ``ActorMention`` and
``Event`` objects to the ``Doc`` (``doc._.actors``, ``doc._.events``); later
components fill each event's ``date``, ``location`` and ``theatre``;
``detente.records`` turns them into the event record of DESIGN.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from spacy.tokens import Doc

from detente import serialize

ACTOR_KINDS = ("country", "person", "organisation", "group", "agent", "place")
MODALITIES = ("asserted", "threatened", "denied", "alleged", "hypothetical")
GRANULARITIES = ("day", "month", "season", "year", "multi-year", "unknown")
DATE_BASES = ("explicit", "relative", "context", "article")
ACTOR_BASES = ("named", "place", "story")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Article:
    """A cleaned article: the unit that is analysed and stored."""

    text: str
    id: str = ""
    title: str = ""
    date: dt.date | None = None
    source: str = ""
    url: str | None = None
    meta: dict = field(default_factory=dict)

    def __post_init__(self):
        if not self.id:
            self.id = self.content_hash[:16]

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def header(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source,
        }


@dataclass(frozen=True)
class ActorRef:
    """A coded actor: who, independent of where it was mentioned."""

    code: str          # CAMEO-style actor code: country + roles, e.g. TURGOV, RUSMIL, IGONAT
    country: str       # ISO 3166-1 alpha-3, or a CAMEO region/IGO code (WST, IGO, ...)
    name: str          # canonical name: "Turkey", "Recep Tayyip Erdogan", "NATO"
    kind: str          # one of ACTOR_KINDS

    def to_dict(self, text: str) -> dict:
        return {"text": text, "code": self.code, "country": self.country,
                "name": self.name, "kind": self.kind}


@dataclass
class ActorMention:
    """A span of the text that refers to one or more actors.

    ``refs`` holds several actors for plural references ("the two leaders",
    "Russia and Turkey" resolved as a group). ``via`` says how it was
    resolved: dictionary, demonym, metonym, agent, coreference. ``basis`` says
    where its country came from: ``named`` (the phrase names it: a country,
    demonym, person, group, region), ``place`` (the place of the act in the
    sentence: "police in Beledweyne"), ``story`` (another actor of the story,
    its dateline or main country, or a reference back). Optional, default
    ``named``, so mentions built without it keep working.
    """

    text: str
    start: int              # character offsets in doc.text
    end: int
    token_start: int        # token offsets in the Doc (end exclusive)
    token_end: int
    refs: tuple[ActorRef, ...]
    via: str = "dictionary"
    sentence_index: int = 0
    basis: str = "named"

    @property
    def actor(self) -> ActorRef:
        return self.refs[0]


@dataclass
class EventDate:
    start: dt.date | None
    end: dt.date | None
    granularity: str = "unknown"
    text: str = ""
    basis: str = "article"

    def to_dict(self) -> dict:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "granularity": self.granularity,
            "text": self.text,
            "basis": self.basis,
        }


@dataclass
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None

    def to_dict(self) -> dict:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass
class Event:
    """One coded act: source actor, verb phrase, target actor."""

    source: ActorRef
    source_text: str
    target: ActorRef | None
    target_text: str
    cameo: str                      # 3 or 4 digit CAMEO event code, e.g. "111", "0311"
    sentence_index: int
    span: tuple[int, int]           # character range of the evidence in doc.text
    trigger: tuple[int, int]        # character range of the verb phrase
    modality: str = "asserted"
    confidence: float = 0.5
    pattern: str = ""               # the verb pattern that matched, for explanations
    date: EventDate | None = None
    location: Location | None = None
    theatre: str | None = None


def register_extensions() -> None:
    """Add Detente's Doc attributes (and their msgpack codec, for DocBin and n_process); safe to call many times."""
    serialize.register_codec()
    for name, default in (("article", None), ("actors", None), ("events", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


serialize.register_classes(Article, ActorRef, ActorMention, Event, EventDate, Location)
