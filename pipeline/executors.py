"""Where per-document work runs: in this process, a local process pool, or Dask.

Each executor takes ``submit(fn, *args)`` and returns a future with
``result()``; ``ordered`` keeps a bounded window of documents in flight and
yields results in input order, so the output does not depend on the executor
and memory does not grow with the batch.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

EXECUTORS = ("local", "dask")


class _Inline:
    """``--jobs 1``: run in this process, no pool to start."""

    def submit(self, fn: Callable, *args) -> Future:
        future: Future = Future()
        future.set_result(fn(*args))
        return future


@contextmanager
def open_executor(kind: str, jobs: int, scheduler: str | None = None):
    if kind == "dask":
        with _dask_client(jobs, scheduler) as client:
            yield client
    elif jobs <= 1:
        yield _Inline()
    else:
        # forkserver: workers do not inherit the parent's open files or threads; they
        # fork from a server that has imported the converter once, so they start at once
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["pipeline.convert"])
        pool = ProcessPoolExecutor(jobs, mp_context=context)
        try:
            yield pool
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()


@contextmanager
def _dask_client(jobs: int, scheduler: str | None):
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise SystemExit("--executor dask needs the dask extra: pip install 'hoshin[dask]'") from exc
    if scheduler:
        with Client(scheduler) as client:
            yield _DaskSubmit(client)
        return
    with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield _DaskSubmit(client)


class _DaskSubmit:
    """Dask futures have ``result()``; ``pure=False`` because a file's bytes may change."""

    def __init__(self, client):
        self._client = client

    def submit(self, fn: Callable, *args):
        return self._client.submit(fn, *args, pure=False)


def ordered(executor, fn: Callable, items: Iterable, *args, window: int) -> Iterator:
    """``fn(item, *args)`` for each item, results in input order, at most
    ``window`` submitted and not yet consumed."""
    pending: deque = deque()
    for item in items:
        pending.append(executor.submit(fn, item, *args))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
