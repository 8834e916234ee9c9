"""The GDELT 2.0 event table: 61 tab-separated columns, no header, GDELT's column order.

Detente fills what it knows (see docs/storage.md, "GDELT mapping") and leaves
the rest empty. SQLDATE is the date the event happened (not the publication
date); DATEADDED is when Detente stored the event. Country codes are ISO
3166-1 alpha-3 as in the rest of Detente; GDELT's geographic country codes are
FIPS 10-4, which Detente does not carry, so the *Geo_CountryCode columns stay empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from detente.store.models import Event

from .atomic import atomic_path

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
GEO_COUNTRY, GEO_PLACE = "1", "4"   # GDELT geo types: 1 country, 4 world city/landmark


def date_columns(event: Event) -> dict:
    day = event.date_start
    if day is None:
        return {}
    fraction = day.year + (day.month * 30 + day.day) / 365
    return {"SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"),
            "Year": str(day.year), "FractionDate": f"{fraction:.4f}"}


def actor_columns(event: Event, side: str, number: int) -> dict:
    code = getattr(event, f"{side}_code")
    if not code:
        return {}
    roles = [code[i:i + 3] for i in range(3, len(code), 3)]
    columns = {"Code": code, "Name": getattr(event, f"{side}_name").upper(),
               "CountryCode": getattr(event, f"{side}_country")}
    columns.update({f"Type{i + 1}Code": role for i, role in enumerate(roles[:3])})
    return {f"Actor{number}{key}": value for key, value in columns.items()}


def action_geo(event: Event) -> dict:
    if not event.location_name:
        return {}
    is_country = event.location_name.casefold() == (event.location_country or "").casefold()
    columns = {"Type": GEO_COUNTRY if is_country else GEO_PLACE, "FullName": event.location_name,
               "Lat": "" if event.lat is None else f"{event.lat:.4f}",
               "Long": "" if event.lon is None else f"{event.lon:.4f}"}
    return {f"ActionGeo_{key}": value for key, value in columns.items()}


def event_columns(event: Event) -> dict:
    mentions = list(event.mentions.all())
    code = event.cameo
    return {"EventCode": code, "EventBaseCode": code[:3], "EventRootCode": event.cameo_root,
            "QuadClass": str(event.quad_class), "GoldsteinScale": f"{event.goldstein:.1f}",
            "IsRootEvent": "1" if any(m.sentence_index == 0 for m in mentions) else "0",
            "NumMentions": str(len(mentions)), "NumArticles": str(len({m.article_id for m in mentions})),
            "NumSources": str(len({m.article.source for m in mentions}))}


def source_columns(event: Event) -> dict:
    mentions = sorted(event.mentions.all(), key=lambda m: m.pk)
    article = mentions[0].article if mentions else None
    url = (article.url or article.external_id) if article else ""
    return {"GLOBALEVENTID": str(event.pk), "DATEADDED": event.created_at.strftime("%Y%m%d%H%M%S"),
            "SOURCEURL": url}


def gdelt_row(event: Event) -> list[str]:
    values = {**date_columns(event), **actor_columns(event, "source", 1), **actor_columns(event, "target", 2),
              **event_columns(event), **action_geo(event), **source_columns(event)}
    return [clean(values.get(column, "")) for column in COLUMNS]


def clean(value: str) -> str:
    """No tabs or line breaks inside a field."""
    return " ".join(str(value).split())


def write_gdelt(events: Iterable, out: str | Path) -> int:
    count = 0
    with atomic_path(out) as temp, temp.open("w", encoding="utf-8", newline="\n") as handle:
        for event in events:
            handle.write("\t".join(gdelt_row(event)) + "\n")
            count += 1
    return count
