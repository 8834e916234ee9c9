"""Turn each sentence's verb chains into Events: source, code, target, modality, evidence."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from detente.actors.basis import CONTEXT_MARK
from detente.actors.codes import country_name
from detente.model import ActorRef, Event
from detente.sentences import SentenceIndex

from .discards import is_discarded
from .lexicon import load_lexicon
from .modality import is_condition_of_threat, modality_of
from .participants import ActorIndex, Party, source_head, speaker_of
from .reading import VerbReading, read_chain
from .reciprocal import about_process, is_reciprocal, story_counterpart
from .targets import clause_range, find_targets, reported_clause

log = logging.getLogger(__name__)

STATEMENT = "010"
ACCUSE = "112"
MATERIAL_CONFLICT = "14"
CONTEXT_SENTENCES = 2
NO_CONTEXT_TARGET = ("01", "14", "15")
PROTEST = "14"
STORY_DISCOUNT = 0.05        # a counterpart found in the story, not in an event: less sure


@dataclass
class Memory:
    """Recent events of the article, for targets a sentence leaves implicit."""

    events: list[Event] = field(default_factory=list)

    def counterpart(self, source: Party, sentence_index: int) -> Event | None:
        for event in reversed(self.events):
            if sentence_index - event.sentence_index > CONTEXT_SENTENCES:
                return None
            if event.target is not None and source.ref in (event.source, event.target):
                return event
        return None


def verbs_by_depth(sent: Span) -> list[Token]:
    verbs = [t for t in sent if t.pos_ == "VERB"]
    return sorted(verbs, key=lambda t: (sum(1 for _ in t.ancestors), t.i))


def readings(sent: Span) -> Iterator[VerbReading]:
    """One reading per verb chain; governed verbs are read with their governor.

    Plain statements ("X said ...", code 010) come last, so that a reported act
    can claim the sentence first (see ``SentenceCoder.code``).
    """
    consumed: set[int] = set()
    statements = []
    for verb in verbs_by_depth(sent):
        if verb.i in consumed or is_condition_of_threat(verb):
            continue
        reading = read_chain(verb)
        consumed.update(v.i for v in reading.verbs)
        if reading.drop:
            log.debug("dropped %r: %s", verb.text, ", ".join(reading.notes))
        elif is_statement(reading) and says_something(verb):
            statements.append(as_statement(reading))
        elif reading.code is not None:
            yield reading
    yield from statements


def is_statement(reading: VerbReading) -> bool:
    return reading.code == STATEMENT or (reading.code is None and reading.kind == "say"
                                         and len(reading.verbs) == 1)


def says_something(verb: Token) -> bool:
    """A statement needs what was said ("said that ...") or whom it was said to."""
    return reported_clause(verb) is not None or any(
        c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children)


def as_statement(reading: VerbReading) -> VerbReading:
    return VerbReading(reading.verbs, STATEMENT, pattern=reading.pattern or reading.verbs[0].lemma_,
                   kind="say", statement=True)


def evidence(doc: Doc, reading: VerbReading, parties: list[Party]) -> tuple[tuple, tuple]:
    top, last = reading.verbs[0], reading.verbs[-1]
    start, end = clause_range(top)
    start = min([start] + [p.token for p in parties])
    span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    first, final = min(top.i, last.i), max(top.i, last.i)
    final = max([final] + [c.i for c in doc[final].children if c.dep_ == "prt"])
    trigger = (doc[first].idx, doc[final].idx + len(doc[final]))
    return span, trigger


class SentenceCoder:
    """Codes one sentence at a time, remembering the article's recent events."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.actors = ActorIndex(doc)
        self.memory = Memory()
        self.sentences = SentenceIndex(doc)

    def code(self, sent: Span, index: int) -> list[Event]:
        if not self.actors.any_between(sent.start, sent.end) or is_discarded(sent.text):
            return []
        events: dict[tuple, Event] = {}
        for reading in readings(sent):
            reported = self.reported(reading, events.values()) if reading.statement else []
            found = self.accusations(reading, reported, index) if reported else \
                self.events_for(reading, index)
            for event in found:
                key = dyad_code_key(event)
                if key not in events or events[key].confidence < event.confidence:
                    events[key] = event
                    self.memory.events.append(event)
        return sorted(events.values(), key=lambda e: e.trigger)

    def reported(self, reading: VerbReading, events) -> list[Event]:
        """Events of a statement's reported clause (then the statement is not coded as 010)."""
        clause = reported_clause(reading.verbs[0])
        if clause is None:
            return []
        start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
        return [e for e in events if start <= e.trigger[0] < end]

    def accusations(self, reading: VerbReading, reported: list[Event], index: int) -> list[Event]:
        """'X said Y attacked X': Y's attack on the speaker's side becomes alleged, and X
        accuses Y (112). A neutral reporter ("police said") accuses no one."""
        speakers = self.actors.parties(source_head(reading.verbs[0]))
        countries = {p.ref.country for p in speakers}
        accusation = replace(reading, code=ACCUSE, statement=False)
        out = []
        for event in reported:
            if event.cameo[:2] < MATERIAL_CONFLICT or event.source.country in countries \
                    or event.target is None or event.target.country not in countries:
                continue
            if event.modality == "asserted":
                event.modality = "alleged"
            accused = Party(event.source, event.source_text, -1)
            out += [self.event(accusation, s, accused, index, "asserted", 0.45) for s in speakers]
        return out

    def events_for(self, reading: VerbReading, index: int) -> list[Event]:
        top = reading.verbs[0]
        sources = self.actors.parties(source_head(top)) or self.actors.parties(speaker_of(top))
        if not sources:
            return []
        targets, guessed = find_targets(reading, self.actors, sources)
        pairs = [(s, t, c - 0.1 * guessed) for s, t, c in self.pairs(reading, sources, targets, index)]
        modality = modality_of(reading.verbs, reading.threatened, reading.denied)
        events = [self.event(reading, s, t, index, modality, conf) for s, t, conf in pairs]
        if reading.reverse and reading.code in load_lexicon().reverse_events_for:
            events += [self.event(reading, t, s, index, modality, conf, code=reading.reverse)
                       for s, t, conf in pairs if t is not None and t.token >= 0]
        return events

    def pairs(self, reading: VerbReading, sources, targets, index):
        """(source, target, confidence) for every actor pair the reading relates."""
        base = 0.6 if reading.weight > 0 else 0.5
        if targets:
            yield from ((s, t, base) for s in sources for t in targets)
        elif len({s.ref.country for s in sources}) > 1:
            yield from ((s, t, base - 0.05) for s in sources for t in sources
                        if s.ref.country != t.ref.country)
        elif reading.statement and not about_process(self.sentence_text(index)):
            return
        else:
            target, discount = self.implicit_target(reading, sources[0], index)
            yield sources[0], target, base - 0.2 - discount

    def implicit_target(self, reading: VerbReading, source: Party, index: int) -> tuple[Party | None, float]:
        """The target a sentence leaves unsaid, and how much less sure the event is for it:
        the protesters' own state; the counterpart of the actor's recent event; for a
        reciprocal act ("they met", "calls each other") or a statement about talks ("the talks
        have come to a standstill, Aliyev said"), the other main actor of the story."""
        if reading.code.startswith(PROTEST):
            return home_government(source), 0.0
        process = reading.statement and about_process(self.sentence_text(index))
        if reading.code.startswith(NO_CONTEXT_TARGET) and not process:
            return None, 0.0
        previous = self.memory.counterpart(source, index)
        if previous is None:
            if not (process or is_reciprocal(reading.code, self.sentence_text(index))):
                return None, 0.0
            return story_counterpart(self.doc, source.ref, index), STORY_DISCOUNT
        if previous.source == source.ref:
            return Party(previous.target, previous.target_text, -1, from_context=True), 0.0
        return Party(previous.source, previous.source_text, -1, from_context=True), 0.0

    def sentence_text(self, index: int) -> str:
        return self.sentences[index].text

    def event(self, reading: VerbReading, source: Party, target: Party | None, index: int,
              modality: str, confidence: float, code: str | None = None) -> Event:
        shown = [p for p in (source, target) if p is not None and p.token >= 0]
        span, trigger = evidence(self.doc, reading, shown)
        if modality != "asserted":
            confidence -= 0.1
        pattern = reading.pattern + (f" {CONTEXT_MARK}" if target and target.from_context else "")
        return Event(source=source.ref, source_text=source.text,
                     target=target.ref if target else None, target_text=target.text if target else "",
                     cameo=code or reading.code, sentence_index=index, span=span, trigger=trigger,
                     modality=modality, confidence=round(max(confidence, 0.05), 3), pattern=pattern)


def dyad_code_key(event: Event) -> tuple:
    """One event per (source country, target country, code) in a sentence."""
    return event.source.country, event.target.country if event.target else None, event.cameo


def home_government(source: Party) -> Party | None:
    """A protest, strike or riot with no named target is aimed at the protesters' own state."""
    country = source.ref.country
    if not country or len(country) != 3:
        return None
    ref = ActorRef(code=country, country=country, name=country_name(country), kind="country")
    return Party(ref, "", -1)


def code_doc(doc: Doc) -> list[Event]:
    coder = SentenceCoder(doc)
    events = []
    for index, sent in enumerate(coder.sentences):
        events.extend(coder.code(sent, index))
    return events
