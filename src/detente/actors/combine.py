"""Turn filtered candidates into coded actor mentions.

Agents get their country from what is attached to them: a country, demonym or
capital before them ("Turkish soldiers", "Russia's foreign minister", "Kremlin
spokesman"), "of COUNTRY" after them ("the government of Syria"); a title before a
person's name joins the person ("Turkish President Erdogan"). Agents with nothing
attached are placed by their ``use`` (see ``placing.py`` and data/agents.tsv): a
region or community right before them ("Oromia police"), the place of the act in
their sentence ("police in Beledweyne"), a country named near them, or the story's
main country. Each mention records how its country was found in ``basis``:
``named`` (in the phrase), ``place`` (the place of the act) or ``story``.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from detente.model import ActorMention, ActorRef
from detente.places import gazetteer

from .codes import is_country
from .dictionary import ActorDictionary, AgentPattern
from .entries import Entry
from .matcher import Candidate
from .placing import Story
from .setting import comma_places, mark_settings

LINKS = frozenset({"'s", "’s", "'"})
MAX_GAP = 2


@dataclass
class Found:
    start: int
    end: int
    ref: ActorRef | None
    via: str
    agent: AgentPattern | None = None
    basis: str = "named"
    group: Entry | None = None     # a group placed where it acts (JNIM, ISWAP)

    @property
    def has_country(self) -> bool:
        return self.ref is not None and is_country(self.ref.country)


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


def agent_ref(owner: ActorRef, agent: AgentPattern, text: str) -> ActorRef:
    if owner.kind in ("organisation", "group") or not is_country(owner.country):
        return replace(owner, kind=owner.kind)
    base = owner.code[:3]
    code = agent.role + base if agent.prefix else base + agent.role
    owner_name = owner.name if owner.kind == "country" else owner.country
    return ActorRef(code=code, country=owner.country, name=f"{owner_name} {text.lower()}",
                    kind="agent")


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


def later_in_sentence(found: list[Found], index: int, sentence_of) -> ActorRef | None:
    here = sentence_of(found[index].start)
    for item in found[index + 1:]:
        if sentence_of(item.start) != here:
            return None
        if item.has_country:
            return item.ref
    return None


def before_in_sentence(found: list[Found], index: int, sentence_of) -> ActorRef | None:
    """The nearest state actor named before in the sentence: a country, a person, a
    government or its forces (not an armed group: "JNIM attacked an army post")."""
    here = sentence_of(found[index].start)
    for item in reversed(found[:index]):
        if sentence_of(item.start) != here:
            return None
        if item.has_country and item.basis == "named" and is_state(item.ref):
            return item.ref
    return None


def is_state(ref: ActorRef) -> bool:
    return ref.kind in ("country", "person") or (ref.kind == "agent" and ref.code[3:6] in STATE_ROLES)


STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY"})


def owner_of(found: list[Found], index: int, last: ActorRef | None, sentence_of,
             story: Story) -> tuple[ActorRef | None, str]:
    """The country an unattached agent belongs to, and the basis it was found on."""
    item = found[index]
    use = item.agent.use
    sentence = sentence_of(item.start)
    if use in ("local", "military"):
        before = story.as_country(before_in_sentence(found, index, sentence_of))
        if use == "military" and before is not None:
            return before, "story"
        place = story.place_country(sentence, item.start)
        if place is not None:
            return story.country_ref(place), "place"
        if before is not None:
            return before, "story"
    owner = story.as_country(last or later_in_sentence(found, index, sentence_of))
    if owner is None and story.main_country():
        owner = story.country_ref(story.main_country())
    return owner, "story"


def qualified(doc: Doc, found: list[Found], story: Story) -> list[Found]:
    """An unattached agent right after a region or community ("Oromia police",
    "Amhara militia") takes its country: one mention, basis named."""
    out: list[Found] = []
    for item in found:
        prev_end = out[-1].end if out else 0
        if item.agent and item.ref is None:
            hit = story.qualifier_country(item.start)
            if hit is not None and hit[0] >= prev_end:
                owner = story.country_ref(hit[1])
                if owner is not None:
                    text = doc[item.start:item.end].text
                    item = Found(hit[0], item.end, agent_ref(owner, item.agent, text), "agent",
                                 item.agent)
        out.append(item)
    return out


def placed_group(item: Found, owner: ActorRef | None, basis: str, day: dt.date | None) -> Found:
    """A group that fights across borders, coded to the country where it acts (its home
    country when nothing places it)."""
    group = item.group
    if owner is None or not is_country(owner.country):
        return Found(item.start, item.end, group.ref_on(day), "dictionary", item.agent)
    ref = ActorRef(code=owner.country + item.agent.role, country=owner.country, name=group.name,
                   kind=group.kind)
    return Found(item.start, item.end, ref, "dictionary", item.agent, basis)


MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


def describes_thing(doc: Doc, item: Found) -> bool:
    """A civilian word that only describes a thing: 'civilian sites', "children's hospital"."""
    last = doc[item.end - 1]
    return item.agent.role == "CVL" and last.dep_ in MODIFIER_DEPS and last.head.i >= item.end


def place_agents(doc: Doc, found: list[Found], sentence_of, story: Story) -> list[Found]:
    """Give each unattached agent a country by its ``use`` (see ``owner_of``)."""
    out: list[Found] = []
    last: ActorRef | None = None
    for index, item in enumerate(found):
        if item.ref is None:
            if item.agent.use == "attached" or describes_thing(doc, item):
                continue
            owner, basis = owner_of(found, index, last, sentence_of, story)
            if item.group is not None:
                item = placed_group(item, owner, basis, story.day)
            elif owner is None:
                continue
            else:
                item = Found(item.start, item.end,
                             agent_ref(owner, item.agent, doc[item.start:item.end].text), "agent",
                             item.agent, basis)
        elif item.has_country:
            last = item.ref
        out.append(item)
    return out


def sentence_indexer(doc: Doc):
    if not doc.has_annotation("SENT_START"):
        return lambda token_index: 0
    starts = [sent.start for sent in doc.sents]
    return lambda token_index: bisect_right(starts, token_index) - 1


def to_mention(doc: Doc, item: Found, sentence_of) -> ActorMention:
    span = doc[item.start:item.end]
    return ActorMention(text=span.text, start=span.start_char, end=span.end_char,
                        token_start=item.start, token_end=item.end, refs=(item.ref,),
                        via=item.via, sentence_index=sentence_of(item.start), basis=item.basis)


def build_mentions(doc: Doc, candidates: list[Candidate], day: dt.date | None,
                   book: ActorDictionary) -> list[ActorMention]:
    sentence_of = sentence_indexer(doc)
    found = [f for f in (resolve(c, day) for c in candidates) if f is not None]
    found = comma_places(doc, mark_settings(doc, regions_first(doc, found, book, day)))
    found = absorb_titles(attach_after(doc, attach_before(doc, found)))
    story = Story(doc, book, day, [f.ref.country for f in found if f.has_country])
    found = place_agents(doc, qualified(doc, found, story), sentence_of, story)
    return [to_mention(doc, item, sentence_of) for item in found]
