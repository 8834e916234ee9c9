"""What selects stored events: one filter type and one parser for the CLI, the site and the API.

``parse_filter`` reads the filters from a mapping of names to text (a GET
query, or the CLI's options) into an ``EventFilter``; ``store.queries`` turns
that into a query. Both spellings the CLI and the site grew are accepted:
``since``/``until`` and ``start``/``end``, ``quad`` and ``quad_class``, ``q``
and ``text``; two actors as ``RUS,TUR``, ``RUS-TUR`` or ``Russia,Turkey``; an
actor by ISO code, actor code (``TURGOV``) or name. A bad value raises
``OptionError`` naming the option (``--since``) or the parameter (``'start'``)
as the user spelled it, with the accepted form.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from detente.errors import OptionError
from detente.model import MODALITIES


@dataclass(frozen=True)
class ActorFilter:
    """One side of a dyad: every given field must equal the event's actor field."""

    label: str
    country: str | None = None      # ISO 3166-1 alpha-3 (or IGO/region code)
    code: str | None = None         # CAMEO actor code, e.g. TURGOV
    name: str | None = None         # canonical actor name, e.g. "Recep Tayyip Erdogan"

    def fields(self) -> dict[str, str]:
        """The constraints as {"country"|"code"|"name": value}."""
        return {k: v for k, v in (("country", self.country), ("code", self.code),
                                  ("name", self.name)) if v}


# The filters, by the site's names; the CLI's names are aliases of them.
FILTER_NAMES = ("q", "dyad", "actor", "code", "quad_class", "start", "end", "theatre", "status", "modality",
                "source", "bbox")
ALIASES = {"text": "q", "quad": "quad_class", "since": "start", "until": "end"}
STATUSES = ("active", "rejected")
MAX_CHARS = 200
CODE_RE = re.compile(r"^[A-Z]{3}$")
ACTOR_CODE_RE = re.compile(r"^[A-Z0-9]{3,32}$")
CAMEO_RE = re.compile(r"^\d{2,4}$")
NAME_RE = re.compile(r"^[^\W\d_][\w .'\u2019-]{1,99}$")
PAIR_RE = re.compile(r"[A-Za-z]{3}\s*-\s*[A-Za-z]{3}")


@dataclass(frozen=True)
class EventFilter:
    """Which stored events to list; every field is optional and they all must hold."""

    text: str | None = None                       # words of the sentence or the article title
    dyad: tuple[str, str] | None = None           # two actors, either direction
    actor: tuple[str, ...] = ()                   # one actor on either side, or two facing each other
    code: str | None = None                       # a CAMEO code or a prefix ("19" matches 190..196)
    quad: int | None = None
    since: dt.date | None = None                  # the event's start date, from
    until: dt.date | None = None                  # ... up to
    theatre: str | None = None
    status: str | None = None                     # None: active events only
    modality: str | None = None
    source: str | None = None                     # the news source of an article reporting it
    bbox: tuple[float, float, float, float] | None = None    # south, west, north, east
    include_rejected: bool = False


def site_label(given: str) -> str:
    return f"parameter {given!r}"


def cli_label(given: str) -> str:
    return f"--{given}"


def parse_day(value: str, label: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise OptionError(f"{label} must be a date YYYY-MM-DD, got {value!r}") from None


def parse_quad(value, label: str) -> int:
    if str(value).strip() not in ("1", "2", "3", "4"):
        raise OptionError(f"{label} must be 1, 2, 3 or 4, got {value!r}")
    return int(value)


def parse_bbox(raw: str, label: str = site_label("bbox")) -> tuple[float, float, float, float]:
    """'south,west,north,east' in degrees -> four floats, each in range, south <= north, west <= east."""
    try:
        south, west, north, east = (float(part) for part in raw.split(","))
    except ValueError as exc:
        raise OptionError(f"{label} must be south,west,north,east in degrees such as "
                          f"33,35,37,39, got {raw!r}") from exc
    if not all(math.isfinite(v) for v in (south, west, north, east)) or not (-90 <= south <= north <= 90) \
            or not (-180 <= west <= east <= 180):
        raise OptionError(f"{label} must have -90 <= south <= north <= 90 and "
                          f"-180 <= west <= east <= 180, got {raw!r}")
    return south, west, north, east


def _check_term(term: str, label: str) -> str:
    if not (NAME_RE.match(term) or ACTOR_CODE_RE.match(term.upper())):
        raise OptionError(f"{label} must be a name (letters, spaces, . ' -) or an actor code "
                          f"such as TURGOV or RUS, got {term!r}")
    return term


def split_actors(raw: str, label: str) -> tuple[str, ...]:
    """'RUS,TUR', 'RUS-TUR', 'Russia, Turkey', 'NATO' -> the one or two actor terms."""
    text = raw.strip()
    if len(text) > MAX_CHARS:
        raise OptionError(f"{label} must be at most {MAX_CHARS} characters")
    parts = [p.strip() for p in text.split(",")] if "," in text else [text]
    if len(parts) == 1 and PAIR_RE.fullmatch(text):
        parts = [p.strip() for p in text.split("-")]
    parts = [p for p in parts if p]
    if not 1 <= len(parts) <= 2:
        raise OptionError(f"{label} must name one actor or two (RUS, RUS,TUR, RUS-TUR, "
                          f"Russia,Turkey), got {raw!r}")
    return tuple(_check_term(p, label) for p in parts)


def _dyad(raw: str, label: str) -> tuple[str, str]:
    parts = split_actors(raw, label)
    if len(parts) != 2:
        raise OptionError(f"{label} must name two actors, e.g. RUS,TUR, RUS-TUR or Russia,Turkey, got {raw!r}")
    return parts


def _code(raw: str, label: str) -> str:
    if not CAMEO_RE.match(raw.strip()):
        raise OptionError(f"{label} must be a CAMEO code of 2-4 digits such as 19 or 111, got {raw!r}")
    return raw.strip()


def _one_of(choices: tuple[str, ...]) -> Callable[[str, str], str]:
    def parse(raw: str, label: str) -> str:
        value = raw.strip().lower()
        if value not in choices:
            raise OptionError(f"{label} must be one of {', '.join(choices)}, got {raw!r}")
        return value
    return parse


def _text(raw: str, label: str) -> str:
    if len(raw) > MAX_CHARS:
        raise OptionError(f"{label} must be at most {MAX_CHARS} characters")
    return raw.strip()


# filter name -> (EventFilter field, parser of (raw text, label))
_PARSERS: dict[str, tuple[str, Callable]] = {
    "q": ("text", _text), "dyad": ("dyad", _dyad), "actor": ("actor", split_actors), "code": ("code", _code),
    "quad_class": ("quad", parse_quad), "start": ("since", parse_day), "end": ("until", parse_day),
    "theatre": ("theatre", lambda raw, label: raw.strip()), "status": ("status", _one_of(STATUSES)),
    "modality": ("modality", _one_of(MODALITIES)), "source": ("source", lambda raw, label: raw.strip()[:MAX_CHARS]),
    "bbox": ("bbox", parse_bbox),
}


def present(params: Mapping) -> dict[str, str]:
    """The filters given (non-empty) in ``params``, by the name the user gave them."""
    found = {}
    for given, raw in params.items():
        if ALIASES.get(given, given) in _PARSERS and raw is not None and str(raw).strip():
            found[given] = str(raw)
    return found


def parse_filter(params: Mapping, label: Callable[[str], str] = site_label) -> EventFilter:
    """The ``EventFilter`` of the filters in ``params`` (other keys are ignored)."""
    values = {}
    for given, raw in present(params).items():
        field, parse = _PARSERS[ALIASES.get(given, given)]
        values[field] = parse(raw, label(given))
    return EventFilter(**values)
