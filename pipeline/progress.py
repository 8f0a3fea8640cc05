"""Batch progress: a redrawn bar on a terminal, one log line per document otherwise."""
from __future__ import annotations

import sys
import time
from typing import TextIO

_REDRAW_EVERY = 0.1  # s: a terminal does not need more


def _duration(seconds: float) -> str:
    m, s = divmod(int(seconds + 0.5), 60)
    h, m = divmod(m, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m{s:02d}s" if m else f"{s}s"


class Progress:
    def __init__(self, total: int, enabled: bool = True, stream: TextIO | None = None):
        self.total, self.enabled = total, enabled
        self.stream = stream or sys.stderr
        self.tty = enabled and self.stream.isatty()
        self.done = self.pages = 0
        self.start = self._drawn = time.monotonic()

    def skipped(self, count: int) -> None:
        """Documents left out because they are unchanged since the last run."""
        self.total -= count
        if self.enabled and count and not self.tty:
            print(f"skipping {count} unchanged document(s)", file=self.stream, flush=True)

    def document(self, path, pages: int | None, status: str) -> None:
        self.done += 1
        self.pages += pages or 0
        if not self.enabled:
            return
        now = time.monotonic()
        if not self.tty:
            print(f"[{self.done}/{self.total}] {status} {path}"
                  f"{f' ({pages} pages)' if pages else ''}", file=self.stream, flush=True)
        elif now - self._drawn >= _REDRAW_EVERY or self.done == self.total:
            self._drawn = now
            self.stream.write("\r" + self._bar(now) + "\x1b[K")
            self.stream.flush()

    def _bar(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        share = self.done / self.total if self.total else 1.0
        filled = int(share * 24)
        eta = elapsed / self.done * (self.total - self.done) if self.done else 0.0
        return (f"[{'#' * filled}{'.' * (24 - filled)}] {self.done}/{self.total} docs · "
                f"{self.pages} pages · {self.pages / elapsed:.1f} pages/s · ETA {_duration(eta)}")

    def close(self) -> None:
        if self.tty and self.done:
            self.stream.write("\n")
            self.stream.flush()
