"""A progress bar on stderr for the command line, for loads that take a while.

Drawn only when stderr is a terminal and only once the work has taken longer than
`DELAY` seconds, so quick runs and pipes stay clean. Plain characters, no Rich: the
headless commands must not import it.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

DELAY = 0.5
"""Seconds of work before the bar appears."""
_EVERY = 0.1
_WIDTH = 30


class StderrProgress:
    """`progress(done, total, path)` callback that draws `label [####    ] done/total`."""

    def __init__(
        self, label: str, stream: TextIO | None = None, delay: float | None = None
    ) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.delay = DELAY if delay is None else delay
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.shown = False

    @classmethod
    def if_terminal(cls, label: str) -> StderrProgress | None:
        """A bar when stderr is a terminal, else None (nothing is drawn into pipes or logs)."""
        return cls(label) if sys.stderr.isatty() else None

    def __call__(self, done: int, total: int, path: str = "") -> None:
        now = time.monotonic()
        if now - self.started < self.delay or (now - self.drawn_at < _EVERY and done < total):
            return
        filled = _WIDTH * done // max(total, 1)
        bar = "#" * filled + " " * (_WIDTH - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total}")
        self.stream.flush()
        self.drawn_at, self.shown = now, True

    def close(self) -> None:
        """Erase the bar so the messages after it start on a clean line."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
