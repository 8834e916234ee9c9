"""Hand-made event records (DESIGN.md format) and a helper to store them, for tests."""

from __future__ import annotations

import datetime as dt

from detente.model import Article

COUNTRIES = {"TUR": "Turkey", "RUS": "Russia", "SYR": "Syria", "USA": "United States", "CHN": "China"}


def actor(country: str, role: str = "GOV", *, name: str | None = None, kind: str = "country",
          text: str | None = None) -> dict:
    return {"text": text or COUNTRIES.get(country, country), "code": country + role, "country": country,
            "name": name or COUNTRIES.get(country, country), "kind": kind}


def record(source="TUR", target="RUS", *, cameo="190", quad=4, goldstein=-10.0, start="2020-02-27",
           end=None, granularity="day", sentence=None, index=0, span=(0, 40), place=None, theatre=None,
           modality="asserted", source_actor=None, target_actor=None) -> dict:
    """One event record; dates are ISO strings; ``place`` is a location name or None."""
    src = source_actor or actor(source)
    tgt = target_actor if target_actor is not None else (actor(target) if target else None)
    return {
        "article": {"id": "", "title": "", "date": None, "source": "test"},
        "sentence": sentence or f"{src['text']} acted against {tgt['text'] if tgt else 'nobody'}.",
        "sentence_index": index, "span": list(span), "source": src, "target": tgt,
        "cameo": cameo, "cameo_root": cameo[:2], "cameo_name": "", "quad_class": quad,
        "goldstein": goldstein, "plover": "", "modality": modality,
        "date": {"start": start, "end": end or start, "granularity": granularity, "text": "", "basis": "explicit"}
        if start else None,
        "location": {"name": place, "country": None, "lat": 1.0, "lon": 2.0} if place else None,
        "theatre": theatre, "confidence": 0.7,
    }


def article(text: str, date: str = "2020-03-01", title: str | None = None, url: str | None = None) -> Article:
    return Article(text=text, title=title or text[:30], date=dt.date.fromisoformat(date), source="test-wire",
                   url=url)


def store(text: str, records: list[dict], date: str = "2020-03-01", **kwargs):
    """Store ``records`` as the analysis of a new article with ``text``."""
    from detente.store.writing import store_analysis

    return store_analysis(article(text, date, **kwargs), records, [])


def series(months: int, before: float, after: float, break_at: int, dyad=("TUR", "RUS"),
           first="2018-01") -> list[tuple[str, list[dict]]]:
    """(article text, records) per month: Goldstein ``before`` until ``break_at``, then ``after``."""
    year, month = (int(x) for x in first.split("-"))
    articles = []
    for i in range(months):
        y, m = year + (month - 1 + i) // 12, (month - 1 + i) % 12 + 1
        g = before if i < break_at else after
        cameo, quad = ("042", 1) if g > 0 else ("190", 4)
        records = [record(*dyad, cameo=cameo, quad=quad, goldstein=g, start=f"{y}-{m:02d}-{d:02d}",
                          span=(d, d + 10)) for d in (3, 17)]
        articles.append((f"Report number {i} on the dyad.", records))
    return articles
