"""Preparer: the canvas's strokes become the network's input on a background thread."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Preparer", "prepare_strokes"]


def prepare_strokes(strokes: list[list[tuple[float, float]]], erase: list[bool] | None = None,
                    base: np.ndarray | None = None) -> tuple[np.ndarray | None, np.ndarray]:
    """Canvas strokes (over a `base` bitmap, some of them `erase`rs) -> (the network's
    (1, 28, 28) input or None, the canvas bitmap (H, W) uint8 it was made from:
    render_canvas, then preprocess; the bitmap feeds the inspector).

    A drawing over a base bitmap (a test digit, already centred as MNIST's are) is read in
    place, `bitmap_to_image`: the unedited digit gives back the test image exactly."""
    from nndesk.data.preprocess import preprocess
    from nndesk.data.strokes import bitmap_to_image, render_canvas

    bitmap = render_canvas(strokes, erase, base)
    if base is not None:
        return (bitmap_to_image(bitmap) if bitmap.any() else None), bitmap
    return preprocess(bitmap), bitmap


class Preparer(QObject):
    """One background thread turns strokes into the network's input; the newest job wins.

    The GUI thread only copies the points and hands them over, so it is always free to take
    the next mouse event: no point of a stroke waits behind imports or preprocessing.
    """

    ready = Signal(object)  # (job id, (input | None, bitmap) | the exception raised)
    # A job is the canvas's drawing(): {"strokes", "erase", "base"} (a plain list of strokes
    # is accepted too).

    def __init__(self) -> None:
        super().__init__()
        self._cond = threading.Condition()
        self._job: tuple | None = None  # the newest job not yet started
        self._stopped = False
        self.thread = threading.Thread(target=self._run, name="nndesk-canvas-input", daemon=True)
        self.thread.start()

    def submit(self, job_id: int, strokes: list | dict | None) -> None:
        """Prepare these strokes or this drawing (None: only warm up: imports and one
        preprocessing)."""
        with self._cond:
            if strokes is not None or self._job is None:  # a warm-up never hides real work
                self._job = (job_id, strokes)
                self._cond.notify()

    def stop(self, wait_s: float = 0.0) -> None:
        """End the thread after its current job; with `wait_s`, wait that long for it (at quit:
        a job still inside OpenCV while the interpreter shuts down can abort the process)."""
        with self._cond:
            self._stopped = True
            self._cond.notify()
        if wait_s > 0 and self.thread.is_alive():
            self.thread.join(wait_s)

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._job is None and not self._stopped:
                    self._cond.wait()
                if self._stopped:
                    return
                (job_id, strokes), self._job = self._job, None
            try:
                job = strokes if strokes is not None else [[(140.0, 140.0)]]
                result = prepare_strokes(**job) if isinstance(job, dict) else prepare_strokes(job)
            except Exception as err:  # noqa: BLE001 (shown in the GUI thread's error dialog)
                result = err
            if strokes is not None:
                self.ready.emit((job_id, result))
