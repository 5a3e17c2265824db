"""DrawingJobs: the canvas's drawings handed to the background readers, at most one in the works
at a time, and the newest result only handed back (coalescing), with each event's latency."""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, Signal

from nndesk.gui.preparer import PathReader, Prepared, Preparer

__all__ = ["DrawingJobs", "drawn_within", "yield_to_drawing"]

# The Why view's maps and neighbours wait while the canvas is drawn on: until no drawing has
# been handed to the image reader for DRAWING_QUIET_S (and it is idle), YIELD_MAX_S at most
# at a time. (Occlusion running beside a 4's second stroke was in most of the slowest
# answers: benchmarks/latency_timeline.py --why-view --digit four.)
DRAWING_QUIET_S = 0.1
YIELD_MAX_S = 2.0
_drawn_at = [0.0]  # perf_counter s of the last drawing handed to an image reader
_readers: list = []  # weak references to the live image readers (their `idle` events)


def yield_to_drawing(quiet_s: float = DRAWING_QUIET_S, max_wait_s: float = YIELD_MAX_S,
                     poll_s: float = 0.005, stop: Callable[[], bool] | None = None) -> float:
    """Wait (on a background thread: the Why view's maps and neighbours) while the canvas is
    being drawn on: until no drawing has been handed to the image reader for `quiet_s`
    seconds and every reader is idle, or `max_wait_s` at most. Those jobs share the GIL and
    the two cores with the reader whose answer the learner is waiting for; `stop()` true ends
    the wait at once (a job asked to stop). Returns the seconds waited (0.0 when nobody
    draws)."""
    began = time.perf_counter()
    while True:
        now = time.perf_counter()
        readers = [r() for r in _readers]
        if ((now - _drawn_at[0] >= quiet_s and all(
                p is None or p.idle.is_set() or not p.thread.is_alive() for p in readers))
                or now - began >= max_wait_s or (stop is not None and stop())):
            return now - began
        time.sleep(poll_s)


def drawn_within(seconds: float | None = None) -> bool:
    """True when a drawing was handed to an image reader in the last `seconds`
    (DRAWING_QUIET_S: the pen is moving); a training run's losses and snapshots wait then
    (gui/worker.py), without blocking."""
    quiet = DRAWING_QUIET_S if seconds is None else seconds
    return time.perf_counter() - _drawn_at[0] < quiet


def _stop(worker, wait_s: float) -> None:
    """Stop a reader still alive (`worker` None: it was freed with its panel)."""
    if worker is not None:
        worker.stop(wait_s=wait_s)


def _done(pending: list[tuple[int, float]], job_id: int) -> list[float]:
    """Milliseconds since each event up to `job_id` (coalesced ones too, every one a result
    includes), taken out of `pending`."""
    now = time.perf_counter()
    done = [1000 * (now - t) for j, t in pending if j <= job_id]
    pending[:] = [(j, t) for j, t in pending if j > job_id]
    return done


class DrawingJobs(QObject):
    """Job ids for the canvas's drawings; the image reader (`Preparer`: render, preprocess,
    forward) and the pen-path reader (`PathReader`) each work on the newest one.

    Every stroke event is a job (`submit`). A reader works on one job at a time; the jobs
    handed over meanwhile replace each other, so when it finishes it starts the newest drawing
    only. A result is handed back (`prepared`, `path_read`) only when nothing newer has been
    shown or is already done: nothing stale ever follows a newer drawing, and after `forget`
    (a cleared canvas, an opened image) nothing in flight is shown at all.
    """

    prepared = Signal(object)  # (Prepared, the drawing's pen path when it is plain ink | None)
    path_read = Signal()  # `path` changed: the pen path's reading of the newest plain drawing

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.latencies_ms: list[float] = []  # each stroke event -> the first prediction with it
        self.path_latencies_ms: list[float] = []  # ... -> the first pen-path answer with it
        self.show_cpu_ms: list[float] = []  # GUI thread CPU to show each prediction (measuring)
        self.stage_cpu_ms: list[tuple[float, float, float]] = []  # render, preprocess, predict
        self.timeline: list[dict] | None = None  # a measuring tool's list: each answer shown
        self.path: tuple | None = None  # the trajectory model's (probabilities, weight)
        self.model_key = 0  # which model the newest results must come from
        self._job = self._shown = 0  # the newest drawing's job id; the last one shown
        self._path_job = self._path_shown = 0  # the same for the pen-path reader
        self._pending: list[tuple[int, float]] = []  # (job id, perf_counter s) not shown yet
        self._path_pending: list[tuple[int, float]] = []
        self._plain: dict[int, Any] = {}  # job id -> its pen path, for the drawing shown
        self.preparer = Preparer()
        _readers[:] = [r for r in _readers if r() is not None] + [weakref.ref(self.preparer)]
        self.path_reader = PathReader(waits_for=self.preparer)  # the image answer first
        self.preparer.ready.connect(self._on_prepared)
        self.path_reader.ready.connect(self._on_path_read)
        app = QCoreApplication.instance()
        for worker in (self.preparer, self.path_reader):
            self.destroyed.connect(lambda *_, w=worker: w.stop())  # not destroyed(obj)
            if app is not None:  # let a job in flight finish before the interpreter shuts
                # down; held weakly: the application would keep every panel's readers alive
                held = weakref.ref(worker)
                app.aboutToQuit.connect(lambda r=held: _stop(r(), wait_s=10.0))

    # -- state ------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """True while the newest drawing is in the works (its prediction, or the pen path's
        answer that follows it, not handed back yet)."""
        return self._shown != self._job or self._path_shown != self._path_job

    @property
    def job_ids(self) -> tuple[int, int]:
        """(the newest drawing's job id, the job id whose prediction is shown)."""
        return self._job, self._shown

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Run the event loop until the newest drawing's answers are shown (tests, measure)."""
        clock = QElapsedTimer()
        clock.start()
        while self.busy and clock.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            time.sleep(0.001)
        return not self.busy

    # -- input ------------------------------------------------------------------------------
    def set_model(self, network) -> None:
        """Predict with `network` (a weight copy goes to the reader's thread; None: none)."""
        self.model_key += 1
        if network is None:
            self.preparer.set_model(self.model_key, None)
        else:
            self.preparer.set_model(self.model_key, network.spec, network.state_dict(),
                                    network.dtype)
            # made or refilled, and its fast kernels planned, now: not by the first stroke
            # after it (a run's snapshot, once a second; never in place of a real drawing)
            self.preparer.submit(0, None)

    def warm_up(self) -> None:
        """Imports, the first preprocessing and forward, the path model's file: now, off the
        GUI thread (never in place of a real drawing)."""
        self.preparer.submit(0, None)
        self.path_reader.submit(0, None)

    def submit(self, drawing: dict) -> None:
        """A new drawing with ink (the canvas's `drawing()`), just changed by an event."""
        self._job += 1
        now = time.perf_counter()
        self._pending.append((self._job, now))
        _drawn_at[0] = now  # the Why view's jobs wait (yield_to_drawing)
        self.preparer.submit(self._job, drawing)
        # The pen's path is read only for a drawing of ink strokes alone (no bitmap under it,
        # nothing rubbed out): edits of a bitmap are not a digit's path.
        plain = drawing["base"] is None and not any(drawing["erase"])
        self._plain[self._job] = drawing["strokes"] if plain else None
        if plain:
            self._path_job = self._job
            self._path_pending.append((self._job, now))
            self.path_reader.submit(self._job, drawing["strokes"])
        else:
            self._path_job = self._path_shown = self._job
            self.path, self._path_pending = None, []

    def forget(self) -> None:
        """Whatever the readers are working on is for a drawing no longer on the canvas (it
        was cleared, or an image or a test digit replaced it): none of it is shown."""
        self._job += 1
        self._shown = self._path_job = self._path_shown = self._job
        self.path, self._pending, self._path_pending, self._plain = None, [], [], {}

    # -- results ----------------------------------------------------------------------------
    def _on_prepared(self, item: tuple) -> None:
        job_id, result = item
        if job_id <= self._shown:
            return  # the canvas was cleared (or a newer drawing was shown) meanwhile
        if isinstance(result, Exception):
            self._shown = job_id
            raise result  # app.py's hook shows it in a dialog
        if self.preparer.done_id > job_id:
            return  # a newer drawing is ready too (its signal follows): show that one only
        self._shown = job_id
        assert isinstance(result, Prepared)
        cpu, received = time.thread_time(), time.perf_counter()
        strokes = self._plain.get(job_id)
        self._plain = {j: s for j, s in self._plain.items() if j > job_id}
        self.prepared.emit((result, strokes))
        self.show_cpu_ms.append(1000 * (time.thread_time() - cpu))
        if self.timeline is not None:  # perf_counter s at each stage, for latency_timeline.py
            self.timeline.append({"job": job_id, "started": result.wall_s[0],
                                  "done": result.wall_s[1], "received": received,
                                  "shown": time.perf_counter(), "cpu_s": result.cpu_s})
        self.stage_cpu_ms.append(tuple(1000 * s for s in result.cpu_s))
        self.latencies_ms += _done(self._pending, job_id)

    def _on_path_read(self, item: tuple) -> None:
        job_id, result = item
        if job_id <= self._path_shown:
            return  # cleared, an edited bitmap, or a newer reading shown meanwhile
        self._path_shown = job_id
        if isinstance(result, Exception):
            raise result
        self.path = result
        self.path_latencies_ms += _done(self._path_pending, job_id)
        self.path_read.emit()
