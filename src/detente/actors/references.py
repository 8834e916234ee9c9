"""References back that stand for a group, a state or someone's forces.

- "his forces", "her government", "its fighters", "their troops": a generic
  actor after a possessive takes the owner's country (and a group's code) from
  the person ("his", "her") or the group, state or force ("its", "their")
  named before it, in the same sentence, else the nearest of the two sentences before
  that names someone ("Erdogan spoke in Ankara. The economy was discussed. He said his
  forces would stay": Erdogan's);
- "their armies" with no group or state before: the forces of the last two people
  (of different countries) named before ("Putin and Erdogan ... their armies");
- "they", "them": the nearest group, state or force named before in the same
  sentence (for "them", not the subject of the same verb), else the subject
  of the previous sentence.

Both give mentions with ``via="coreference"`` and ``basis="story"``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from detente.model import ActorMention, ActorRef

from .codes import is_country

COLLECTIVE_KINDS = frozenset({"group", "organisation", "country", "agent"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def owner_word(doc: Doc, mention: ActorMention, possessives: dict[str, str]) -> str | None:
    """'person' or 'collective' when a possessive pronoun stands right before the mention."""
    if mention.token_start == 0 or mention.via != "agent" or mention.basis == "named":
        return None
    return possessives.get(doc[mention.token_start - 1].lower_)


PERSON_REACH = 2     # sentences back a "he"/"his" may reach when those between name nobody


def person_before(doc: Doc, mentions: list[ActorMention], token: int,
                  sentence: int) -> ActorRef | None:
    """The last person named before ``token`` in its sentence, else the subject (or the
    first person) of the nearest of the ``PERSON_REACH`` sentences before that names
    someone, as "he" would resolve."""
    people = [m for m in mentions if m.actor.kind == "person" and m.token_end <= token
              and sentence - PERSON_REACH <= m.sentence_index <= sentence]
    if not people:
        return None
    if people[-1].sentence_index == sentence:
        return people[-1].actor
    nearest = [m for m in people if m.sentence_index == people[-1].sentence_index]
    subjects = [m for m in nearest if doc[m.token_end - 1].dep_ in SUBJECTS]
    return (subjects or nearest)[0].actor


def people_before(mentions: list[ActorMention], token: int, sentence: int) -> tuple[ActorRef, ...]:
    """'their armies' after 'Putin and Erdogan': the last two people of different countries
    named in the same or the previous sentence."""
    people = [m.actor for m in mentions if m.actor.kind == "person" and m.token_end <= token
              and sentence - 1 <= m.sentence_index <= sentence]
    chosen: list[ActorRef] = []
    for ref in reversed(people):
        if all(ref.country != c.country for c in chosen):
            chosen.insert(0, ref)
    return tuple(chosen[-2:]) if len(chosen) >= 2 else ()


def collective_before(doc: Doc, mentions: list[ActorMention], token: int, sentence: int,
                      skip_subject_of: int | None = None) -> ActorRef | None:
    """The nearest group, state or force named before ``token`` in its sentence, else the
    subject of the previous sentence."""
    same = [m for m in mentions if m.sentence_index == sentence and m.token_end <= token
            and is_collective(m)]
    if skip_subject_of is not None:
        same = [m for m in same if not is_subject_of(doc, m, skip_subject_of)]
    if same:
        return same[-1].actor
    previous = [m for m in mentions if m.sentence_index == sentence - 1 and is_collective(m)
                and doc[m.token_end - 1].dep_ in SUBJECTS]
    return previous[0].actor if previous else None


def is_collective(mention: ActorMention) -> bool:
    ref = mention.actor
    return ref.kind in COLLECTIVE_KINDS and (is_country(ref.country) or ref.kind == "group") \
        and len(mention.refs) == 1


def is_subject_of(doc: Doc, mention: ActorMention, verb: int) -> bool:
    token = doc[mention.token_end - 1]
    return token.dep_ in SUBJECTS and token.head.i == verb


def owned_ref(owner: ActorRef, mention: ActorMention) -> ActorRef:
    """The mention's role under the owner's country ('his forces' of Haftar -> LBYMIL); a
    group's own code for its fighters."""
    if owner.kind == "group" or not is_country(owner.country):
        return owner
    role = mention.actor.code[3:]
    return ActorRef(code=owner.country + role, country=owner.country,
                    name=f"{owner.name} {mention.text.lower()}", kind="agent")
