"""One end-to-end ingest of a short text through the real pipeline, twice."""

from __future__ import annotations

import pytest

import detente.pipeline
import detente.records
from detente.intake import ingest_sources
from detente.records import doc_records
from detente.store.models import Article, Event, EventMention

pytestmark = [pytest.mark.db, pytest.mark.django_db, pytest.mark.slow]

TEXT = ("Moscow, 3 March 2020. Russian President Vladimir Putin criticized Turkey on Tuesday "
        "after Turkish drones attacked Syrian army positions near Saraqib. Ankara accused Damascus of "
        "violating the ceasefire agreed in Sochi.")


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    return str(path)


def test_ingest_stores_the_article_and_the_events_of_its_analysis(source, options, nlp, analyze_text):
    report = ingest_sources([source], options, date="2020-03-03", nlp=nlp)
    analysed = doc_records(analyze_text(TEXT, date="2020-03-03"))
    expected = {(r["span"][0], r["span"][1], r["cameo"]) for r in analysed}
    stored = set(EventMention.objects.values_list("span_start", "span_end", "cameo"))
    assert (report.added, report.failed, Article.objects.count(), stored) == (1, 0, 1, expected)


def test_ingesting_the_same_source_twice_adds_nothing(source, options, nlp):
    ingest_sources([source], options, nlp=nlp)
    events = Event.objects.count()
    again = ingest_sources([source], options, nlp=nlp)
    assert (again.added, again.skipped, again.events_added, Event.objects.count()) == (0, 1, 0, events)


def test_already_stored_articles_are_not_analysed_again(source, options, nlp, monkeypatch):
    ingest_sources([source], options, nlp=nlp)
    analysed = []
    real = detente.pipeline.analyze

    def spy(articles, nlp, batch_size=32):
        articles = list(articles)
        analysed.extend(articles)
        return real(articles, nlp, batch_size)

    monkeypatch.setattr(detente.pipeline, "analyze", spy)
    report = ingest_sources([source], options, nlp=nlp)
    assert (report.skipped, analysed) == (1, [])


def test_a_rerun_over_stored_sources_loads_no_pipeline(source, options, nlp, monkeypatch):
    ingest_sources([source], options, nlp=nlp)
    monkeypatch.setattr(detente.pipeline, "load_pipeline", lambda options: pytest.fail("pipeline loaded"))
    assert ingest_sources([source], options).skipped == 1


def test_an_article_failing_to_store_is_counted_and_the_others_are_kept(tmp_path, options, nlp, monkeypatch):
    (tmp_path / "good.txt").write_text("Greek and Italian ministers met in Rome on Friday.", encoding="utf-8")
    (tmp_path / "bad.txt").write_text("Egyptian officials criticized Ethiopia over the dam.", encoding="utf-8")
    real = detente.records.doc_records

    def fail_on_bad(doc):
        if "Egyptian" in doc.text:
            raise ValueError("broken record")
        return real(doc)

    monkeypatch.setattr(detente.records, "doc_records", fail_on_bad)
    report = ingest_sources([str(tmp_path)], options, nlp=nlp)
    assert (report.added, report.failed, list(Article.objects.values_list("text", flat=True))) == \
        (1, 1, ["Greek and Italian ministers met in Rome on Friday."])


def test_an_article_stored_meanwhile_by_another_ingest_is_counted_as_skipped(source, options, nlp, monkeypatch):
    """Another process stored the text between our check and our write: seen = added + skipped + failed."""
    import detente.store.writing as ingest

    ingest_sources([source], options, nlp=nlp)
    monkeypatch.setattr(ingest, "is_stored", lambda digest: False)  # the check ran before the other stored it
    report = ingest_sources([source], options, nlp=nlp)
    assert (report.seen, report.added, report.skipped, report.failed) == (1, 0, 1, 0)
