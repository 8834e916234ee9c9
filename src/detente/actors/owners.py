"""Whose generic actor is it: the country an agent with nothing attached belongs to.

``place_agents`` gives each unattached agent an owner by its ``use`` (data/agents.tsv):
a region or community right before it, the place of the act, a state actor named
before it in the sentence, the country named last, the story's main country
(``placing.Story``); groups that fight across borders are placed the same way.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from detente.model import ActorRef

from .codes import is_country
from .found import Found, agent_ref
from .knowledge import known_country
from .placing import Story


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
    """The country an unattached agent belongs to, and the basis it was found on; world
    knowledge (``knowledge.known_country``) has the last word: troops in Gaza are Israel's."""
    owner, basis = placed_owner(found, index, last, sentence_of, story)
    item = found[index]
    text = story.doc[item.start:item.end].text
    known = known_country(text, item.agent.use, owner.country if owner else None, story.day)
    if known is not None and (owner is None or known != owner.country):
        return story.country_ref(known) or owner, "story"
    return owner, basis


def placed_owner(found: list[Found], index: int, last: ActorRef | None, sentence_of,
                 story: Story) -> tuple[ActorRef | None, str]:
    """The country the text places an unattached agent in, and the basis it was found on."""
    item = found[index]
    use = item.agent.use
    sentence = sentence_of(item.start)
    if use in ("local", "military"):
        before = story.as_country(before_in_sentence(found, index, sentence_of))
        if use == "military" and before is not None:
            return before, "story"
        place = story.place_country(sentence, item.start)
        if place is None and use == "local":
            place = story.struck_country(sentence, item.start)
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
