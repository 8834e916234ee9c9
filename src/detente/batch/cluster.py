"""A Dask client: to the scheduler at ``--scheduler``, or to a local cluster of worker processes."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import dask
from distributed import Client, LocalCluster

from detente.errors import OptionError

log = logging.getLogger(__name__)


# Dask's defaults that cost a local spaCy worker throughput, measured on 120 White House
# briefings (bench/bench_batch.py has the whole-run figures): glibc's trim threshold, which
# Dask sets so workers hand memory back to the OS, also turns off malloc's adaptive mmap
# threshold, so every large array spaCy allocates is a fresh mmap (8 % slower); the
# statistical profiler samples the task thread's stack every 10 ms (3 %). The worker's
# memory stays flat without them (spaCy memory zones, see worker.py).
LOCAL_WORKER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,  # None unsets it
    "distributed.worker.profile.enabled": False,
}


@contextmanager
def local_client(workers: int, threads_per_worker: int) -> Iterator:
    """A fresh ``LocalCluster`` of worker processes on 127.0.0.1, closed on exit."""

    with dask.config.set(LOCAL_WORKER_CONFIG):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=threads_per_worker,
                               processes=True, host="127.0.0.1", scheduler_port=0,
                               dashboard_address=":0", silence_logs=logging.ERROR)
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()


@contextmanager
def remote_client(address: str, timeout: float = 30) -> Iterator:
    """A client of the running scheduler at ``address`` (its workers stay up afterwards)."""

    try:
        client = Client(address, timeout=timeout)
    except OSError as exc:
        raise OptionError(f"cannot reach the Dask scheduler at {address} ({exc}); start it with "
                          f"`dask scheduler` and give its address, e.g. tcp://10.0.0.5:8786") from exc
    with client:
        yield client


def connect(scheduler: str | None, workers: int, threads_per_worker: int):
    if scheduler:
        return remote_client(scheduler)
    if workers < 1 or threads_per_worker < 1:
        raise OptionError("--workers and --threads-per-worker must be at least 1")
    return local_client(workers, threads_per_worker)
