"""A per-document time limit, so one pathological PDF cannot stall a batch."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class DocumentTimeout(BaseException):
    """Raised inside the conversion when its time is up. A BaseException, so the
    parser's own ``except Exception`` handlers cannot swallow it."""


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in the body after ``seconds`` of wall time.

    Uses SIGALRM, so it applies in the main thread of a process (a batch worker
    process included); elsewhere, or without ``seconds``, the body runs unbounded.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
