"""A one-line progress bar for the terminal that degrades to plain log lines when piped."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["ProgressBar", "format_duration"]


def format_duration(seconds: float) -> str:
    """12.3 -> '0:12', 3725 -> '1:02:05': short, and readable at a glance."""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressBar:
    """Draws `epoch 2/10 [####......] 120/550 loss 0.2345 1830 img/s ETA 0:14` in place.

    On a TTY the line is redrawn at most every `interval` seconds; elsewhere (a log file, a
    pipe) only a plain line every `plain_interval` seconds, so logs stay readable.
    """

    def __init__(self, stream: TextIO | None = None, *, tty: bool | None = None,
                 interval: float = 0.1, plain_interval: float = 30.0, width: int = 20,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.interval = interval if self.tty else plain_interval
        self.width = width
        self.clock = clock
        self._last_draw = self._quiet_since()
        self._drawn = 0  # length of the line on screen (TTY), to blank it on the next draw
        self._start = (-1, 0, 0.0)  # (epoch, batch, clock) when this epoch's first report came

    def update(self, epoch: int, epochs: int, batch: int, batches: int, loss: float,
               images_per_s: float) -> None:
        """Report batch `batch` of `batches` (1-based) in epoch `epoch` of `epochs`."""
        now = self.clock()
        if self._start[0] != epoch:
            self._start = (epoch, batch, now)
        if now - self._last_draw < self.interval and (batch < batches or not self.tty):
            return
        self._last_draw = now
        done = int(self.width * batch / max(batches, 1))
        bar = "#" * done + "." * (self.width - done)
        _, first_batch, first_time = self._start
        left_batches = (batches - batch) + (epochs - epoch) * batches
        eta = "?"
        if batch > first_batch:
            eta = format_duration((now - first_time) / (batch - first_batch) * left_batches)
        text = (f"epoch {epoch}/{epochs} [{bar}] {batch}/{batches} loss {loss:.4f} "
                f"{images_per_s:,.0f} img/s ETA {eta}")
        if self.tty:
            self._draw(text)
        else:
            self.stream.write(text + "\n")
            self.stream.flush()

    def line(self, text: str) -> None:
        """Print a permanent line (an epoch summary, a message), clearing the bar first."""
        if self.tty and self._drawn:
            self._draw("")
            self.stream.write("\r")
        self._drawn = 0
        self.stream.write(text + "\n")
        self.stream.flush()
        self._last_draw = self._quiet_since()

    def _quiet_since(self) -> float:
        """A TTY bar may draw at once; a plain log waits a full interval after each line."""
        return self.clock() if not self.tty else -float("inf")

    def _draw(self, text: str) -> None:
        pad = " " * max(0, self._drawn - len(text))
        self.stream.write("\r" + text + pad)
        self.stream.flush()
        self._drawn = len(text)
