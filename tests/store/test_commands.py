"""The ingest, events and correct commands (database set up by pytest-django)."""

from __future__ import annotations

import json

import pytest

from detente.cli import EXIT_OK, EXIT_SOME_FAILED, main
from detente.store.models import Correction, Event

from .factories import record, store

pytestmark = [pytest.mark.db, pytest.mark.django_db]


@pytest.fixture
def cli(monkeypatch, capsys):
    monkeypatch.setattr("detente.store.setup.open_store", lambda options: None)

    def run(*argv):
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": "a1", "title": "Talks", "date": "2020-03-01",
                         "text": "Turkish and Russian diplomats met in Moscow on Monday to discuss Idlib."}),
             "{this line is broken",
             json.dumps({"id": "a2", "title": "Drills", "date": "2020-03-02",
                         "text": "The Greek navy held drills near Crete on Sunday, officials said."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_ingest_command_counts_a_bad_record_as_a_failure(cli, corpus, nlp, monkeypatch):
    monkeypatch.setattr("detente.pipeline.load_pipeline", lambda options: nlp)
    code, _, err = cli("ingest", corpus)
    assert (code, "2 articles added" in err, "1 failed" in err) == (EXIT_SOME_FAILED, True, True)


def test_ingest_command_second_run_reports_everything_already_stored(cli, corpus, nlp, monkeypatch):
    monkeypatch.setattr("detente.pipeline.load_pipeline", lambda options: nlp)
    cli("ingest", corpus)
    _, _, err = cli("ingest", corpus)
    assert "0 articles added (0 new events, 0 mentions), 2 already stored" in err


def test_events_command_lists_evidence_sentences_and_titles(cli):
    store("Turkish jets struck Russian positions.", [record(sentence="Turkish jets struck Russian positions.")],
          title="Strike report")
    code, out, _ = cli("events", "--format", "jsonl", "--dyad", "TUR,RUS")
    item = json.loads(out)
    assert (code, item["cameo"], item["mentions"][0]["sentence"], item["mentions"][0]["article_title"]) == \
        (EXIT_OK, "190", "Turkish jets struck Russian positions.", "Strike report")


@pytest.mark.parametrize("argv,count", [(("--quad", "1"), 1), (("--code", "19"), 1), (("--actor", "SYR"), 1),
                                        (("--since", "2020-03-01"), 1), (("--limit", "1"), 1), ((), 2)])
def test_events_command_filters(cli, argv, count):
    store("Two things happened.", [record(cameo="190", start="2020-02-01"),
                                   record("SYR", "TUR", cameo="042", quad=1, goldstein=1.9, start="2020-03-05",
                                          span=(9, 20))])
    _, out, _ = cli("events", "--format", "csv", *argv)
    assert len(out.strip().splitlines()) - 1 == count


def test_correct_command_rejects_and_logs_the_user(cli):
    store("Turkish jets struck Russian positions.", [record()])
    event = Event.objects.get()
    code, _, _ = cli("correct", str(event.pk), "--reject", "--user", "ana", "--note", "duplicate")
    logged = Correction.objects.get()
    assert (code, Event.objects.get().status, logged.author, logged.note) == (EXIT_OK, "rejected", "ana", "duplicate")


def test_correct_command_refuses_reject_with_changes(cli):
    store("Turkish jets struck Russian positions.", [record()])
    code, _, err = cli("correct", str(Event.objects.get().pk), "--reject", "--code", "111")
    assert code != EXIT_OK and "E200" in err
