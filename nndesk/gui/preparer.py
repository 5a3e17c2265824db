"""Preparer and PathReader: the canvas's drawing becomes the networks' inputs on background
threads, the newest drawing first."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from nndesk.gui.jobs import start_thread

if TYPE_CHECKING:
    import numpy as np

    from nndesk.data.strokes import CanvasRenderer

__all__ = ["PATH_INTERVAL_S", "PathReader", "Preparer", "prepare_strokes"]

# The pen-path reader (a GRU) runs at most this often while a stroke is drawn: its answer
# follows the image model's by up to this much, and the image model gets the CPU it needs to
# answer every mouse move (measured: benchmarks/gui_measure.py latency).
PATH_INTERVAL_S = 0.04


def prepare_strokes(strokes: list[list[tuple[float, ...]]], erase: list[bool] | None = None,
                    base: np.ndarray | None = None, renderer: CanvasRenderer | None = None,
                    ) -> tuple[np.ndarray | None, np.ndarray]:
    """Canvas strokes ((x, y) or (x, y, t) points, over a `base` bitmap, some of them
    `erase`rs) -> (the network's (1, 28, 28) input or None, the canvas bitmap (H, W) uint8 it
    was made from: render_canvas, then preprocess; the bitmap feeds the inspector).

    `renderer` (a `CanvasRenderer` kept by the caller's thread) draws only what was added
    since its last drawing: the same bitmap as `render_canvas`, sooner.
    A drawing over a base bitmap (a test digit, already centred as MNIST's are) is read in
    place, `bitmap_to_image`: the unedited digit gives back the test image exactly."""
    from nndesk.data import preprocess as pp
    from nndesk.data.strokes import bitmap_to_image, render_canvas

    bitmap = (renderer.render(strokes, erase, base) if renderer is not None
              else render_canvas(strokes, erase, base))
    if base is not None:
        return (bitmap_to_image(bitmap) if bitmap.any() else None), bitmap
    return pp.preprocess(bitmap), bitmap


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


class _Newest(QObject):
    """One background thread that works on the newest job handed to it; jobs handed over
    while it is busy replace each other (none is queued behind another)."""

    ready = Signal(object)  # (job id, result | exception)

    def __init__(self, name: str, interval_s: float = 0.0) -> None:
        super().__init__()
        self._cond = threading.Condition()
        self._job: tuple | None = None  # the newest job not yet started
        self._stopped = False
        self._interval_s = interval_s  # at least this long from one job's start to the next
        self.done_id = 0  # the newest job id whose result was emitted
        # jobs.start_thread keeps this object until the thread has ended and frees it on the
        # GUI thread: the thread's end never drops the last reference to a QObject
        self.thread = start_thread(self._run, self, name=name)

    def submit(self, job_id: int, job) -> None:
        """Work on `job` next (None: only warm up; it never hides real work)."""
        with self._cond:
            if job is not None or self._job is None:
                self._job = (job_id, job)
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
        started = 0.0
        while True:
            with self._cond:
                while self._job is None and not self._stopped:
                    self._cond.wait()
                if self._stopped:
                    return
                rest = started + self._interval_s - time.perf_counter()
                if rest > 0:  # too soon after the last one: the newest job after the pause
                    self._cond.wait(rest)
                    continue
                (job_id, job), self._job = self._job, None
            started = time.perf_counter()
            try:
                result = self.work(job)
            except Exception as err:  # noqa: BLE001 (shown in the GUI thread's error dialog)
                result = err
            if job is not None:
                self.done_id = max(self.done_id, job_id)
                self.ready.emit((job_id, result))

    def work(self, job):  # pragma: no cover (each subclass has its own)
        raise NotImplementedError


class Preparer(_Newest):
    """Turns the canvas's drawing into the image network's input; the newest drawing wins.

    The GUI thread only copies the points and hands them over, so it is always free to take
    the next mouse event: no point of a stroke waits behind imports or preprocessing. A job is
    the canvas's drawing(): {"strokes", "erase", "base"} (a plain list of strokes is accepted
    too); `ready` carries (job id, (input | None, bitmap) | exception).
    """

    _renderer = None  # the CanvasRenderer: only this thread draws with it

    def __init__(self) -> None:
        super().__init__("nndesk-canvas-input")

    def work(self, job):
        if self._renderer is None:
            from nndesk.data.strokes import CanvasRenderer

            self._renderer = CanvasRenderer()
        drawing = job if job is not None else [[(140.0, 140.0)]]  # a warm-up: imports, once
        drawing = drawing if isinstance(drawing, dict) else {"strokes": drawing}
        result = prepare_strokes(**drawing, renderer=self._renderer)
        if job is None:
            self._renderer = None  # the warm-up's dot is no drawing of the user's
        return result


class PathReader(_Newest):
    """Reads the pen's path with the trajectory model (its own copy, loaded by this thread):
    a job is the drawing's timed strokes, `ready` carries (job id, (probabilities (10,),
    weight) | None | exception); None: no trajectory model, or no ink. Runs at most every
    PATH_INTERVAL_S, on the newest strokes."""

    _reader = False  # the TrajectoryReader, loaded by the thread (None: no model)

    def __init__(self, interval_s: float = PATH_INTERVAL_S) -> None:
        super().__init__("nndesk-pen-path", interval_s)

    def work(self, strokes):
        if self._reader is False:
            self._reader = _trajectory_reader()
        if self._reader is None or not strokes:
            return None
        probs = self._reader.probabilities(strokes)
        return None if probs is None else (probs, self._reader.weight)
