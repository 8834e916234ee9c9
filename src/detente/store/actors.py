"""Resolve what a user typed ("RUS", "Turkey", "Erdogan", "TURGOV") to an actor.

Order: an ISO 3166-1 code, a name the actor stage knows the country by
(``actors/data/countries.json``'s aliases) or an ISO name (pycountry) -> the
country; then Detente's actor dictionary when it is installed; then the actors
stored in the database (code or name, case-insensitive). Nothing found ->
``NotFoundError`` with a hint.
"""

from __future__ import annotations

import logging
from functools import cache

import pycountry
from django.db.models import Q

from detente.actors.codes import country_aliases, country_name
from detente.actors.dictionary import load_dictionary
from detente.errors import NotFoundError
from detente.model import ActorRef
from detente.records.filters import ActorFilter

from .models import Event
from .rows import dyad_key

log = logging.getLogger(__name__)


@cache
def alias_codes() -> dict[str, str]:
    """Each name the actor stage's country vocabulary gives a country (casefolded) -> its ISO code."""
    return {alias.casefold(): code for code, aliases in country_aliases().items() for alias in aliases}


def country_ref(text: str) -> ActorRef | None:
    """The country named or coded by ``text`` (ISO code, everyday name or ISO name; no fuzzy guessing)."""
    text = text.strip()
    code = iso_code(text) or alias_codes().get(text.casefold())
    if code is None:
        try:
            code = pycountry.countries.lookup(text).alpha_3
        except LookupError:
            return None
    return ActorRef(code=code, country=code, name=country_name(code), kind="country")


def iso_code(text: str) -> str | None:
    """The alpha-3 code of the country ``text`` codes in ISO 3166-1 (alpha-2 or alpha-3): a code
    wins over an alias spelled the same ("PA" is Panama, not the Palestinian Authority)."""
    if len(text) not in (2, 3):
        return None
    country = pycountry.countries.get(alpha_2=text) if len(text) == 2 else pycountry.countries.get(alpha_3=text)
    return country.alpha_3 if country is not None else None


def dictionary_ref(text: str) -> ActorRef | None:
    """Detente's actor dictionary (leaders, organisations, Phoenix actors), as of today."""

    book = load_dictionary()
    pattern = book.actors.get(book.tokens(text.strip()))
    if pattern is None:
        return None
    return pattern.entry.ref_on(None, role=pattern.role, kind=pattern.kind)


def stored_ref(text: str) -> ActorRef | None:
    """An actor seen in stored events whose code equals, or name contains, ``text``."""
    for side in ("source", "target"):
        match = (Q(**{f"{side}_code__iexact": text}) | Q(**{f"{side}_name__iexact": text})
                 | Q(**{f"{side}_name__icontains": text}))
        row = (Event.objects.filter(match).values(f"{side}_code", f"{side}_country", f"{side}_name",
                                                  f"{side}_kind").first())
        if row:
            return ActorRef(*(row[f"{side}_{k}"] for k in ("code", "country", "name", "kind")))
    return None


def resolve_ref(text: str) -> ActorRef:
    for finder in (country_ref, dictionary_ref, stored_ref):
        ref = finder(text)
        if ref is not None:
            return ref
    raise NotFoundError(
        f"no actor or country called {text!r}: use an ISO 3166-1 alpha-3 code (RUS, TUR), a country "
        f"name (Turkey), an actor code (TURGOV) or the name of a person in the stored events "
        f"(`detente events --actor NAME` lists what is stored)")


def actor_filter(text: str) -> ActorFilter:
    """What a timeline or an event filter should match for ``text``.

    A country matches on its country code; an actor code typed as such
    (TURGOV) on the code; a person, group or organisation on its name.
    """
    ref = resolve_ref(text)
    if text.strip() == ref.code and len(ref.code) > 3:
        return ActorFilter(label=ref.code, code=ref.code)
    if ref.kind == "country":
        return ActorFilter(label=ref.name, country=ref.country)
    return ActorFilter(label=ref.name, name=ref.name)


def side_q(actor: ActorFilter, side: str) -> Q:
    """Q matching events whose ``side`` (source/target) actor satisfies ``actor``."""
    return Q(**{f"{side}_{name}": value for name, value in actor.fields().items()})


def country_dyad(a: ActorFilter, b: ActorFilter) -> str | None:
    """The stored dyad ('RUS-TUR') when ``a`` and ``b`` are two different countries, else None."""
    if set(a.fields()) == {"country"} and set(b.fields()) == {"country"} and a.country != b.country:
        return dyad_key(a.country, b.country)
    return None


def dyad_q(a: ActorFilter, b: ActorFilter) -> Q:
    """Events between ``a`` and ``b``, in either direction (two countries: the indexed dyad column)."""
    dyad = country_dyad(a, b)
    if dyad:
        return Q(dyad=dyad)
    return (side_q(a, "source") & side_q(b, "target")) | (side_q(b, "source") & side_q(a, "target"))


def involving_q(actor: ActorFilter) -> Q:
    return side_q(actor, "source") | side_q(actor, "target")
