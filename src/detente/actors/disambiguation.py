"""Drop dictionary matches that context shows are not the actor.

"roast turkey", "Georgia's governor" in a US story, "French fries", "the Indian
Ocean", "Michael Jordan", "in May": the rules read their word lists from
``data/disambiguation.json``; spaCy's entities are used where the parser already
did the work (a PERSON or LOC entity that covers a country name and more).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from detente.data import read_json
from detente.sentences import sentence_of_token

from .matcher import Candidate

NUMERIC_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                              "QUANTITY"})


@dataclass(frozen=True)
class Cues:
    before: frozenset[str]
    after: frozenset[str]
    sentence: tuple[str, ...]
    unless_sentence: tuple[str, ...]
    instead: str = ""          # the country whose place the name is in its other sense (USA)


@dataclass(frozen=True)
class Rules:
    names: dict[str, Cues]
    nonactor_heads: frozenset[str]
    blocking_entities: frozenset[str]
    ambiguous_names: frozenset[str]
    titles: frozenset[str]
    qualifiers: frozenset[str]
    language_cues: frozenset[str]
    place_blocking_entities: frozenset[str]
    strong_language_cues: frozenset[str]
    sponsor_words: frozenset[str]
    head_continuations: frozenset[str]
    person_like_countries: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    data = read_json("actors", "disambiguation.json")
    names = {name: Cues(frozenset(c["before"]), frozenset(c["after"]), tuple(c["sentence"]),
                        tuple(c["unless_sentence"]), c.get("instead", ""))
             for name, c in data["name_cues"].items()}
    return Rules(names, frozenset(data["nonactor_heads"]), frozenset(data["blocking_entities"]),
                 frozenset(data["ambiguous_names"]), frozenset(data["titles"]),
                 frozenset(data["qualifiers"]), frozenset(data["language_cues"]),
                 frozenset(data["blocking_entities"]) | frozenset(data["place_blocking_entities"]),
                 frozenset(data["strong_language_cues"]), frozenset(data["sponsor_words"]),
                 frozenset(data["head_continuations"]), frozenset(data.get("person_like_countries", ())))


def _word(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _sentence_text(doc: Doc, i: int) -> str:
    return f" {sentence_of_token(doc[i]).text.lower()} "


def _mentions_any(text: str, words: tuple[str, ...]) -> bool:
    return any(f" {w} " in text or f" {w}," in text or f" {w}." in text or f" {w}'" in text
               for w in words)


def other_sense_by_cues(doc: Doc, cand: Candidate, rules: Rules) -> bool:
    cues = rules.names.get(doc[cand.start:cand.end].text.lower())
    if cues is None:
        return False
    near = _word(doc, cand.start - 1) in cues.before or _word(doc, cand.end) in cues.after
    sentence = _sentence_text(doc, cand.start) if (cues.sentence or cues.unless_sentence) else ""
    if cues.unless_sentence and _mentions_any(sentence, cues.unless_sentence):
        return False
    return near or _mentions_any(sentence, cues.sentence)


def covering_entity(doc: Doc, cand: Candidate) -> Span | None:
    """The entity that covers the candidate and extends beyond it, if any."""
    first, last = doc[cand.start], doc[cand.end - 1]
    if not first.ent_type or first.ent_type != last.ent_type:
        return None
    start = cand.start
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = cand.end
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if (start, end) == (cand.start, cand.end):
        return None
    return Span(doc, start, end, label=first.ent_type_)


def part_of_other_name(doc: Doc, cand: Candidate, rules: Rules) -> bool:
    """A country name inside a longer PERSON, LOC, FAC... entity (Michael Jordan); a
    capital or place name also inside a longer ORG entity (London Metal Exchange)."""
    entity = covering_entity(doc, cand)
    pattern = cand.pattern
    is_place = pattern.kind == "place" or (pattern.via == "metonym" and not pattern.role)
    blocking = rules.place_blocking_entities if is_place else rules.blocking_entities
    if entity is None:
        return False
    if entity.label_ not in blocking:
        return inside_organisation_name(entity, cand)
    before = [t.lower_ for t in doc[entity.start:cand.start]]
    return not (before and all(w in rules.qualifiers for w in before) and cand.end == entity.end)


def inside_organisation_name(entity: Span, cand: Candidate) -> bool:
    """An adjective in the middle of an organisation's name (Bureau of Indian Education)."""
    return entity.label_ == "ORG" and cand.pattern.via == "demonym" \
        and entity.start < cand.start and cand.end < entity.end


def names_a_thing(doc: Doc, cand: Candidate, rules: Rules) -> bool:
    """A country adjective in front of a thing: French fries, the Indian Ocean, the Syrian
    border (but not the Russian border guards)."""
    return _word(doc, cand.end) in rules.nonactor_heads \
        and _word(doc, cand.end + 1) not in rules.head_continuations


def names_a_language(doc: Doc, cand: Candidate, rules: Rules) -> bool:
    """A demonym used as a language: "said in Russian.", "translated from Arabic", "speaks
    Russian and Azerbaijani", "in Arabic and English." (the cue before the first of a list),
    "addressed the crowd in Ukrainian on Monday"."""
    if cand.pattern.via != "demonym":
        return False
    cue = language_cue_before(doc, cand.start)
    after = _word(doc, cand.end)
    if cue in rules.strong_language_cues or after == "/":
        return True
    if cue not in rules.language_cues:
        return False
    return ends_no_noun_phrase(doc, list_end(doc, cand.end))


def list_end(doc: Doc, end: int) -> int:
    """The token after the last name of a list starting before ``end`` ("in French and
    English after": the token after "English")."""
    while end + 1 < len(doc) and doc[end].lower_ in LIST_WORDS \
            and doc[end + 1].is_title and doc[end + 1].is_alpha:
        end += 2
    return end


def ends_no_noun_phrase(doc: Doc, i: int) -> bool:
    """Token ``i`` (after a demonym) shows the demonym heads no noun phrase: the end, a
    punctuation mark, "that", a preposition, adverb or verb, or a date ("in Russian yesterday")."""
    if i >= len(doc):
        return True
    token = doc[i]
    return (token.is_punct and token.text != "-") or token.lower_ in LIST_WORDS \
        or token.lower_ == "that" or token.pos_ in NOT_A_HEAD or token.ent_type_ in ("DATE", "TIME")


LIST_WORDS = frozenset({"and", "or", ",", "nor"})
# After "in"/"from" + demonym, a word of these parts of speech shows the demonym heads no
# noun phrase, so it is the language: "in Ukrainian on Monday", "translated from Turkish by".
NOT_A_HEAD = frozenset({"ADP", "SCONJ", "ADV", "VERB", "AUX", "PART"})


def language_cue_before(doc: Doc, start: int) -> str:
    """The word before a list of capitalized names ending at ``start``: in "speaks Russian
    and Azerbaijani" the cue of "Azerbaijani" is "speaks"."""
    i = start - 1
    while i >= 1 and doc[i].lower_ in LIST_WORDS and doc[i - 1].is_title and doc[i - 1].is_alpha:
        i -= 2
    return _word(doc, i)


def names_a_sponsor(doc: Doc, cand: Candidate, rules: Rules) -> bool:
    """'Turkish-backed SNA', 'Iranian-funded militias': the name sponsors the next actor."""
    return _word(doc, cand.end) == "-" and _word(doc, cand.end + 1) in rules.sponsor_words


def wrong_person(doc: Doc, cand: Candidate, rules: Rules) -> bool:
    """A one-word person alias that is a month or a common word, or another person's surname."""
    token = doc[cand.start]
    if token.ent_type_ in NUMERIC_ENTITIES:
        return True
    previous = _word(doc, cand.start - 1)
    if token.lower_ in rules.ambiguous_names:
        return previous not in rules.titles and token.ent_type_ != "PERSON"
    if cand.start > 0 and doc[cand.start - 1].ent_type_ == "PERSON" \
            and token.ent_iob_ == "I" and previous not in rules.titles:
        return doc[cand.start - 1].is_title and not doc[cand.start - 1].is_sent_start
    return False


def other_sense_country(doc: Doc, start: int, end: int, rules: Rules | None = None) -> str | None:
    """The country of which the name at tokens ``start:end`` is a place when its cues say it
    is used in its other sense: "Georgia's governor", "the governor of Georgia" name the US
    state (USA)."""
    rules = rules or load_rules()
    cues = rules.names.get(doc[start:end].text.lower())
    if cues is None or not cues.instead or not other_sense_by_cues(doc, Candidate(start, end, None), rules):
        return None
    return cues.instead


def other_sense(doc: Doc, cand: Candidate, rules: Rules, book) -> Candidate | None:
    """The candidate as a place of the country of its other sense (see ``other_sense_country``)."""
    if cand.is_agent:
        return None
    country = other_sense_country(doc, cand.start, cand.end, rules)
    entry = book.countries.get(country) if country else None
    if entry is None:
        return None
    return Candidate(cand.start, cand.end, replace(cand.pattern, entry=entry, via="dictionary",
                                                   role="", kind="place"))


def labelled_person(doc: Doc, cand: Candidate, rules: Rules) -> bool:
    """spaCy calls the name a PERSON: believed for places and for country names that are
    also people's names (Jordan, Chad); a PERSON label on a country's own name
    ("Azerbaijan") is a tagging error."""
    if doc[cand.start].ent_type_ != "PERSON":
        return False
    pattern = cand.pattern
    if pattern.entry.kind != "country" or pattern.kind == "place" or pattern.via != "dictionary":
        return True
    name = doc[cand.start:cand.end].text.lower()
    return name != pattern.entry.name.lower() or name in rules.person_like_countries


def keep_candidate(doc: Doc, cand: Candidate, rules: Rules) -> bool:
    if cand.is_agent:
        return True
    if doc[cand.start].ent_type_ in NUMERIC_ENTITIES:
        return False
    pattern = cand.pattern
    if other_sense_by_cues(doc, cand, rules):
        return False
    if pattern.entry.kind in ("country", "place") or pattern.kind == "place":
        return not (names_a_thing(doc, cand, rules) or part_of_other_name(doc, cand, rules)
                    or names_a_language(doc, cand, rules) or names_a_sponsor(doc, cand, rules)
                    or labelled_person(doc, cand, rules))
    if pattern.entry.kind == "person" and cand.end - cand.start == 1:
        return not wrong_person(doc, cand, rules)
    if cand.end - cand.start == 1 and doc[cand.start].ent_type_ == "PERSON":
        return False  # a one-word group name used as a surname (Charlotte Wagner)
    return True


def filter_candidates(doc: Doc, candidates: list[Candidate], book=None) -> list[Candidate]:
    """The candidates context does not rule out; with the dictionary ``book``, a name
    whose cues point to its sense as a place of another country becomes that place."""
    rules = load_rules()
    kept = []
    for cand in candidates:
        place = other_sense(doc, cand, rules, book) if book is not None else None
        if place is not None or keep_candidate(doc, cand, rules):
            kept.append(place or cand)
    return kept
