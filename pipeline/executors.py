"""Where per-document work runs: in this process, a local process pool, or Dask.

Each executor takes ``submit(fn, *args)`` and returns a future with
``result()``; ``ordered`` keeps a bounded window of documents in flight and
yields results in input order, so the output does not depend on the executor
and memory does not grow with the batch. A worker process that dies (a
segfault in a PDF library, the OOM killer) breaks a process pool: the
document at the head is then run again alone, reported through ``on_crash``
if it kills that worker too, and the pool is started afresh for the rest.
On Dask, which retries such a task itself, the document it gives up on is
reported through ``on_crash``.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
        pool = _Pool(jobs)
        try:
            yield pool
        except BaseException:
            pool.shutdown(wait=False)
            raise
        pool.shutdown(wait=True)


class _Pool:
    """A process pool that can be started afresh after a worker died."""

    def __init__(self, jobs: int):
        # forkserver: workers do not inherit the parent's open files or threads; they
        # fork from a server that has imported the converter once, so they start at once
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["pipeline.convert"])
        self._jobs = jobs
        self._pool = self._start(jobs)

    def _start(self, jobs: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs, mp_context=self._context)

    def submit(self, fn: Callable, *args) -> Future:
        try:
            return self._pool.submit(fn, *args)
        except BrokenProcessPool as exc:  # a worker died since: this item's turn will tell
            future: Future = Future()
            future.set_exception(exc)
            return future

    def alone(self, fn: Callable, *args):
        """``fn(*args)`` in a worker of its own; raises BrokenProcessPool if it dies."""
        single = self._start(1)
        try:
            return single.submit(fn, *args).result()
        finally:
            single.shutdown(wait=False, cancel_futures=True)

    def restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start(self._jobs)

    def shutdown(self, wait: bool) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=not wait)


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


class WorkerDied(Exception):
    """The document killed every worker that tried it."""


class _DaskSubmit:
    """Dask futures have ``result()``; ``pure=False`` because a file's bytes may
    change. Dask itself retries a task whose worker died on other workers and
    gives up with KilledWorker: that document is then the one to blame."""

    def __init__(self, client):
        self._client = client

    def submit(self, fn: Callable, *args):
        return _DaskFuture(self._client.submit(fn, *args, pure=False))


class _DaskFuture:
    def __init__(self, future):
        self._future = future

    def result(self):
        from distributed import KilledWorker
        try:
            return self._future.result()
        except KilledWorker as exc:
            raise WorkerDied(str(exc)) from exc


def ordered(executor, fn: Callable, items: Iterable, *args, window: int,
            on_crash: Callable) -> Iterator:
    """``fn(item, *args)`` for each item, results in input order, at most
    ``window`` submitted and not yet consumed; ``on_crash(item)`` stands for
    the result of an item whose worker died even when run alone."""
    todo = iter(items)
    pending: deque = deque()  # (item, future)

    def fill() -> None:
        while len(pending) < window and (item := next(todo, _END)) is not _END:
            pending.append((item, executor.submit(fn, item, *args)))

    fill()
    while pending:
        item, future = pending.popleft()
        try:
            result = future.result()
        except WorkerDied:
            result = on_crash(item)
        except BrokenProcessPool:
            try:
                result = executor.alone(fn, item, *args)
            except BrokenProcessPool:
                result = on_crash(item)
            executor.restart()
            pending = deque((i, f if _succeeded(f) else executor.submit(fn, i, *args))
                            for i, f in pending)
        yield result
        fill()


_END = object()


def _succeeded(future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None
