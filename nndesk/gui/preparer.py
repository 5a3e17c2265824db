"""Preparer and PathReader: the canvas's drawing becomes the networks' inputs and answers on
background threads, the newest drawing first."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Signal

from nndesk.gui.jobs import start_thread

if TYPE_CHECKING:
    import numpy as np

    from nndesk.data.strokes import CanvasRenderer

__all__ = ["PATH_INTERVAL_S", "PathReader", "Prepared", "Preparer", "lower_priority",
           "prepare_strokes"]

# The pen-path reader (a GRU) runs at most this often while a stroke is drawn: its answer
# follows the image model's by up to this much, and the image model gets the CPU it needs to
# answer every mouse move (measured: benchmarks/gui_measure.py latency).
PATH_INTERVAL_S = 0.04
# ...and starts only once the image reader is idle (its answer is the one the learner waits
# for), or after this long at most, so that a drawing that never pauses still gets a reading.
# (0.1 s: under load the wait ran to its end, the pen path's p99 was ~140 ms; this is about
# one preparation of a drawing on a loaded machine.)
PATH_WAIT_S = 0.03


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
    from nndesk.data.strokes import render_canvas

    bitmap = (renderer.render(strokes, erase, base) if renderer is not None
              else render_canvas(strokes, erase, base))
    return _input(pp, bitmap, base), bitmap


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

    def __init__(self, name: str, interval_s: float = 0.0, waits_for: _Newest | None = None,
                 niceness: int = 0) -> None:
        super().__init__()
        self._cond = threading.Condition()
        self._job: tuple | None = None  # the newest job not yet started
        self._stopped = False
        self._interval_s = interval_s  # at least this long from one job's start to the next
        self._waits_for = waits_for  # a job starts once that one is idle (PATH_WAIT_S at most)
        self._niceness = niceness  # the thread's own nice value above the window's (Linux)
        self.idle = threading.Event()  # set while no job is in the works or waiting
        self.idle.set()
        self.done_id = 0  # the newest job id whose result was emitted
        # jobs.start_thread keeps this object until the thread has ended and frees it on the
        # GUI thread: the thread's end never drops the last reference to a QObject
        self.thread = start_thread(self._run, self, name=name)

    def submit(self, job_id: int, job) -> None:
        """Work on `job` next (None: only warm up; it never hides real work)."""
        with self._cond:
            if job is not None or self._job is None:
                self._job = (job_id, job)
                self.idle.clear()
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
        if self._niceness:
            lower_priority(self._niceness)
        started = 0.0
        while True:
            with self._cond:
                while self._job is None and not self._stopped:
                    self.idle.set()
                    self._cond.wait()
                if self._stopped:
                    return
                rest = started + self._interval_s - time.perf_counter()
                if rest > 0:  # too soon after the last one: the newest job after the pause
                    self._cond.wait(rest)
                    continue
                (job_id, job), self._job = self._job, None
            if self._waits_for is not None and job is not None:
                self._waits_for.idle.wait(PATH_WAIT_S)  # the other answer first
                with self._cond:  # the newest job handed over meanwhile
                    if self._job is not None and self._job[1] is not None:
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


def lower_priority(niceness: int) -> None:
    """This thread's nice value raised by `niceness` (Linux: a thread has its own), so that
    the OS gives a core to the GUI thread and the image reader first (the pen path, the
    Why view's maps and neighbours run so)."""
    import os

    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + niceness)
    except (AttributeError, OSError):
        pass  # not here (not Linux, not allowed): the same work, at the same priority


class Prepared(NamedTuple):
    """What the preparer made of one drawing: the network's (1, 28, 28) input (None: no digit),
    the canvas bitmap (H, W) uint8 it came from, every layer's output for that input from the
    thread's copy of the model (`Network.forward_all`, batch axis removed; None: no digit, no
    model, or the model would not take the input: the GUI thread's state then predicts as it
    always did), the model key those outputs belong to, the thread CPU seconds of each
    stage: render, preprocess, predict, and the perf_counter seconds the work began and ended
    (`wall_s`: its wall time beside its CPU time, for measuring)."""

    digit: np.ndarray | None
    bitmap: np.ndarray
    activations: list | None
    model_key: int
    cpu_s: tuple[float, float, float]
    wall_s: tuple[float, float] = (0.0, 0.0)


class Preparer(_Newest):
    """Turns the canvas's drawing into the image network's input and answer; the newest
    drawing wins (one drawing in the works at a time, the next one the newest: coalescing).

    The GUI thread only copies the points and hands them over, so it is always free to take
    the next mouse event and to paint: no point of a stroke waits behind imports,
    preprocessing or the forward pass. A job is the canvas's drawing(): {"strokes", "erase",
    "base"} (a plain list of strokes is accepted too); `ready` carries (job id, Prepared |
    exception). The model comes with `set_model` (a weight copy): the thread predicts with its
    own Network (a Network is not thread-safe), made or refilled before the next job's forward.
    """

    _renderer = None  # the CanvasRenderer: only this thread draws with it
    _warmed = False  # the first job done (imports, the first preprocessing)

    def __init__(self) -> None:
        super().__init__("nndesk-canvas-input")
        self._model: tuple | None = None  # (key, spec, weights, dtype) not loaded yet
        self._net = None  # this thread's copy of the model
        self._net_spec: dict | None = None
        self._net_key = 0
        self._last_input: tuple | None = None  # (bitmap, base, its input): the last drawing

    def set_model(self, key: int, spec: dict | None, weights: dict | None = None,
                  dtype=None) -> None:
        """Predict with this model from the next job on (GUI thread; `weights` a
        state_dict copy, None with `spec` None: no model). `key` goes back with each result."""
        with self._cond:
            self._model = (key, spec, weights, dtype)

    def _load_model(self) -> None:
        with self._cond:
            model, self._model = self._model, None
        if model is None:
            return
        key, spec, weights, dtype = model
        self._net_key = key
        if spec is None:
            self._net = self._net_spec = None
            return
        from nndesk.nn import Network

        try:
            if self._net is None or spec != self._net_spec:
                self._net = Network.from_spec(spec, dtype=dtype or "float32")
                self._net_spec = spec
            self._net.load_state_dict(weights)
        except (ValueError, KeyError, TypeError):  # a model the engine cannot copy: the
            self._net = self._net_spec = None  # GUI thread's state predicts as before

    def work(self, job):
        from nndesk.data import preprocess as pp

        if job is None and self._warmed:  # a new model only: loaded and planned now
            self._load_model()
            self._forward(None)
            return None
        self._warmed = True
        if self._renderer is None:
            from nndesk.data.strokes import CanvasRenderer

            self._renderer = CanvasRenderer()
        drawing = job if job is not None else [[(140.0, 140.0)]]  # a warm-up: imports, once
        drawing = drawing if isinstance(drawing, dict) else {"strokes": drawing}
        began = time.perf_counter()
        t0 = time.thread_time()
        bitmap = self._renderer.render(drawing["strokes"], drawing.get("erase"),
                                       drawing.get("base"))
        t1 = time.thread_time()
        digit = self._input(pp, bitmap, drawing.get("base"))
        t2 = time.thread_time()
        self._load_model()
        acts = self._forward(digit)
        t3 = time.thread_time()
        if job is None:
            self._renderer = None  # the warm-up's dot is no drawing of the user's
            self._last_input = None
        return Prepared(digit, bitmap, acts, self._net_key, (t1 - t0, t2 - t1, t3 - t2),
                        (began, time.perf_counter()))

    def _forward(self, digit: np.ndarray | None) -> list | None:
        """Every layer's output for `digit` from this thread's model (None: no model, no
        digit, or an input it does not take); for None, a blank input, for its first forward
        with new weights (the fast kernels' plan is made then)."""
        import numpy as np

        if self._net is None:
            return None
        x = digit if digit is not None else np.zeros((1, 28, 28), np.float32)
        try:
            with np.errstate(over="ignore", invalid="ignore"):  # the state shows it
                out = self._net.forward_all(x[None])
        except ValueError:  # an input the model does not take: the state says so
            return None
        return [a[0] for a in out] if digit is not None else None

    def _input(self, pp, bitmap: np.ndarray, base) -> np.ndarray | None:
        """`_input`, skipped for a bitmap equal to the last one over the same base (a move
        that adds no ink, the same drawing for another model): the same input again."""
        import numpy as np

        last = self._last_input
        if last is not None and last[1] is base and np.array_equal(last[0], bitmap):
            return None if last[2] is None else last[2].copy()
        digit = _input(pp, bitmap, base)
        self._last_input = (bitmap.copy(), base, None if digit is None else digit.copy())
        return digit


def _input(pp, bitmap: np.ndarray, base) -> np.ndarray | None:
    """prepare_strokes's second half: the bitmap read in place over a base, else preprocessed
    (`pp.preprocess`, looked up at each call: the one path, which tests may hold up)."""
    if base is not None:
        from nndesk.data.strokes import bitmap_to_image

        return bitmap_to_image(bitmap) if bitmap.any() else None
    return pp.preprocess(bitmap)


class PathReader(_Newest):
    """Reads the pen's path with the trajectory model (its own copy, loaded by this thread):
    a job is the drawing's timed strokes, `ready` carries (job id, (probabilities (10,),
    weight) | None | exception); None: no trajectory model, or no ink. Runs at most every
    PATH_INTERVAL_S, on the newest strokes, once `waits_for` (the image reader) is idle
    (PATH_WAIT_S at most). (At nice +5 as well, its answer came later under load and the
    image answer no sooner: gui_measure latency --while-training, interleaved.)"""

    _reader = False  # the TrajectoryReader, loaded by the thread (None: no model)

    def __init__(self, interval_s: float = PATH_INTERVAL_S,
                 waits_for: _Newest | None = None) -> None:
        super().__init__("nndesk-pen-path", interval_s, waits_for)

    def work(self, strokes):
        if self._reader is False:
            self._reader = _trajectory_reader()
        if self._reader is None or not strokes:
            return None
        probs = self._reader.probabilities(strokes)
        return None if probs is None else (probs, self._reader.weight)
