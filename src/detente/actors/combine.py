"""Turn filtered candidates into coded actor mentions.

Agents get their country from what is attached to them: a country, demonym or
capital before them ("Turkish soldiers", "Russia's foreign minister", "Kremlin
spokesman"), "of COUNTRY" after them ("the government of Syria"); a title before a
person's name joins the person ("Turkish President Erdogan"). Agents with nothing
attached are placed by their ``use`` (``owners.py``, ``placing.py``, data/agents.tsv): a
region or community right before them ("Oromia police"), the place of the act in
their sentence ("police in Beledweyne"), a country named near them, or the story's
main country. Each mention records how its country was found in ``basis``:
``named`` (in the phrase), ``place`` (the place of the act) or ``story``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc

from detente.model import ActorMention
from detente.places import gazetteer
from detente.sentences import SentenceIndex

from .dictionary import ActorDictionary, AgentPattern
from .found import Found, agent_ref
from .matcher import Candidate
from .owners import place_agents, qualified
from .placing import Story
from .setting import comma_places, mark_settings

LINKS = frozenset({"'s", "’s", "'"})
MAX_GAP = 2


def resolve(cand: Candidate, day: dt.date | None) -> Found | None:
    if cand.is_agent:
        return Found(cand.start, cand.end, None, "agent", cand.pattern)
    pattern = cand.pattern
    if pattern.words == 1 and pattern.entry.kind == "person" and not pattern.entry.known_on(day):
        return None  # a surname alone, before its bearer held any role: someone else
    if pattern.entry.placed:
        role = pattern.entry.code_on(day)[3:]
        return Found(cand.start, cand.end, None, pattern.via, AgentPattern(role, "local"),
                     group=pattern.entry)
    ref = pattern.entry.ref_on(day, role=pattern.role, kind=pattern.kind)
    return Found(cand.start, cand.end, ref, pattern.via)


def regions_first(doc: Doc, found: list[Found], book: ActorDictionary,
                  day: dt.date | None) -> list[Found]:
    """A country or place name followed by (or ending in) an administrative word is a
    region of the gazetteer: "Bale zone" (Ethiopia, not Basel), "Somali Region"
    (Ethiopia, not Somalia), "Niger State" and "Borno State" (places in Nigeria)."""
    out: list[Found] = []
    for item in found:
        if item.ref is not None and item.ref.kind in ("country", "place") and not item.agent:
            item = as_region(doc, item, book, day) or item
        out.append(item)
    return out


def as_region(doc: Doc, item: Found, book: ActorDictionary, day: dt.date | None) -> Found | None:
    end = item.end
    if end < len(doc) and gazetteer.is_suffix(doc[end].text):
        end += 1
    elif not (item.end - item.start > 1 and gazetteer.is_suffix(doc[item.end - 1].text)):
        return None
    place = gazetteer.find(doc[item.start:end].text)
    entry = book.countries.get(place.country) if place and place.country else None
    if place is None or place.kind not in ("admin", "region") or entry is None:
        return None
    return Found(item.start, end, replace(entry.ref_on(day), name=place.name, kind="place"),
                 item.via)


def gap_links(doc: Doc, left: int, right: int) -> bool:
    """Only a possessive or up to two adjectives between two phrases."""
    between = doc[left:right]
    if len(between) > MAX_GAP:
        return False
    return all(t.text in LINKS or t.pos_ == "ADJ" for t in between)


def attach_before(doc: Doc, found: list[Found]) -> list[Found]:
    """Country/demonym/organisation + agent -> one agent mention."""
    out: list[Found] = []
    for item in found:
        prev = out[-1] if out else None
        if item.agent and prev and prev.group and gap_links(doc, prev.end, item.start):
            out[-1] = Found(prev.start, item.end, None, prev.via, prev.agent, group=prev.group)
            continue
        if item.agent and prev and prev.ref and not prev.agent and gap_links(doc, prev.end, item.start):
            text = doc[item.start:item.end].text
            out[-1] = Found(prev.start, item.end, agent_ref(prev.ref, item.agent, text), "agent",
                            item.agent)
            continue
        out.append(item)
    return out


def attach_after(doc: Doc, found: list[Found]) -> list[Found]:
    """Unattached agent + "of [the] COUNTRY" -> one agent mention."""
    out: list[Found] = []
    skip = False
    for i, item in enumerate(found):
        if skip:
            skip = False
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if item.agent and item.ref is None and nxt and nxt.has_country and not nxt.agent \
                and _of_between(doc, item.end, nxt.start):
            text = doc[item.start:item.end].text
            out.append(Found(item.start, nxt.end, agent_ref(nxt.ref, item.agent, text), "agent",
                             item.agent))
            skip = True
            continue
        out.append(item)
    return out


def _of_between(doc: Doc, left: int, right: int) -> bool:
    words = [t.lower_ for t in doc[left:right]]
    return words in (["of"], ["of", "the"])


def absorb_titles(found: list[Found]) -> list[Found]:
    """An agent right before a person's name is the person's title."""
    out: list[Found] = []
    for item in found:
        prev = out[-1] if out else None
        if item.ref and item.ref.kind == "person" and prev and prev.agent and prev.end == item.start:
            out[-1] = Found(prev.start, item.end, item.ref, item.via)
            continue
        out.append(item)
    return out


def to_mention(doc: Doc, item: Found, sentence_of) -> ActorMention:
    span = doc[item.start:item.end]
    return ActorMention(text=span.text, start=span.start_char, end=span.end_char,
                        token_start=item.start, token_end=item.end, refs=(item.ref,),
                        via=item.via, sentence_index=sentence_of(item.start), basis=item.basis)


def build_mentions(doc: Doc, candidates: list[Candidate], day: dt.date | None,
                   book: ActorDictionary) -> list[ActorMention]:
    sentences = SentenceIndex(doc)
    sentence_of = sentences.of_token
    found = [f for f in (resolve(c, day) for c in candidates) if f is not None]
    found = comma_places(doc, mark_settings(doc, regions_first(doc, found, book, day)))
    found = absorb_titles(attach_after(doc, attach_before(doc, found)))
    story = Story(doc, book, day, [f.ref.country for f in found if f.has_country], sentences)
    found = place_agents(doc, qualified(doc, found, story), sentence_of, story)
    return [to_mention(doc, item, sentence_of) for item in found]
