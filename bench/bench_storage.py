"""Storage benchmark on PostgreSQL: timeline latency over 1M events, and ingest overhead.

1. Loads N synthetic events (default 1,000,000; 10 years, ~60 countries, one
   busy dyad TUR-RUS with ~1 % of them) into a fresh database with COPY, then
   VACUUM ANALYZE, and times a monthly 10-year timeline of that dyad through
   the same code as `detente timeline` (median of repeated runs), with the
   EXPLAIN ANALYZE of the aggregation query.
2. Analyses the same ~300 articles twice: analysis alone (pipeline + records),
   then analysis + storing into PostgreSQL, and reports the throughput ratio.

    .venv/bin/python bench/bench_storage.py [--events N] [--articles 300] [--runs 21]

Needs PostgreSQL at --server (default postgres://postgres@127.0.0.1:5432); it
creates (and drops first) the database `detente_bench` (--database).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from itertools import islice
from pathlib import Path

from shared_data import corpus_path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

CORPUS = str(corpus_path("wh_briefings.jsonl.gz"))
DB_NAME = "detente_bench"
THEATRES = ["", "", "Syria", "Libya", "Caucasus", "Black Sea", "Energy"]
EVENT_COLUMNS = ("fingerprint", "dyad", "source_code", "source_country", "source_name", "source_kind",
                 "target_code", "target_country", "target_name", "target_kind", "cameo", "cameo_root",
                 "quad_class", "goldstein", "plover", "modality", "date_start", "date_end",
                 "date_granularity", "date_basis", "date_text", "location_name", "location_country",
                 "theatre", "confidence", "mention_count", "status", "created_at", "updated_at")
CODES = [("042", 1, 1.9), ("057", 1, 8.0), ("061", 2, 6.4), ("071", 2, 7.4), ("111", 3, -2.0),
         ("130", 3, -4.4), ("173", 4, -5.0), ("190", 4, -10.0), ("193", 4, -10.0)]


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--corpus", default=CORPUS)
    parser.add_argument("--offset", type=int, default=0, help="skip the first N documents of the corpus")
    parser.add_argument("--database", default=DB_NAME, help="database to (re)create on the server")
    parser.add_argument("--skip-ingest", action="store_true", help="only the timeline figures")
    parser.add_argument("--reuse", action="store_true",
                        help="keep the events loaded by an earlier run (migrates and re-analyses it)")
    return parser.parse_args(argv)


def fresh_database(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    return f"{server}/{name}"


def setup(url: str):
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "detente.web.settings.test"
    from detente.settings import Options
    from detente.store.setup import migrate, setup_django

    options = Options.from_env(data_dir="/tmp/detente-bench", database_url=url)
    setup_django(options)
    migrate()
    return options


def synthetic_event(rng: random.Random, countries: list[str], now: dt.datetime) -> tuple:
    if rng.random() < 0.01:
        a, b = rng.sample(["TUR", "RUS"], 2)
    else:
        a, b = rng.sample(countries, 2)
    code, quad, goldstein = rng.choice(CODES)
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3653))
    status = "rejected" if rng.random() < 0.02 else "active"
    return (f"{a}>{b}|{quad}", "-".join(sorted((a, b))), a + "GOV", a, a, "country", b + "GOV", b, b,
            "country", code, code[:2], quad, goldstein, "", "asserted", day, day, "day", "explicit", "",
            "", "", rng.choice(THEATRES), 0.5, rng.randint(1, 5), status, now, now)


def load_events(n: int) -> float:
    from django.db import connection

    rng = random.Random(42)
    countries = ["TUR", "RUS"] + [f"C{i:02d}" for i in range(60)]
    now = dt.datetime.now(dt.timezone.utc)
    began = time.perf_counter()
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        with cursor.copy(f"COPY store_event ({', '.join(EVENT_COLUMNS)}) FROM STDIN") as copy:
            for _ in range(n):
                copy.write_row(synthetic_event(rng, countries, now))
    connection.connection.commit()
    return time.perf_counter() - began


def add_evidence() -> None:
    """One article and one mention per TUR-RUS event, so timelines can cite sentences."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO store_article (content_hash, external_id, title, source, url, text, "
                       "analyzed_at, model_name) VALUES ('bench', 'bench', 'Bench wire', 'bench', '', "
                       "'synthetic', now(), '') RETURNING id")
        article = cursor.fetchone()[0]
        cursor.execute("INSERT INTO store_eventmention (event_id, article_id, sentence, sentence_index, "
                       "span_start, span_end, source_text, target_text, cameo, modality, date_text, "
                       "date_basis, confidence, record) SELECT id, %s, 'A synthetic sentence about event ' "
                       "|| id, 0, id, id + 10, source_name, target_name, cameo, 'asserted', '', 'explicit', 0.5, "
                       "'{}'::jsonb FROM store_event WHERE dyad = 'RUS-TUR'", [article])
        cursor.execute("VACUUM ANALYZE")


def reuse_events() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE store_event")
        cursor.execute("SELECT count(*) FROM store_event")
        return cursor.fetchone()[0]


def time_timeline(runs: int) -> dict:
    from detente.relations.db import DatabaseBackend
    from detente.relations.timeline import ActorFilter, DyadQuery, timeline_for

    query = DyadQuery(ActorFilter("Turkey", country="TUR"), ActorFilter("Russia", country="RUS"), by="month",
                      since=dt.date(2015, 1, 1), until=dt.date(2024, 12, 31))
    backend = DatabaseBackend()
    full, aggregate = [], []
    timeline_for(backend, query)  # warm up (imports, connection)
    for _ in range(runs):
        began = time.perf_counter()
        timeline = timeline_for(backend, query)
        full.append(time.perf_counter() - began)
        began = time.perf_counter()
        backend.aggregate_rows(query)
        aggregate.append(time.perf_counter() - began)
    from detente.relations.db import _grouped

    plan = _grouped(query).explain(analyze=True)
    return {"periods": len(timeline.periods), "dyad_events": timeline.events,
            "change_points": [c.period.isoformat() for c in timeline.change_points],
            "timeline_median_ms": round(1000 * statistics.median(full), 1),
            "aggregate_median_ms": round(1000 * statistics.median(aggregate), 1), "explain": plan}


def read_articles(corpus: str, n: int, options, offset: int = 0) -> list:
    from detente.ingest import Failure, iter_articles

    items = (a for a in iter_articles(corpus, options) if not isinstance(a, Failure))
    return list(islice(items, offset, offset + n))


def time_ingest(options, corpus: str, n: int, offset: int = 0) -> dict:
    """Analysis time and store time of the same articles, measured interleaved.

    The two cores are shared with other work, so timing two separate passes
    mostly measures the load changing between them; timing each article's
    analysis and its storing back to back divides the noise evenly.
    """
    from detente.pipeline import analyze, load_pipeline
    from detente.records import actor_records, doc_records
    from detente.store.writing import store_analysis

    nlp = load_pipeline(options)
    articles = read_articles(corpus, n, options, offset)
    list(analyze(articles[:5], nlp))  # warm up
    docs = iter(analyze(articles, nlp, options.batch_size))
    analysis = store = 0.0
    events = 0
    for article in articles:
        began = time.perf_counter()
        doc = next(docs)
        records, actors = doc_records(doc), actor_records(doc)
        middle = time.perf_counter()
        events += store_analysis(article, records, actors).events_added
        store += time.perf_counter() - middle
        analysis += middle - began
    return {"articles": len(articles), "events_added": events,
            "analysis_articles_per_s": round(len(articles) / analysis, 2),
            "analysis_and_store_articles_per_s": round(len(articles) / (analysis + store), 2),
            "store_ms_per_article": round(1000 * store / len(articles), 1),
            "ratio": round(analysis / (analysis + store), 3)}


def main(argv=None) -> int:
    args = parse_args(argv)
    url = f"{args.server}/{args.database}" if args.reuse else fresh_database(args.server, args.database)
    options = setup(url)
    if args.reuse:
        results = {"synthetic_events": reuse_events()}
    else:
        results = {"synthetic_events": args.events, "copy_seconds": round(load_events(args.events), 1)}
        add_evidence()
    results["load_average"] = os.getloadavg()
    results.update(time_timeline(args.runs))
    print(results.pop("explain"))
    if not args.skip_ingest:
        results["ingest"] = time_ingest(options, args.corpus, args.articles, args.offset)
    print(json.dumps(results, indent=2))
    ok = results["timeline_median_ms"] < 200 and (args.skip_ingest or results["ingest"]["ratio"] >= 0.8)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
