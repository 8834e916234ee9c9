"""The demo data (every sample the demo loads) exports to GDELT 2.0 tables with no codebook violation."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.export import export_events
from detente.export.gdelt import COLUMNS, MENTION_COLUMNS, mentions_path
from detente.store.queries import EventFilter, filter_events
from tests.export.gdelt_codebook import event_checks, mention_checks, violations

pytestmark = [pytest.mark.db, pytest.mark.django_db, pytest.mark.slow]

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_demo_data_gdelt_export_has_no_codebook_violation(nlp, options, tmp_path):
    from detente.intake import ingest_sources

    report = ingest_sources([str(SAMPLES)], options, nlp=nlp)
    assert report.failed == 0 and report.added >= 40
    out = tmp_path / "events.tsv"
    result = export_events(filter_events(EventFilter()), "gdelt", out)
    events = out.read_text(encoding="utf-8").splitlines()
    mentions = mentions_path(out).read_text(encoding="utf-8").splitlines()
    assert result.rows == len(events) > 100
    assert violations(events, COLUMNS, event_checks()) == []
    assert violations(mentions, MENTION_COLUMNS, mention_checks()) == []


def test_ingesting_the_samples_folder_stores_titles_and_dates_from_its_index(nlp, options):
    from detente.intake import ingest_sources
    from detente.store.models import Article

    report = ingest_sources([str(SAMPLES / "articles")], options, nlp=nlp)
    stored = Article.objects.all()
    assert report.failed == 0 and report.added == 8
    assert all(a.title and a.date and a.source.startswith("Detente samples") for a in stored)
    assert stored.get(title__startswith="From the friendship of two sultans").date.isoformat() == "2020-10-20"
