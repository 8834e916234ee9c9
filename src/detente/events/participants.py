"""Who did it and to whom: the actor mentions in a verb's subject and object slots."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from detente.model import ActorMention, ActorRef
from detente.places.tables import table

from .context import phrase_tokens
from .lexicon import load_lexicon


@lru_cache(maxsize=1)
def locative_prepositions() -> frozenset[str]:
    """'in', 'at', 'near' ...: the places stage's table (``places/data/locative.json``), one list for both."""
    return frozenset(table("locative")["prepositions"])

OBJECTS = ("dobj", "obj", "dative", "iobj", "oprd")
TARGET_PREPS = ("with", "against", "on", "upon", "to", "toward", "towards", "at", "into", "from",
                "over", "for")
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
INHERITS_SUBJECT = frozenset({"conj", "xcomp", "advcl", "pcomp", "ccomp"})


@dataclass(frozen=True)
class Party:
    """One actor taking part in an event, with the words that name it."""

    ref: ActorRef
    text: str
    token: int                 # first token of the mention; -1 when not named in this sentence
    from_context: bool = False


class ActorIndex:
    """Token position -> the actor mention covering it, for one Doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.by_token: list[ActorMention | None] = [None] * len(doc)
        for mention in doc._.actors or []:
            for i in range(mention.token_start, min(mention.token_end, len(doc))):
                self.by_token[i] = mention

    def is_setting(self, party: Party) -> bool:
        """A place named as where something happened ("a ceasefire in Idlib"), not a target."""
        mention = self.by_token[party.token] if party.token >= 0 else None
        if mention is None or party.ref.kind != "place":
            return False
        head = self.doc[party.token]
        while mention.token_start <= head.head.i < mention.token_end and head.head is not head:
            head = head.head
        return head.dep_ == "pobj" and head.head.lower_ in locative_prepositions()

    def any_between(self, start: int, end: int) -> bool:
        return any(m is not None for m in self.by_token[start:end])

    def mention_for(self, head: Token) -> ActorMention | None:
        """The mention at the head word, else the nearest one inside its phrase."""
        if self.by_token[head.i] is not None:
            return self.by_token[head.i]
        found = [self.by_token[t.i] for t in phrase_tokens(head) if self.by_token[t.i] is not None]
        return min(found, key=lambda m: abs(m.token_start - head.i)) if found else None

    def parties(self, head: Token | None) -> list[Party]:
        """Every actor a noun phrase names, one per conjunct ("Russia and Turkey")."""
        if head is None:
            return []
        mentions = []
        for conjunct in (head, *head.conjuncts, *self.listed(head)):
            mention = self.mention_for(conjunct)
            if mention is not None:
                mentions.append(mention)
                mentions.extend(self.coordinated(mention))
        return _unique([Party(ref, m.text, m.token_start) for m in mentions for ref in m.refs])

    def listed(self, head: Token) -> list[Token]:
        """'Saudi Arabia, Egypt, the UAE and Bahrain' parsed as an apposition: a list of
        actors when the appositive names another country than the head."""
        own = self.by_token[head.i]
        items = []
        for appos in (c for c in head.children if c.dep_ == "appos"):
            other = self.by_token[appos.i]
            if own is not None and other is not None and \
                    {r.country for r in other.refs}.isdisjoint(r.country for r in own.refs):
                items.extend((appos, *appos.conjuncts))
        return items

    def coordinated(self, mention: ActorMention) -> list[ActorMention]:
        """Mentions coordinated with one inside a phrase ("ministers of Russia and Ukraine",
        "Syrian and Iraqi forces")."""
        tokens = self.doc[mention.token_start:mention.token_end]
        return [m for t in tokens for c in t.conjuncts if (m := self.by_token[c.i]) is not None]


def _unique(parties: list[Party]) -> list[Party]:
    seen, out = set(), []
    for party in parties:
        if party.ref not in seen:
            seen.add(party.ref)
            out.append(party)
    return out


def child(verb: Token, *deps: str) -> Token | None:
    return next((c for c in verb.children if c.dep_ in deps), None)


def agent_of(verb: Token) -> Token | None:
    """The by-phrase of a passive verb, or of the act it names ("killed in a strike by X")."""
    agent = child(verb, "agent")
    if agent is not None:
        return child(agent, "pobj")
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during")):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            if by is not None:
                return child(by, "pobj")
    return None


def is_passive(verb: Token) -> bool:
    return child(verb, "nsubjpass", "auxpass") is not None or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")


def subject_head(verb: Token, hops: int = 0) -> Token | None:
    """The subject noun of a verb, inherited through coordination, xcomp and relatives."""
    subject = child(verb, "nsubj", "csubj")
    if subject is not None and not (verb.dep_ == "relcl" and subject.lower_ in RELATIVE_PRONOUNS):
        return subject
    if verb.dep_ == "relcl":
        return verb.head
    if hops > 4 or verb.dep_ not in INHERITS_SUBJECT or verb.head is verb:
        return None
    governor = verb.head.head if verb.head.pos_ in ("ADP", "ADJ") else verb.head
    if verb.dep_ == "pcomp" and child(governor, *OBJECTS) is not None:
        return child(governor, *OBJECTS)      # "accused Moscow of violating ..."
    if verb.dep_ == "xcomp" and child(governor, *OBJECTS) is not None:
        return child(governor, *OBJECTS)      # "urged Turkey to withdraw"
    if verb.dep_ == "ccomp":
        return None
    return subject_head(governor, hops + 1)


def speaker_of(verb: Token) -> Token | None:
    """In "X said it will ...", an unresolved pronoun subject stands for the speaker X."""
    subject = child(verb, "nsubj", "nsubjpass")
    if subject is None or verb.dep_ not in ("ccomp", "xcomp"):
        return None
    owner = child(subject, "poss")          # "its jets carried out the raids"
    if subject.pos_ == "PRON" or (owner is not None and owner.pos_ == "PRON"):
        return source_head(verb.head)
    return None


def is_agentive_passive(verb: Token) -> bool:
    """'X was involved in the strike': the passive subject did it."""
    return verb.lemma_.lower() in load_lexicon().agentive_passives


def source_head(verb: Token) -> Token | None:
    if is_agentive_passive(verb):
        return child(verb, "nsubjpass") or subject_head(verb)
    if is_passive(verb):
        return agent_of(verb)
    return subject_head(verb)


def target_heads(verb: Token) -> list[Token]:
    """Candidate target nouns, best first: object, passive subject, then prepositions."""
    heads = [c for c in verb.children if c.dep_ in OBJECTS]
    if is_agentive_passive(verb):
        return heads + [p for prep in verb.children if prep.dep_ == "prep"
                        for p in prep.children if p.dep_ == "pobj"]
    if is_passive(verb):
        passive = child(verb, "nsubjpass")
        heads.insert(0, passive if passive is not None else verb.head)
    holders = [verb] + [c for c in verb.children if c.dep_ in OBJECTS + ("nsubjpass",)]
    preps = [c for h in holders for c in h.children
             if c.dep_ == "prep" and c.lower_ in TARGET_PREPS]
    preps.sort(key=lambda p: TARGET_PREPS.index(p.lower_))
    heads.extend(p for prep in preps if (p := child(prep, "pobj")) is not None)
    return heads
