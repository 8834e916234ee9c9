"""Country and city names that say where something happened, not who acted.

"Protesters in Khartoum", "a proxy war in Ukraine", "flew to Moscow", "in
Ethiopia's Somali Region", a dateline ("MOGADISHU, Somalia (Reuters) -"): the
name is kept as a mention, its ``kind`` becomes ``place`` (the places stage and
the event coder read it as the setting), and a news agency in the dateline is
dropped. A name the verb acts on ("Russia attacked Ukraine") stays an actor.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from detente.places.tables import table

from .placing import DATELINE, head_text, region_country

SETTING_KINDS = ("country", "place")
MAX_HOPS = 4


TARGET_AT = frozenset({"at"})


def is_setting(token: Token, city: bool = False) -> bool:
    """The token (a name's root) is the object of a locative preposition, of 'to'/'into'
    after a verb of motion, or hangs from such a name (apposition, possessive, list); a
    city (``city``) also when a verb such as shell, enter or capture takes it as object."""
    words = table("locative")
    for _ in range(MAX_HOPS):
        head = token.head
        if token.dep_ in ("appos", "conj", "compound", "poss") and head.i != token.i:
            token = head
            continue
        if city and token.dep_ == "dobj":
            return head.lemma_ in words["place_object_verbs"]
        if token.dep_ != "pobj":
            return False
        preposition = head.lower_
        if preposition in TARGET_AT and not city:
            return False  # "fired missiles at Israel", "angry at Russia": a target
        if preposition in words["prepositions"]:
            return True
        return preposition in words["motion_prepositions"] and head.head.lemma_ in words["motion_verbs"]
    return False


def dateline_end(doc: Doc) -> int:
    """Character offset where the dateline ends (0 when the text has none)."""
    match = DATELINE.match(head_text(doc))
    return match.end() if match else 0


def mark_settings(doc: Doc, found: list) -> list:
    """Names used as settings become places; organisations inside a dateline are dropped."""
    if not doc.has_annotation("DEP"):
        return found
    end = dateline_end(doc)
    out = []
    for item in found:
        in_dateline = end and doc[item.start].idx < end
        if item.agent or item.ref is None:
            out.append(item)
            continue
        if in_dateline and item.ref.kind not in SETTING_KINDS:
            continue
        city = (item.via == "metonym" and not item.ref.code[3:]) or item.ref.kind == "place"
        if item.ref.kind == "country" and item.via != "demonym" \
                and (in_dateline or is_setting(doc[item.start:item.end].root, city)):
            item = replace(item, ref=replace(item.ref, kind="place"))
        out.append(item)
    return out


def comma_places(doc: Doc, found: list) -> list:
    """'Lebanon, Tennessee', 'Paris, Texas', 'Tripoli, Lebanon': a name followed by a comma
    and a region (or, after a city, a country) is a town of that region's country; a list
    of countries or capitals ("Indonesia, Malaysia and Singapore") stays a list."""
    out = list(found)
    for index in range(len(out) - 1):
        item, after = out[index], out[index + 1]
        if item.agent or after.agent or item.ref is None or after.ref is None \
                or [t.text for t in doc[item.end:after.start]] != [","]:
            continue
        country = region_country(doc[item.start:item.end].text, doc[after.start:after.end].text)
        if country and country != item.ref.country and item.ref.kind in SETTING_KINDS:
            out[index] = replace(item, ref=replace(item.ref, code=country, country=country,
                                                   kind="place"))
    return out
