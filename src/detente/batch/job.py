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

from distributed import as_completed

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


@dataclass
class _Plan:
    """What a run works on: the inputs, their partitions, the plan key, what is already done."""

    config: BatchConfig
    options: Options
    inputs: list
    partitions: list[Partition]
    key: str
    markers: dict[str, dict]

    def manifest(self) -> dict:
        return manifest.build(self.inputs, self.partitions, self.key, self.config.partition_size,
                              self.options, self.markers)


def _prepare(config: BatchConfig, options: Options) -> _Plan:
    """Plan the partitions, check the output directory may be resumed, note the finished ones."""
    inputs = [describe_input(path) for path in config.inputs]
    key = manifest.plan_key(inputs, config.partition_size, options)
    config.out.mkdir(parents=True, exist_ok=True)
    manifest.check_resumable(config.out, key)
    files.remove_stale_temps(config.out)
    partitions = plan_partitions(inputs, config.partition_size, layout.inputs_dir(config.out))
    markers = {p.name: m for p in partitions if (m := manifest.finished(config.out, p, key))}
    plan = _Plan(config, options, inputs, partitions, key, markers)
    files.write_json(plan.manifest(), layout.manifest_path(config.out))
    log.info("%d partitions planned, %d already finished", len(partitions), len(markers))
    return plan


def _finish(plan: _Plan, results: list[dict], crashed: list[dict], started: float) -> BatchResult:
    """Write the final manifest, the errors file and the run's statistics."""
    out = plan.config.out
    plan.markers.update({r["partition"]: r for r in results})
    final = plan.manifest()
    files.write_json(final, layout.manifest_path(out))
    crashed = sorted(crashed, key=lambda c: c["partition"])
    _write_errors(out, plan.partitions, plan.markers, crashed)
    skipped = len(plan.partitions) - len(results) - len(crashed)
    stats = _run_stats(results, started, plan.config, skipped)
    _append_run(out, stats)
    counts = final["counts"]
    return BatchResult(articles=counts["articles"], events=counts["events"],
                       failed=counts["failed"] + sum(c["records"] for c in crashed),
                       partitions=len(plan.partitions), skipped=skipped, crashed=crashed, run=stats)


def run_batch(config: BatchConfig, options: Options, progress: Progress | None = None) -> BatchResult:
    """Analyse the corpora of ``config`` into partitioned Parquet under ``config.out``."""
    _validate(config)
    started = time.perf_counter()
    plan = _prepare(config, options)
    total = len(plan.partitions)
    for part in plan.partitions:
        if part.name in plan.markers and progress:
            progress(total, part, plan.markers[part.name])
    todo = [p for p in plan.partitions if p.name not in plan.markers]
    results, crashed = _analyse(config, todo, total, options, plan.key, progress)
    files.remove_stale_temps(config.out)  # left by a worker killed while writing
    return _finish(plan, results, crashed, started)
