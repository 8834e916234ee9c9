"""Hand-made articles and events for the web tests, stored through the store's own functions."""

from __future__ import annotations

import datetime as dt

from detente.model import Article
from detente.store.writing import store_analysis

ACTORS = {
    "RUS": {"code": "RUSGOV", "country": "RUS", "name": "Russia", "kind": "state"},
    "TUR": {"code": "TURGOV", "country": "TUR", "name": "Turkey", "kind": "state"},
    "UKR": {"code": "UKRGOV", "country": "UKR", "name": "Ukraine", "kind": "state"},
}
CAPITALS = {"RUS": "Moscow", "TUR": "Ankara", "UKR": "Kyiv"}

# (sentence, source, target, cameo, quad class, goldstein, event date, theatre)
FRIENDSHIP = [
    ("Moscow praised Ankara as a reliable partner in March.", "RUS", "TUR", "051", 1, 3.4, "2019-03-10", "Energy"),
    ("Ankara signed a pipeline deal with Moscow in April.", "TUR", "RUS", "061", 2, 6.4, "2019-04-12", "Energy"),
    ("Moscow agreed to sell missiles to Ankara in May.", "RUS", "TUR", "062", 2, 7.4, "2019-05-20", "Energy"),
]
RIVALRY = [
    ("Ankara accused Moscow of bombing its soldiers in Idlib in February.", "TUR", "RUS", "112", 3, -2.0,
     "2020-02-27", "Syria"),
    ("Ankara threatened Moscow with retaliation in March.", "TUR", "RUS", "138", 3, -7.0, "2020-03-02", "Syria"),
    ("Moscow's jets struck Ankara's convoy in Libya in June.", "RUS", "TUR", "190", 4, -10.0, "2020-06-05", "Libya"),
]


def record(text: str, sentence: str, source: str, target: str, cameo: str, quad: int, goldstein: float,
           day: str, theatre: str) -> dict:
    start = text.index(sentence)
    return {"sentence": sentence, "sentence_index": 0, "span": [start, start + len(sentence)],
            "source": {**ACTORS[source], "text": sentence.split()[0]},
            "target": {**ACTORS[target], "text": CAPITALS[target]},
            "cameo": cameo, "cameo_root": cameo[:2], "quad_class": quad, "goldstein": goldstein,
            "modality": "threatened" if cameo.startswith("13") else "asserted",
            "date": {"start": day, "end": day, "granularity": "day", "text": "", "basis": "explicit"},
            "theatre": theatre, "confidence": 0.9}


def actor_rows(text: str) -> list[dict]:
    rows = []
    for code, word in CAPITALS.items():
        start = text.find(word)
        while start >= 0:
            rows.append({"start": start, "end": start + len(word), "text": word, **ACTORS[code], "via": "capital"})
            start = text.find(word, start + 1)
    return sorted(rows, key=lambda r: r["start"])


def store_article(title: str, day: str, events: list[tuple]) -> object:
    """Store an article whose text is the events' sentences; returns the stored Article."""
    text = " ".join(e[0] for e in events)
    article = Article(text=text, title=title, date=dt.date.fromisoformat(day), source="test")
    records = [record(text, *e) for e in events]
    return store_analysis(article, records, actor_rows(text)).article


def seed_site() -> dict:
    """Two articles about Russia and Turkey: friendship in 2019, rivalry in 2020."""
    friendship = store_article("A friendship of pipelines", "2019-06-01", FRIENDSHIP)
    rivalry = store_article("From partners to rivals", "2020-07-01", RIVALRY)
    return {"friendship": friendship, "rivalry": rivalry}
