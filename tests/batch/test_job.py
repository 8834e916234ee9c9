"""The batch job on a real Dask cluster: output, errors, resuming, a worker killed mid-run."""

from __future__ import annotations

import os
import signal

import pytest

from detente.batch.job import BatchConfig, run_batch
from detente.cli import main

from .conftest import read_output, read_table


class Interrupted(Exception):
    pass


def _config(dask_cluster, corpus_path, out, size=4) -> BatchConfig:
    return BatchConfig(inputs=[str(corpus_path)], out=out, partition_size=size,
                       scheduler=dask_cluster.scheduler_address)


@pytest.fixture
def reference(dask_cluster, corpus, tmp_path, options):
    """The output of an uninterrupted run over a 24-article corpus."""
    path = corpus(24)
    run_batch(_config(dask_cluster, path, tmp_path / "reference"), options)
    return path, read_output(tmp_path / "reference")


def test_batch_writes_one_file_per_partition_per_table(reference):
    _, output = reference
    assert [f for f in output["files"] if f.startswith(("events/", "articles/"))] == [
        f"{table}/part-{i:05d}.parquet" for table in ("articles", "events") for i in range(6)]


def test_batch_writes_every_article_once_in_corpus_order(reference):
    _, output = reference
    assert [row["id"] for row in output["articles"]] == [f"art-{i:03d}" for i in range(24)]


def test_event_rows_point_into_their_article_text(reference):
    _, output = reference
    texts = {row["id"]: row["text"] for row in output["articles"]}
    for event in output["events"]:
        assert texts[event["article_id"]][event["span_start"]:event["span_end"]] in event["sentence"]


def test_rerun_of_finished_job_skips_every_partition_and_changes_nothing(reference, dask_cluster, options, tmp_path):
    path, output = reference
    result = run_batch(_config(dask_cluster, path, tmp_path / "reference"), options)
    assert (result.skipped, read_output(tmp_path / "reference")) == (6, output)


@pytest.mark.parametrize("stop_after", [1, 4])
def test_resumed_job_gives_the_output_of_an_uninterrupted_run(reference, dask_cluster, options, tmp_path, stop_after):
    path, output = reference
    out, done = tmp_path / "resumed", []

    def interrupt(total, part, result):
        done.append(part.name)
        if len(done) == stop_after:
            raise Interrupted

    with pytest.raises(Interrupted):
        run_batch(_config(dask_cluster, path, out), options, progress=interrupt)
    result = run_batch(_config(dask_cluster, path, out), options)
    assert result.skipped >= stop_after
    assert read_output(out) == output


def test_bad_records_go_to_the_errors_file_with_id_and_reason(dask_cluster, corpus, options, tmp_path):
    path = corpus(6, extra=({"id": "empty-one", "title": "x", "text": "   "}, "{not json"))
    run_batch(_config(dask_cluster, path, tmp_path / "out"), options)
    errors = [__import__("json").loads(line) for line in (tmp_path / "out/errors.jsonl").read_text().splitlines()]
    assert [(e["article_id"], e["partition"], e["reason"][:6]) for e in errors] == [
        ("empty-one", "part-00001", "[E101]"), (None, "part-00001", "[E106]")]


def test_bad_records_do_not_stop_the_others(dask_cluster, corpus, options, tmp_path):
    path = corpus(6, extra=({"id": "empty-one", "text": ""},))
    run_batch(_config(dask_cluster, path, tmp_path / "out"), options)
    assert [row["id"] for row in read_table(tmp_path / "out", "articles")] == [f"art-{i:03d}" for i in range(6)]


@pytest.mark.parametrize(("good", "bad", "code"), [(5, 0, 0), (5, 1, 1), (1, 9, 3)])
def test_batch_exit_code_says_how_many_failed(dask_cluster, corpus, tmp_path, good, bad, code):
    path = corpus(good, extra=tuple({"id": f"bad-{i}", "text": " "} for i in range(bad)))
    argv = ["batch", str(path), "--out", str(tmp_path / "out"), "--partition-size", "5",
            "--scheduler", dask_cluster.scheduler_address, "--no-progress"]
    assert main(argv) == code


def test_batch_refuses_an_output_directory_of_other_inputs(dask_cluster, corpus, tmp_path, capsys):
    first = corpus(4, name="first.jsonl")
    second = corpus(5, name="second.jsonl")
    common = ["--out", str(tmp_path / "out"), "--scheduler", dask_cluster.scheduler_address, "--no-progress"]
    main(["batch", str(first), *common])
    assert (main(["batch", str(second), *common]), "[E200]" in capsys.readouterr().err) == (2, True)


def test_job_survives_a_worker_killed_mid_run(reference, dask_cluster, options, tmp_path):
    """Runs last: the killed worker's replacement starts cold. The kill comes when two
    partitions are left, so the survivor finishes the job without waiting for it."""
    from distributed import Client

    path, output = reference
    killed = []
    with Client(dask_cluster) as client:
        pids = client.run(os.getpid)

        def kill_a_busy_worker(total, part, result):
            finished.append(part.name)
            busy = [addr for addr, keys in client.processing().items() if keys]
            if not killed and busy and len(finished) >= total - 2:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(busy[0])

        finished: list[str] = []
        run_batch(_config(dask_cluster, path, tmp_path / "killed"), options, progress=kill_a_busy_worker)
    assert killed and read_output(tmp_path / "killed") == output
