"""A one-line progress report for long commands, on a terminal only."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


class TerminalProgress:
    """Rewrites one line of `stream` (standard error by default) with "label: done of total",
    at most ten times a second, when `stream` is a terminal; writes nothing otherwise, so that
    scripts and pipes see only the command's result. `done()` clears the line."""

    def __init__(
        self,
        label: str,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._label = label
        self._clock = clock
        self._stream = stream if stream is not None else sys.stderr
        self._shown = 0  # width of the line on screen
        self._last = 0.0
        try:
            self._active = self._stream.isatty()
        except (AttributeError, ValueError):
            self._active = False

    def __call__(self, done: int, total: int) -> None:
        now = self._clock()
        if not self._active or (now - self._last < 0.1 and done < total):
            return
        self._last = now
        line = f"{self._label}: {done:,} of {total:,}"
        self._stream.write("\r" + line.ljust(self._shown))
        self._stream.flush()
        self._shown = len(line)

    def done(self) -> None:
        if self._active and self._shown:
            self._stream.write("\r" + " " * self._shown + "\r")
            self._stream.flush()
            self._shown = 0
