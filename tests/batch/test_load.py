"""`detente load`: bulk, idempotent loading of batch output into the database."""

from __future__ import annotations

import pytest

from .output_fixture import write_output


def _counts():
    from detente.store.models import Article, Event, EventMention

    return Article.objects.count(), Event.objects.count(), EventMention.objects.count()


@pytest.mark.db
@pytest.mark.django_db
def test_load_stores_every_article_and_mention(tmp_path):
    from detente.store.bulk import load_output

    load_output(write_output(tmp_path / "out"))
    assert _counts()[0::2] == (9, 27)


@pytest.mark.db
@pytest.mark.django_db
def test_load_merges_reports_of_the_same_event(tmp_path):
    from detente.store.bulk import load_output

    report = load_output(write_output(tmp_path / "out"))
    assert 0 < report.events_added == _counts()[1] < report.mentions_added


@pytest.mark.db
@pytest.mark.django_db
def test_loading_twice_adds_nothing(tmp_path):
    from detente.store.bulk import load_output

    out = write_output(tmp_path / "out")
    load_output(out)
    before = _counts()
    report = load_output(out)
    assert (_counts(), report.articles_added, report.articles_skipped) == (before, 0, 9)


@pytest.mark.db
@pytest.mark.django_db
def test_bulk_load_merges_like_one_by_one_ingest(tmp_path):
    """The in-memory merge gives the events that store.merge gives record by record."""
    from detente.batch.reading import iter_output_articles, partition_names
    from detente.model import Article as Doc
    from detente.store.bulk import load_output
    from detente.store.models import Event
    from detente.store.writing import store_analysis

    out = write_output(tmp_path / "out")
    fields = ("fingerprint", "cameo", "date_start", "date_end", "theatre", "mention_count")
    load_output(out)
    bulk = list(Event.objects.order_by("id").values_list(*fields))
    Event.objects.all().delete()
    from detente.store.models import Article

    Article.objects.all().delete()
    seen = set()
    for name in partition_names(out):
        for row, records, _ in iter_output_articles(out, name, seen):
            doc = Doc(text=row["text"], id=row["id"], title=row["title"], date=row["date"], source=row["source"])
            store_analysis(doc, records)
    assert list(Event.objects.order_by("id").values_list(*fields)) == bulk


def test_load_command_refuses_a_directory_without_output(tmp_path, capsys):
    from detente.cli import main

    code = main(["load", str(tmp_path), "--data-dir", str(tmp_path / "data")])
    assert (code, "[E100]" in capsys.readouterr().err) == (2, True)


@pytest.mark.db
@pytest.mark.django_db
def test_load_leaves_out_a_partition_still_being_written(tmp_path):
    from detente.store.bulk import load_output

    out = write_output(tmp_path / "out")
    (out / "_partitions" / "part-00002.json").unlink()
    report = load_output(out)
    assert (report.partitions, report.articles_added) == (2, 6)
