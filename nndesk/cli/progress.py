"""The training progress line of `nndesk train`: a tqdm bar on a terminal, plain lines in a log.

tqdm (https://tqdm.github.io) draws and paces the bar; it is imported when the first batch
is reported, so `nndesk --help` and the other commands never load it.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

__all__ = ["ProgressBar", "format_duration"]

# One line: "epoch 2/10 batch 120/550 |####      | ETA 01:14, loss 0.2345, 1,830 img/s".
# The bar (and its ETA) covers the whole run, so the ETA counts the epochs still to come.
_BAR = "{desc} |{bar}| ETA {remaining}{postfix}"
_PLAIN = "{desc} {percentage:3.0f}% ETA {remaining}{postfix}"  # a log: no bar, no \r


def format_duration(seconds: float) -> str:
    """12.3 -> '0:12', 3725 -> '1:02:05': short, and readable at a glance."""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressBar:
    """`update()` per batch, `line()` for a permanent line (an epoch summary, a message).

    On a TTY a tqdm bar is redrawn in place at most every `interval` seconds; elsewhere (a log
    file, a pipe) a plain line is written every `plain_interval` seconds, so logs stay
    readable. The ETA is measured from the first batch reported in the current epoch.
    """

    def __init__(self, stream: TextIO | None = None, *, tty: bool | None = None,
                 interval: float = 0.1, plain_interval: float = 30.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.interval = interval
        self.plain_interval = plain_interval
        self.clock = clock
        self._bar: Any = None          # the tqdm bar of this epoch (TTY)
        self._plain_start = (-1, 0, 0.0)  # (epoch, batches done, clock) of the epoch (log)
        self._last_plain = clock()

    def update(self, epoch: int, epochs: int, batch: int, batches: int, loss: float,
               images_per_s: float) -> None:
        """Report batch `batch` of `batches` (1-based) in epoch `epoch` of `epochs`."""
        done, total = (epoch - 1) * batches + batch, epochs * batches
        desc = f"epoch {epoch}/{epochs} batch {batch}/{batches}"
        postfix = f"loss {loss:.4f}, {images_per_s:,.0f} img/s"
        if self.tty:
            self._draw(done, total, desc, postfix, last=batch == batches)
        else:
            self._plain(epoch, done, total, desc, postfix)

    def line(self, text: str) -> None:
        """Print a permanent line, the bar cleared first (the next batch starts a new one)."""
        if self._bar is not None:
            self._bar.close()          # leave=False: the bar's line is blanked
            self._bar = None
        self.stream.write(text + "\n")
        self.stream.flush()
        self._last_plain = self.clock()

    def _draw(self, done: int, total: int, desc: str, postfix: str, last: bool) -> None:
        if self._bar is None or self._bar.total != total:  # a new bar each epoch, as wide
            # as the terminal is now; one that reports a 0x0 size gets 100x24 (tqdm would hide
            # its bar below row 0)
            size = shutil.get_terminal_size((100, 24))
            from tqdm import tqdm

            if self._bar is not None:
                self._bar.close()
            self._bar = tqdm(total=total, initial=done, file=self.stream, leave=False,
                             desc=desc, postfix=postfix,
                             mininterval=self.interval, bar_format=_BAR, ascii=" #",
                             ncols=size.columns, nrows=size.lines, smoothing=0)
        self._bar.set_description_str(desc, refresh=False)
        self._bar.set_postfix_str(postfix, refresh=False)
        self._bar.update(done - self._bar.n)   # tqdm redraws when `interval` has passed
        if last:
            self._bar.refresh()                # an epoch's last batch always shows

    def _plain(self, epoch: int, done: int, total: int, desc: str, postfix: str) -> None:
        now = self.clock()
        if self._plain_start[0] != epoch:
            self._plain_start = (epoch, done, now)
        if now - self._last_plain < self.plain_interval:
            return
        self._last_plain = now
        from tqdm import tqdm

        _, start, since = self._plain_start
        self.stream.write(tqdm.format_meter(done, total, now - since, prefix=desc,
                                            postfix=postfix, bar_format=_PLAIN,
                                            initial=start) + "\n")
        self.stream.flush()
