"""A per-document time limit, so one pathological PDF cannot stall a batch."""
from __future__ import annotations

import ctypes
import signal
import sys
import threading
from typing import Callable, TypeVar

T = TypeVar("T")

RESEND = 0.2  # s: how soon a timeout the garbage collector swallowed is sent again


class DocumentTimeout(BaseException):
    """Raised inside the conversion when its time is up. A BaseException, so the
    parser's own ``except Exception`` handlers cannot swallow it."""


def within(seconds: float | None, body: Callable[[], T]) -> T:
    """``body()``, or DocumentTimeout once it has run ``seconds`` of wall time;
    without ``seconds`` it runs unbounded.

    In a process's main thread (``--jobs``, ``--jobs 1``) SIGALRM interrupts the
    body; in any other thread (a Dask worker runs tasks in threads) a timer
    thread raises the exception in it. Either lands at the body's next Python
    instruction: a single call into C (PDFium reading one page) finishes first.
    """
    if not seconds:
        return body()
    if threading.current_thread() is threading.main_thread():
        return _alarm(seconds, body)
    return _timer(seconds, body)


def _alarm(seconds: float, body: Callable[[], T]) -> T:
    """SIGALRM, repeated every RESEND seconds until the body is done: one that
    lands in a weakref callback or ``__del__`` is dropped by Python."""
    def expire(signum, frame):
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, RESEND)
    try:
        return body()
    finally:
        while True:  # a repeat may land here, before the timer is off: disarm again
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except DocumentTimeout:
                continue


def _timer(seconds: float, body: Callable[[], T]) -> T:
    """The exception is sent into this thread (PyThreadState_SetAsyncExc), and
    sent again every RESEND seconds while the body's frame is on the thread's
    stack: one that lands in a weakref callback or ``__del__`` (the garbage
    collector runs them anywhere) is dropped by Python. Once the body has
    returned nothing is sent, so a later document on this thread is safe."""
    target = threading.get_ident()
    started, finished = threading.Event(), threading.Event()
    sending = threading.Lock()  # a send and the body's return exclude each other
    frames: list = []

    def run() -> T:
        frames.append(sys._getframe())
        started.set()
        return body()

    def strike() -> None:
        started.wait()
        if finished.wait(seconds):
            return
        while not finished.is_set():
            with sending:
                if not (frames and _on_stack(frames[0], target)):
                    return
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target),
                                                           ctypes.py_object(DocumentTimeout))
            finished.wait(RESEND)

    threading.Thread(target=strike, name="hoshin-deadline", daemon=True).start()
    try:
        return run()
    finally:
        # A send in progress lands here at the latest, still inside the caller's
        # handler for DocumentTimeout; once this lock is taken the body's frame
        # is gone, so none can start.
        with sending:
            finished.set()
        started.set()


def _on_stack(frame, thread_id: int) -> bool:
    current = sys._current_frames().get(thread_id)
    while current is not None:
        if current is frame:
            return True
        current = current.f_back
    return False
