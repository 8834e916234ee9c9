"""Run a batch job: plan the partitions, skip finished ones, analyse the rest on Dask, report.

``run_batch`` is the one plain function behind ``detente batch``. The client
plans and bookkeeps; the workers analyse and write (``worker.process_partition``),
so the output directory must be reachable by every worker (a shared file
system on a real cluster).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from detente.errors import OptionError
from detente.settings import Options

from . import files, layout, manifest
from .cluster import connect
from .inputs import Partition, describe_input, plan_partitions
from .worker import process_partition

log = logging.getLogger(__name__)


@dataclass
class BatchConfig:
    inputs: list[str]
    out: Path
    partition_size: int = 500
    workers: int = 2
    threads_per_worker: int = 1
    scheduler: str | None = None


@dataclass
class BatchResult:
    """What a run did: totals over the whole job, plus this run's share."""

    articles: int = 0
    events: int = 0
    failed: int = 0
    partitions: int = 0
    skipped: int = 0
    crashed: list[dict] = field(default_factory=list)
    run: dict = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.articles + self.failed


# Called on the client once per partition with the number of partitions planned and the
# partition's marker (finished earlier: no "seconds"), its fresh result (has "seconds"),
# or None when it failed.
Progress = Callable[[int, Partition, dict | None], None]


def _validate(config: BatchConfig) -> None:
    if config.partition_size < 1:
        raise OptionError("--partition-size must be at least 1")
    if not config.inputs:
        raise OptionError("give at least one corpus file (.jsonl, .jsonl.gz or .parquet)")


def _crash(part: Partition, exc: BaseException) -> dict:
    return {"article_id": None, "partition": part.name,
            "reason": f"partition failed: {type(exc).__name__}: {exc}", "records": part.count}


def _submit(client, todo: list[Partition], options: Options, out: Path, key: str) -> dict:
    run = uuid.uuid4().hex[:8]  # a rerun's tasks never collide with a killed run's leftovers
    futures = {}
    for part in todo:
        future = client.submit(process_partition, part, options, str(out), key,
                               key=f"detente-{run}-{part.name}", pure=False, retries=2)
        futures[future] = part
    return futures


def _analyse(config, todo, total, options, key, progress: Progress | None) -> tuple[list[dict], list[dict]]:
    from distributed import as_completed

    results, crashed = [], []
    if not todo:
        return results, crashed
    with connect(config.scheduler, config.workers, config.threads_per_worker) as client:
        futures = _submit(client, todo, options, config.out, key)
        for future in as_completed(futures):
            part, result = futures[future], None
            try:
                result = future.result()
                results.append(result)
            except Exception as exc:  # noqa: BLE001 - a partition that keeps failing is reported, not fatal
                log.warning("partition %s failed: %s", part.name, exc)
                crashed.append(_crash(part, exc))
            if progress:
                progress(total, part, result)
    return results, crashed


def _write_errors(out: Path, plan, markers: dict, crashed: list[dict]) -> None:
    lines = [json.dumps(err, ensure_ascii=False, sort_keys=True)
             for part in plan for err in (markers.get(part.name) or {}).get("errors", [])]
    lines += [json.dumps(err, ensure_ascii=False, sort_keys=True) for err in crashed]
    files.write_text("".join(line + "\n" for line in lines), layout.errors_path(out))


def _run_stats(results: list[dict], started: float, config: BatchConfig, skipped: int) -> dict:
    elapsed = time.perf_counter() - started
    workers: dict[str, float] = {}
    for r in results:
        workers[str(r["pid"])] = max(workers.get(str(r["pid"]), 0.0), r["max_rss_mb"])
    articles = sum(r["articles"] + r["failed"] for r in results)
    return {"finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "seconds": round(elapsed, 3), "partitions_run": len(results), "partitions_skipped": skipped,
            "articles": articles, "articles_per_second": round(articles / elapsed, 2) if elapsed else None,
            "task_seconds": round(sum(r["seconds"] for r in results), 3),
            "load_seconds": round(sum(r["load_seconds"] for r in results), 3),
            "workers": config.workers if not config.scheduler else None, "scheduler": config.scheduler,
            "worker_max_rss_mb": {pid: round(mb, 1) for pid, mb in sorted(workers.items())}}


def _append_run(out: Path, stats: dict) -> None:
    with open(layout.runs_path(out), "a", encoding="utf-8") as stream:
        stream.write(json.dumps(stats, sort_keys=True) + "\n")


def run_batch(config: BatchConfig, options: Options, progress: Progress | None = None) -> BatchResult:
    """Analyse the corpora of ``config`` into partitioned Parquet under ``config.out``."""
    _validate(config)
    started = time.perf_counter()
    inputs = [describe_input(path) for path in config.inputs]
    plan = plan_partitions(inputs, config.partition_size)
    key = manifest.plan_key(inputs, config.partition_size, options)
    config.out.mkdir(parents=True, exist_ok=True)
    manifest.check_resumable(config.out, key)
    files.remove_stale_temps(config.out)
    markers = {p.name: m for p in plan if (m := manifest.finished(config.out, p, key))}
    files.write_json(manifest.build(inputs, plan, key, config.partition_size, options, markers),
                     layout.manifest_path(config.out))
    for part in plan:
        if part.name in markers and progress:
            progress(len(plan), part, markers[part.name])
    todo = [p for p in plan if p.name not in markers]
    log.info("%d partitions planned, %d already finished", len(plan), len(markers))
    results, crashed = _analyse(config, todo, len(plan), options, key, progress)
    files.remove_stale_temps(config.out)  # left by a worker killed while writing
    markers.update({r["partition"]: r for r in results})
    final = manifest.build(inputs, plan, key, config.partition_size, options, markers)
    files.write_json(final, layout.manifest_path(config.out))
    _write_errors(config.out, plan, markers, crashed)
    stats = _run_stats(results, started, config, len(plan) - len(todo))
    _append_run(config.out, stats)
    counts = final["counts"]
    return BatchResult(articles=counts["articles"], events=counts["events"],
                       failed=counts["failed"] + sum(c["records"] for c in crashed),
                       partitions=len(plan), skipped=len(plan) - len(todo), crashed=crashed, run=stats)
