"""Preparer: the canvas's strokes become the network's input on a background thread."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Preparer", "prepare_strokes"]


def prepare_strokes(strokes: list[list[tuple[float, ...]]], erase: list[bool] | None = None,
                    base: np.ndarray | None = None) -> tuple[np.ndarray | None, np.ndarray]:
    """Canvas strokes ((x, y) or (x, y, t) points, over a `base` bitmap, some of them
    `erase`rs) -> (the network's (1, 28, 28) input or None, the canvas bitmap (H, W) uint8 it
    was made from: render_canvas, then preprocess; the bitmap feeds the inspector).

    A drawing over a base bitmap (a test digit, already centred as MNIST's are) is read in
    place, `bitmap_to_image`: the unedited digit gives back the test image exactly."""
    from nndesk.data.preprocess import preprocess
    from nndesk.data.strokes import bitmap_to_image, render_canvas

    bitmap = render_canvas(strokes, erase, base)
    if base is not None:
        return (bitmap_to_image(bitmap) if bitmap.any() else None), bitmap
    return preprocess(bitmap), bitmap


def _trajectory_reader():
    """The shipped trajectory model (this thread's own copy), or None without a usable one."""
    from nndesk.insight.combined import TrajectoryReader, trajectory_model_path
    from nndesk.train import ModelFileError

    path = trajectory_model_path()
    if not path.is_file():
        return None  # none shipped or installed: the image model alone
    try:
        return TrajectoryReader.load(path)
    except (ModelFileError, OSError, ValueError):  # a damaged or wrong file: the same
        return None


class Preparer(QObject):
    """One background thread turns strokes into the network's input; the newest job wins.

    The GUI thread only copies the points and hands them over, so it is always free to take
    the next mouse event: no point of a stroke waits behind imports or preprocessing.
    """

    # (job id, (input | None, bitmap, (trajectory probabilities, weight) | None) | exception)
    ready = Signal(object)
    # A job is the canvas's drawing(): {"strokes", "erase", "base"} (a plain list of strokes
    # is accepted too). The pen's path is read only for a drawing of ink strokes alone (no
    # bitmap under it, nothing rubbed out): edits of a bitmap are not a digit's path.

    def __init__(self) -> None:
        super().__init__()
        self._cond = threading.Condition()
        self._job: tuple | None = None  # the newest job not yet started
        self._stopped = False
        self._reader = False  # the TrajectoryReader, loaded by the thread (None: no model)
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
                job = job if isinstance(job, dict) else {"strokes": job}
                result = prepare_strokes(**job)
                plain = job.get("base") is None and not any(job.get("erase") or ())
                result = (*result, self._read_path(job["strokes"] if strokes is not None
                                                   and plain else None))
            except Exception as err:  # noqa: BLE001 (shown in the GUI thread's error dialog)
                result = err
            if strokes is not None:
                self.ready.emit((job_id, result))

    def _read_path(self, strokes: list | None) -> tuple | None:
        """The trajectory model's (10,) probabilities and weight for these strokes, or None."""
        if self._reader is False:
            self._reader = _trajectory_reader()
        if self._reader is None or not strokes:
            return None
        probs = self._reader.probabilities(strokes)
        return None if probs is None else (probs, self._reader.weight)
