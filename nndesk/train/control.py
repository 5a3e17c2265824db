"""TrainControl: a run's pause/stop flags, set from any thread, read by the loop between
batches (`Trainer`, and the window's child process before its trainer exists)."""

from __future__ import annotations

import threading

__all__ = ["TrainControl"]


class TrainControl:
    """THE pause/stop flags of a run, thread-safe; made before the trainer exists, if need be.

    The window's worker makes one, passes it to `TrainSession(..., control=...)` and calls
    `pause()` / `resume()` / `stop()` from the GUI thread at any time (also while the data
    load); the trainer reads them between batches. A `stop()` also ends a pause.
    """

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._unpaused = threading.Event()
        self._unpaused.set()

    def pause(self) -> None:
        """Hold the loop before the next batch until `resume()` or `stop()`."""
        self._unpaused.clear()

    def resume(self) -> None:
        """Let a paused loop continue."""
        self._unpaused.set()

    def stop(self) -> None:
        """End the run before the next batch."""
        self._stop.set()
        self._unpaused.set()

    @property
    def paused(self) -> bool:
        """True between `pause()` and the next `resume()` or `stop()`."""
        return not self._unpaused.is_set()

    @property
    def stopped(self) -> bool:
        """True once `stop()` was called (it stays so)."""
        return self._stop.is_set()

    def wait_while_paused(self, poll_s: float = 0.1) -> bool:
        """Block while paused; False when the run is to stop (a stop() during a pause too)."""
        while not self._unpaused.wait(poll_s) and not self._stop.is_set():
            pass
        return not self._stop.is_set()
