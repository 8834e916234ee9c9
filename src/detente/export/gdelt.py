"""The GDELT 2.0 Event table (61 columns) and Mentions table (16 columns): tab-separated, no header.

Column by column as the GDELT 2.0 Event codebook defines them (see
docs/storage.md, "GDELT mapping"): SQLDATE is the date the event happened
(the publication date of its first article when the text gave none; an event
with neither is left out and counted); actor country codes are CAMEO codes
(ISO alpha-3 except ``ROM``, ``TMP``, ``KSV``, ``USR``); IGO and group codes go
to ``KnownGroupCode``, roles to ``Type1-3Code``; geographic country codes are
FIPS 10-4; SOURCEURL is the first article's URL, or its citation (source
name) when it has none. Detente computes no tone: ``AvgTone`` and
``MentionDocTone`` are empty.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:  # the Django model, only for annotations: the column lists import without Django
    from detente.store.models import Event

from detente.atomic import is_stdout, output_path

from .codes import fips_country, is_country_name, split_actor_code, us_state_names
from .result import ExportResult

ACTOR_COLUMNS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
GEO_COLUMNS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in ACTOR_COLUMNS), *(f"Actor2{c}" for c in ACTOR_COLUMNS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in GEO_COLUMNS), *(f"Actor2Geo_{c}" for c in GEO_COLUMNS),
    *(f"ActionGeo_{c}" for c in GEO_COLUMNS),
    "DATEADDED", "SOURCEURL",
)
MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)
# GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city or landmark, 5 world state (ADM1)
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY = "1", "2", "3", "4"
MENTION_WEB, MENTION_CITATION = "1", "2"


def _mentions(event: Event) -> list:
    return sorted(event.mentions.all(), key=lambda m: m.pk)


def event_day(event: Event) -> dt.date | None:
    """When it happened; else when its first article was published; else None."""
    if event.date_start is not None:
        return event.date_start
    return next((m.article.date for m in _mentions(event) if m.article.date), None)


def date_columns(day: dt.date) -> dict:
    fraction = day.year + (day.month * 30 + day.day) / 365
    return {"SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"),
            "Year": str(day.year), "FractionDate": f"{fraction:.4f}"}


def actor_columns(event: Event, side: str, number: int) -> dict:
    code = getattr(event, f"{side}_code")
    if not code:
        return {}
    parts = split_actor_code(code, getattr(event, f"{side}_country"))
    columns = {"Code": code, "Name": getattr(event, f"{side}_name").upper(), "CountryCode": parts.country,
               "KnownGroupCode": parts.known_group}
    columns.update({f"Religion{i + 1}Code": code for i, code in enumerate(parts.religions)})
    columns.update({f"Type{i + 1}Code": role for i, role in enumerate(parts.types)})
    return {f"Actor{number}{key}": value for key, value in columns.items()}


def geo_type(name: str, iso3: str) -> str:
    if is_country_name(name, iso3):
        return GEO_COUNTRY
    if iso3 == "USA":
        return GEO_US_STATE if name.casefold() in us_state_names() else GEO_US_CITY
    return GEO_WORLD_CITY


def action_geo(event: Event) -> dict:
    if not event.location_name:
        return {}
    kind = geo_type(event.location_name, event.location_country or "")
    fips = fips_country(event.location_country)
    columns = {"Type": kind, "FullName": event.location_name, "CountryCode": fips,
               "Lat": "" if event.lat is None else f"{event.lat:.4f}",
               "Long": "" if event.lon is None else f"{event.lon:.4f}"}
    if kind == GEO_COUNTRY:
        columns.update(ADM1Code=fips, FeatureID=fips)  # GDELT's country-level convention
    return {f"ActionGeo_{key}": value for key, value in columns.items()}


def base_code(code: str) -> str:
    return code[:3] if len(code) >= 3 else code.ljust(3, "0")


def event_columns(event: Event) -> dict:
    mentions = _mentions(event)
    code = event.cameo
    return {"EventCode": code, "EventBaseCode": base_code(code), "EventRootCode": event.cameo_root,
            "QuadClass": str(event.quad_class), "GoldsteinScale": f"{event.goldstein:.1f}",
            "IsRootEvent": "1" if any(m.sentence_index == 0 for m in mentions) else "0",
            "NumMentions": str(len(mentions)), "NumArticles": str(len({m.article_id for m in mentions})),
            "NumSources": str(len({_source_name(m.article) for m in mentions}))}


def _source_name(article) -> str:
    """The outlet: the URL's host, else the article's source name."""
    host = urlsplit(article.url).hostname if article.url else ""
    return host or article.source or "unknown"


def citation(article) -> str:
    """The article's URL, or a citation when it has none (never an internal id or hash)."""
    return article.url or article.source or article.title or "unknown source"


def timestamp(moment: dt.datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc)
    return moment.strftime("%Y%m%d%H%M%S")


def source_columns(event: Event) -> dict:
    mentions = _mentions(event)
    with_url = next((m.article for m in mentions if m.article.url), None)
    article = with_url or (mentions[0].article if mentions else None)
    return {"GLOBALEVENTID": str(event.pk), "DATEADDED": timestamp(event.created_at),
            "SOURCEURL": citation(article) if article else "unknown source"}


def gdelt_row(event: Event) -> list[str] | None:
    """The event's 61 fields, or None when no date is known for it."""
    day = event_day(event)
    if day is None:
        return None
    values = {**date_columns(day), **actor_columns(event, "source", 1), **actor_columns(event, "target", 2),
              **event_columns(event), **action_geo(event), **source_columns(event)}
    return [clean(values.get(column, "")) for column in COLUMNS]


def _offset(text: str, needle: str, near: int) -> str:
    """Character offset of ``needle`` nearest before/after ``near`` in ``text``; -1 when absent."""
    if not needle:
        return "-1"
    before = text.rfind(needle, 0, near + len(needle))
    after = text.find(needle, near)
    found = [i for i in (before, after) if i >= 0]
    return str(min(found, key=lambda i: abs(i - near))) if found else "-1"


def mention_row(event: Event, mention) -> list[str]:
    article = mention.article
    text = article.text
    values = {
        "GLOBALEVENTID": str(event.pk), "EventTimeDate": timestamp(event.created_at),
        "MentionTimeDate": timestamp(article.analyzed_at),
        "MentionType": MENTION_WEB if article.url else MENTION_CITATION,
        "MentionSourceName": _source_name(article), "MentionIdentifier": citation(article),
        "SentenceID": str(mention.sentence_index + 1),
        "Actor1CharOffset": _offset(text, mention.source_text, mention.span_start),
        "Actor2CharOffset": _offset(text, mention.target_text, mention.span_start),
        "ActionCharOffset": str(mention.span_start), "InRawText": "1",
        "Confidence": str(max(0, min(100, round(mention.confidence * 100)))),
        "MentionDocLen": str(len(text)),
    }
    return [clean(values.get(column, "")) for column in MENTION_COLUMNS]


def clean(value: str) -> str:
    """No tabs or line breaks inside a field."""
    return " ".join(str(value).split())


def mentions_path(out: str | Path) -> Path:
    """``x.export.CSV`` -> ``x.mentions.CSV`` (GDELT's names); ``events.tsv`` -> ``events.mentions.tsv``."""
    out = Path(out)
    if ".export." in out.name:
        return out.with_name(out.name.replace(".export.", ".mentions.", 1))
    return out.with_name(f"{out.stem}.mentions{out.suffix or '.tsv'}")


def _line(row: list[str]) -> str:
    return "\t".join(row) + "\n"


def write_gdelt(events: Iterable, out: str | Path | None) -> ExportResult:
    """The Event table to ``out``; beside a file, the Mentions table too (``mentions_path``), in one pass."""
    counts = {"events": 0, "mentions": 0, "undated": 0}
    with contextlib.ExitStack() as stack:
        handle = stack.enter_context(stack.enter_context(output_path(out)).open("w", encoding="utf-8", newline="\n"))
        mentions = None
        if not is_stdout(out):
            mentions_temp = stack.enter_context(output_path(mentions_path(out)))
            mentions = stack.enter_context(mentions_temp.open("w", encoding="utf-8", newline="\n"))
        for event in events:
            row = gdelt_row(event)
            if row is None:
                counts["undated"] += 1
                continue
            handle.write(_line(row))
            counts["events"] += 1
            for mention in _mentions(event) if mentions else ():
                mentions.write(_line(mention_row(event, mention)))
                counts["mentions"] += 1
    note = f"; {counts['mentions']} mentions written to {mentions_path(out)}" if not is_stdout(out) else ""
    if counts["undated"]:
        note += f"; {counts['undated']} events left out: no event or publication date"
    return ExportResult(counts["events"], "events", note)


def write_gdelt_mentions(events: Iterable, out: str | Path | None) -> ExportResult:
    """The Mentions table alone (one row per sentence reporting an event)."""
    count = 0
    with output_path(out) as temp, temp.open("w", encoding="utf-8", newline="\n") as handle:
        for event in events:
            if event_day(event) is None:
                continue
            for mention in _mentions(event):
                handle.write(_line(mention_row(event, mention)))
                count += 1
    return ExportResult(count, "mentions")
