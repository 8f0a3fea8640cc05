"""A per-document time limit, so one pathological PDF cannot stall a batch."""
from __future__ import annotations

import ctypes
import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class DocumentTimeout(BaseException):
    """Raised inside the conversion when its time is up. A BaseException, so the
    parser's own ``except Exception`` handlers cannot swallow it."""


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in the body after ``seconds`` of wall time; without
    ``seconds`` the body runs unbounded.

    In a process's main thread (``--jobs``, ``--jobs 1``) SIGALRM interrupts the
    body; in any other thread (a Dask worker runs tasks in threads) a timer
    thread raises the exception in it. Either lands at the body's next Python
    instruction: a single call into C (PDFium reading one page) finishes first.
    """
    if not seconds:
        yield
    elif threading.current_thread() is threading.main_thread():
        with _alarm(seconds):
            yield
    else:
        with _timer(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum, frame):
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _timer(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()  # the exception is sent only while the body runs
    running = True

    def expire():
        with lock:
            if running:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target),
                                                           ctypes.py_object(DocumentTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            running = False
        timer.cancel()
