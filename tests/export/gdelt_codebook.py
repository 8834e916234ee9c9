"""The GDELT 2.0 Event and Mentions codebooks as checks: each column's type and, where it has one, its code list.

Written from the GDELT 2.0 Event Database Data Format Codebook (V2.0): the
types are those it gives (INTEGER, NUMERIC, STRING), the code lists those of
CAMEO (event codes, country and actor type codes) and FIPS 10-4.
"""

from __future__ import annotations

import datetime as dt
import re

from detente.events.cameo import code_table
from detente.export.codes import cameo_countries, code_lists, fips_codes
from detente.export.gdelt import COLUMNS, MENTION_COLUMNS


def _int(value: str) -> bool:
    return re.fullmatch(r"-?\d+", value) is not None


def _float(value: str) -> bool:
    return re.fullmatch(r"-?\d+(\.\d+)?", value) is not None


def _day(value: str, pattern: str) -> bool:
    try:
        dt.datetime.strptime(value, pattern)
    except ValueError:
        return False
    return True


def _in(values) -> callable:
    return lambda value: value in values


def event_checks() -> dict[str, tuple[bool, callable]]:
    """Column -> (required, check) for the 61 columns of the Event table."""
    lists = code_lists()
    cameo = set(code_table())
    checks = {
        "GLOBALEVENTID": (True, _int), "SQLDATE": (True, lambda v: _day(v, "%Y%m%d")),
        "MonthYear": (True, lambda v: _day(v, "%Y%m")), "Year": (True, lambda v: _day(v, "%Y")),
        "FractionDate": (True, _float), "IsRootEvent": (True, _in({"0", "1"})),
        "EventCode": (True, _in(cameo)), "EventBaseCode": (True, _in(cameo)),
        "EventRootCode": (True, _in({f"{n:02d}" for n in range(1, 21)})),
        "QuadClass": (True, _in({"1", "2", "3", "4"})),
        "GoldsteinScale": (True, lambda v: _float(v) and -10 <= float(v) <= 10),
        "NumMentions": (True, lambda v: _int(v) and int(v) >= 1),
        "NumSources": (True, lambda v: _int(v) and int(v) >= 1),
        "NumArticles": (True, lambda v: _int(v) and int(v) >= 1),
        "AvgTone": (False, _float),
        "DATEADDED": (True, lambda v: _day(v, "%Y%m%d%H%M%S")),
        "SOURCEURL": (True, lambda v: bool(v) and not re.fullmatch(r"[0-9a-f]{16,64}", v)),
    }
    for n in (1, 2):
        checks.update({
            f"Actor{n}Code": (False, lambda v: len(v) % 3 == 0 and v.isalnum() and v.isupper()),
            f"Actor{n}Name": (False, lambda v: v == v.upper()),
            f"Actor{n}CountryCode": (False, _in(cameo_countries())),
            f"Actor{n}KnownGroupCode": (False, _in(set(lists["known_groups"]))),
            f"Actor{n}EthnicCode": (False, lambda v: len(v) == 3),
            f"Actor{n}Religion1Code": (False, _in(set(lists["religions"]))),
            f"Actor{n}Religion2Code": (False, _in(set(lists["religions"]))),
            **{f"Actor{n}Type{i}Code": (False, _in(set(lists["types"]))) for i in (1, 2, 3)},
        })
    for prefix in ("Actor1Geo_", "Actor2Geo_", "ActionGeo_"):
        checks.update({
            f"{prefix}Type": (False, _in({"1", "2", "3", "4", "5"})), f"{prefix}FullName": (False, bool),
            f"{prefix}CountryCode": (False, _in(fips_codes())),
            f"{prefix}ADM1Code": (False, lambda v: v[:2] in fips_codes()),
            f"{prefix}ADM2Code": (False, bool),
            f"{prefix}Lat": (False, lambda v: _float(v) and -90 <= float(v) <= 90),
            f"{prefix}Long": (False, lambda v: _float(v) and -180 <= float(v) <= 180),
            f"{prefix}FeatureID": (False, bool),
        })
    assert set(checks) == set(COLUMNS)
    return checks


def mention_checks() -> dict[str, tuple[bool, callable]]:
    stamp = lambda v: _day(v, "%Y%m%d%H%M%S")  # noqa: E731
    checks = {
        "GLOBALEVENTID": (True, _int), "EventTimeDate": (True, stamp), "MentionTimeDate": (True, stamp),
        "MentionType": (True, _in({"1", "2", "3", "4", "5", "6"})), "MentionSourceName": (True, bool),
        "MentionIdentifier": (True, lambda v: bool(v) and not re.fullmatch(r"[0-9a-f]{16,64}", v)),
        "SentenceID": (True, lambda v: _int(v) and int(v) >= 1),
        "Actor1CharOffset": (True, lambda v: _int(v) and int(v) >= -1),
        "Actor2CharOffset": (True, lambda v: _int(v) and int(v) >= -1),
        "ActionCharOffset": (True, lambda v: _int(v) and int(v) >= -1), "InRawText": (True, _in({"0", "1"})),
        "Confidence": (True, lambda v: _int(v) and 0 <= int(v) <= 100),
        "MentionDocLen": (True, lambda v: _int(v) and int(v) >= 0), "MentionDocTone": (False, _float),
        "MentionDocTranslationInfo": (False, bool), "Extras": (False, bool),
    }
    assert set(checks) == set(MENTION_COLUMNS)
    return checks


def violations(lines: list[str], columns: tuple[str, ...], checks: dict) -> list[str]:
    """Every field that breaks its column's type or code list, or a required field left empty."""
    found = []
    for number, line in enumerate(lines, start=1):
        fields = line.rstrip("\n").split("\t")
        if len(fields) != len(columns):
            found.append(f"row {number}: {len(fields)} fields, not {len(columns)}")
            continue
        for column, value in zip(columns, fields):
            required, check = checks[column]
            if value == "" and required:
                found.append(f"row {number} {column}: empty")
            elif value != "" and not check(value):
                found.append(f"row {number} {column}: {value!r}")
    return found
