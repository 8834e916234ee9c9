"""The ``detente_coref`` component: references back to actors named earlier.

- "the Russian leader", "the Turkish president", "the president" -> the person
  who holds that office and was named earlier in the article;
- "the two leaders" -> the last two people; "the two countries" -> the last
  two countries; "both sides" -> the last two countries or armed groups;
- "He"/"She" -> the nearest person in the same sentence, else the subject of the
  nearest of the two sentences before that names someone.

Resolved mentions carry ``via="coreference"``; plural ones carry several refs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc

from detente.data import read_json
from detente.model import ActorMention, ActorRef, register_extensions
from detente.sentences import SentenceIndex
from detente.stage import Stage, check_config

from .codes import is_country
from .component import article_date
from .dictionary import load_dictionary
from .references import (
    PERSON_REACH,
    SUBJECTS,
    collective_before,
    is_subject_of,
    owned_ref,
    owner_word,
    people_before,
    person_before,
)
from .trie import PhraseTrie

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CorefRules:
    phrases: PhraseTrie            # plural phrases -> "people" | "countries" | "sides"
    pronouns: frozenset[str]
    leader_nouns: tuple[str, ...]
    collective_pronouns: frozenset[str]
    possessives: dict[str, str]


@lru_cache(maxsize=1)
def load_coref_rules() -> CorefRules:
    data = read_json("actors", "coreference.json")
    book = load_dictionary()
    trie = PhraseTrie()
    for group in ("people", "countries", "sides"):
        for phrase in data[f"pair_{group}"]:
            trie.add(book.tokens(phrase), group)
    return CorefRules(trie, frozenset(data["pronouns"]), tuple(data["leader_nouns"]),
                      frozenset(data["collective_pronouns"]), dict(data["possessives"]))


def is_leader_reference(mention: ActorMention, rules: CorefRules) -> bool:
    text = mention.text.lower()
    return mention.via == "agent" and mention.actor.kind == "agent" \
        and mention.actor.code.endswith("GOV") and text.endswith(rules.leader_nouns)


def holds_office(ref: ActorRef) -> bool:
    return ref.kind == "person" and ref.code[3:6] == "GOV"


LEADER_WINDOW = 2


def resolve_leader(mention: ActorMention, earlier: list[ActorMention],
                   rules: CorefRules, window: int = LEADER_WINDOW) -> ActorRef | None:
    """The latest office holder named before: of the mention's country when a country is
    written ("the Russian leader"); else named in the last ``window`` sentences ("the president")."""
    holders = [m for m in earlier if holds_office(m.actor)]
    if mention.text.lower().removeprefix("the ") in rules.leader_nouns:
        recent = [m for m in holders if mention.sentence_index - m.sentence_index <= window]
        return recent[-1].actor if recent else None
    same = [m.actor for m in holders if m.actor.country == mention.actor.country]
    return same[-1] if same else None


def last_distinct(refs: list[ActorRef], key) -> tuple[ActorRef, ...]:
    chosen: list[ActorRef] = []
    for ref in reversed(refs):
        if all(key(ref) != key(c) for c in chosen):
            chosen.append(ref)
        if len(chosen) == 2:
            return tuple(reversed(chosen))
    return ()


class Coreference(Stage):
    """Resolve plural references ("the two leaders"), pronouns and leader titles to actors."""

    def __init__(self, nlp: Language, name: str = "detente_coref", pronouns: bool = True,
                 leader_window: int = LEADER_WINDOW):
        super().__init__(nlp, name)
        self.pronouns = pronouns
        self.leader_window = check_config(name, "leader_window", leader_window, lambda v: v >= 0,
                                          "a number of sentences, 0 or more")
        self.rules = load_coref_rules()
        self.book = load_dictionary(nlp.tokenizer)

    def country_ref(self, ref: ActorRef, day) -> ActorRef:
        entry = self.book.countries.get(ref.country)
        return entry.ref_on(day) if entry and ref.kind != "country" else ref

    def pair_refs(self, group: str, earlier: list[ActorMention], day) -> tuple[ActorRef, ...]:
        refs = [r for m in earlier for r in m.refs if r.kind != "place"]
        if group == "people":
            return last_distinct([r for r in refs if r.kind == "person"], lambda r: r.name)
        if group == "countries":
            countries = [self.country_ref(r, day) for r in refs if is_country(r.country)]
            return last_distinct(countries, lambda r: r.country)
        sides = [r if r.kind == "group" else self.country_ref(r, day) for r in refs
                 if is_country(r.country) or r.kind == "group"]
        return last_distinct(sides, lambda r: (r.country, r.kind == "group"))

    def plural_mentions(self, doc: Doc, mentions: list[ActorMention],
                        sentence_of) -> list[ActorMention]:
        hashes = doc.to_array(LOWER).tolist() if len(doc) else []
        found, day = [], article_date(doc)
        for i in range(len(hashes)):
            matches = self.rules.phrases.matches(hashes, i)
            if not matches:
                continue
            end, group = matches[0]
            span = doc[i:end]
            refs = self.pair_refs(group, [m for m in mentions if m.end <= span.start_char], day)
            if refs:
                found.append(self.mention(doc, i, end, refs, sentence_of))
        return found

    def pronoun_mentions(self, doc: Doc, mentions: list[ActorMention],
                         sentence_of) -> list[ActorMention]:
        found = []
        if not self.pronouns:
            return found
        for token in doc:
            if token.pos_ != "PRON":
                continue
            ref = None
            if token.lower_ in self.rules.pronouns:
                ref = self.antecedent(doc, token.i, mentions, sentence_of(token.i))
            elif token.lower_ in self.rules.collective_pronouns:
                verb = token.head.i if token.dep_ not in SUBJECTS else None
                ref = collective_before(doc, mentions, token.i, sentence_of(token.i), verb)
            if ref is not None:
                found.append(self.mention(doc, token.i, token.i + 1, (ref,), sentence_of))
        return found

    def owned_mentions(self, doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
        """'his forces', 'its fighters': the generic actor takes its owner named before."""
        out = []
        for mention in mentions:
            word = owner_word(doc, mention, self.rules.possessives)
            owner = None
            if word == "person":
                owner = person_before(doc, mentions, mention.token_start - 1, mention.sentence_index)
            elif word == "collective":
                owner = collective_before(doc, mentions, mention.token_start - 1,
                                          mention.sentence_index)
            owners = (owner,) if owner is not None else ()
            if word == "collective" and not owners:
                owners = people_before(mentions, mention.token_start - 1, mention.sentence_index)
            if owners:
                start = doc[mention.token_start - 1]
                mention = ActorMention(doc[start.i:mention.token_end].text, start.idx,
                                       mention.end, start.i, mention.token_end,
                                       tuple(owned_ref(o, mention) for o in owners),
                                       "coreference", mention.sentence_index, basis="story")
            out.append(mention)
        return out

    def antecedent(self, doc: Doc, i: int, mentions: list[ActorMention],
                   sentence: int) -> ActorRef | None:
        people = [m for m in mentions if m.actor.kind == "person" and m.token_end <= i]
        subject = own_subject(doc, doc[i], [m for m in people if m.sentence_index == sentence])
        people = [m for m in people if subject is None or m.actor != subject]
        same = [m for m in people if m.sentence_index == sentence]
        if same:
            return same[0].actor
        earlier = [m for m in people if sentence - PERSON_REACH <= m.sentence_index < sentence]
        previous = [m for m in earlier if m.sentence_index == earlier[-1].sentence_index] \
            if earlier else []
        subjects = [m for m in previous if doc[m.token_end - 1].dep_ in SUBJECTS]
        return (subjects or previous)[0].actor if (subjects or previous) else None

    def mention(self, doc: Doc, start: int, end: int, refs, sentence_of) -> ActorMention:
        span = doc[start:end]
        return ActorMention(text=span.text, start=span.start_char, end=span.end_char,
                            token_start=start, token_end=end, refs=tuple(refs),
                            via="coreference", sentence_index=sentence_of(start), basis="story")

    def upgrade_leaders(self, mentions: list[ActorMention]) -> list[ActorMention]:
        out = []
        for index, mention in enumerate(mentions):
            if is_leader_reference(mention, self.rules):
                person = resolve_leader(mention, mentions[:index], self.rules, self.leader_window)
                if person is not None:
                    mention = ActorMention(mention.text, mention.start, mention.end,
                                           mention.token_start, mention.token_end, (person,),
                                           "coreference", mention.sentence_index, basis="story")
            out.append(mention)
        return out

    def resolve(self, doc: Doc) -> list[ActorMention]:
        mentions = self.owned_mentions(doc, self.upgrade_leaders(list(doc._.actors or [])))
        sentence_of = SentenceIndex(doc).of_token
        added = self.plural_mentions(doc, mentions, sentence_of) \
            + self.pronoun_mentions(doc, mentions, sentence_of)
        return merge(mentions, added)

    def annotate(self, doc: Doc) -> None:
        doc._.actors = self.resolve(doc)


def own_subject(doc: Doc, token, mentions: list[ActorMention]) -> ActorRef | None:
    """The person who is the subject of the verb an object pronoun depends on: "Ruto held
    talks with him" -- "him" is someone else than Ruto."""
    if token.dep_ in SUBJECTS:
        return None
    verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    found = [m for m in mentions if is_subject_of(doc, m, verb.i)]
    return found[0].actor if found else None


def merge(mentions: list[ActorMention], added: list[ActorMention]) -> list[ActorMention]:
    """Added mentions replace the mentions they overlap; the result is sorted by start."""
    kept = [m for m in mentions
            if not any(a.start < m.end and m.start < a.end for a in added)]
    return sorted(kept + added, key=lambda m: (m.start, m.end))


@Language.factory("detente_coref", assigns=["doc._.actors"], requires=["doc._.actors"],
                  default_config={"pronouns": True, "leader_window": LEADER_WINDOW})
def make_coreference(nlp: Language, name: str, pronouns: bool, leader_window: int) -> Coreference:
    """``pronouns``: resolve he/she/they to an actor named before; ``leader_window``: how many sentences
    back "the president" looks for the office holder it stands for."""
    register_extensions()
    return Coreference(nlp, name, pronouns=pronouns, leader_window=leader_window)
