"""Measure the window: launch time, event-loop stalls while training, stroke-to-prediction latency,
an epoch in the window vs `nndesk train`. (Moved out of the package: it is a measuring tool,
not part of the app; run it from the checkout, `python benchmarks/gui_measure.py ...`.)

    python benchmarks/gui_measure.py launch            # command -> window shown, 5 launches
    python benchmarks/gui_measure.py stall --seconds 20  # a 10 ms QTimer's lateness while training
    python benchmarks/gui_measure.py latency --runs 3  # mouse move -> probabilities shown:
                                                       # at 125 Hz, then as fast as possible,
                                                       # with each stage's CPU ms
    python benchmarks/gui_measure.py latency --while-training DigitNet  # ... while it trains
    python benchmarks/gui_measure.py latency --why-view --repeats 10  # the Why panel shown,
                                                       # 10 sevens per window (--size 1400x900)
    python benchmarks/gui_measure.py latency --why-view --digit four  # a two-stroke 4: the
                                                       # Why view's jobs start between strokes
    python benchmarks/gui_measure.py screenshot --model models/default.npz  # docs/screenshot.png
    python benchmarks/gui_measure.py gui-vs-cli --rounds 3  # one epoch: window vs `nndesk train`
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter

import numpy as np

__all__ = ["StallMeter", "launch_time", "stall_while_training", "stroke_latency", "percentiles",
           "cli_epoch", "gui_epoch", "gui_vs_cli", "latency_while_training"]

PROBE_ENV = "NNDESK_LAUNCH_PROBE"  # app.run prints the time the window is shown, then quits


def percentiles(values: list[float]) -> dict:
    """p50, p99 and max of a list of milliseconds (rounded), with the count."""
    a = np.asarray(values, dtype=float)
    if a.size == 0:
        return {"n": 0}
    return {"n": int(a.size), "p50": round(float(np.percentile(a, 50)), 2),
            "p99": round(float(np.percentile(a, 99)), 2), "max": round(float(a.max()), 2)}


class StallMeter:
    """A 10 ms QTimer that records how late each tick is: the event loop's stalls in ms."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.interval_ms = interval_ms
        self.late_ms: list[float] = []
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0

    def start(self) -> None:
        """Begin recording."""
        self.late_ms.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> dict:
        """Stop and return the percentiles of the lateness."""
        self._timer.stop()
        return percentiles(self.late_ms)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.late_ms.append(max(0.0, 1000 * (now - self._last) - self.interval_ms))
        self._last = now


class StallSampler:
    """Who holds the event loop: a thread that, while the loop is more than `late_ms` behind
    (the StallMeter's last tick that long ago), samples the GUI thread's Python stack every
    `every_ms` and counts the innermost frames of our code and of the libraries'. A frame
    stuck in a C call (a paint, a NumPy kernel) or waiting for the GIL shows as the line
    that made the call."""

    def __init__(self, meter: StallMeter, late_ms: float = 30.0, every_ms: float = 5.0) -> None:
        self.meter, self.late_ms, self.every_ms = meter, late_ms, every_ms
        self.counts: Counter = Counter()
        self.states: Counter = Counter()  # the GUI thread's state in /proc while late
        self._main = threading.main_thread().ident
        self._stat = f"/proc/self/task/{threading.main_thread().native_id}/stat"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.counts.clear()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self, top: int = 8) -> dict:
        """The `top` most sampled (ours, library) frame pairs with their sample counts, and
        the GUI thread's states while late: R = running or waiting for a core (the machine's
        load, our work), S = asleep (waiting for the GIL or another lock)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        return {"frames": [[ours, lib, n] for (ours, lib), n in self.counts.most_common(top)],
                "states": dict(self.states)}

    def _run(self) -> None:
        import traceback

        while not self._stop.wait(self.every_ms / 1000):
            if 1000 * (time.perf_counter() - self.meter._last) < self.late_ms:
                continue
            try:
                with open(self._stat, encoding="ascii") as f:
                    self.states[f.read().rsplit(")", 1)[1].split()[0]] += 1
            except (OSError, IndexError):
                pass
            frame = sys._current_frames().get(self._main)
            if frame is None:
                continue
            stack = traceback.extract_stack(frame)
            ours = next((f"{os.path.basename(f.filename)}:{f.lineno} {f.name}"
                         for f in reversed(stack) if "/nndesk/" in f.filename), "-")
            lib = f"{os.path.basename(stack[-1].filename)}:{stack[-1].lineno} {stack[-1].name}"
            self.counts[ours, lib] += 1


def launch_time(runs: int = 5, args: list[str] | None = None) -> dict:
    """Seconds from `python -m nndesk gui` to the window shown, and to plots + model ready."""
    env = dict(os.environ, **{PROBE_ENV: "1"})
    cmd = [sys.executable, "-m", "nndesk", "gui", *(args or [])]
    times = []
    for _ in range(runs):
        started = time.time()
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60).stdout
        marks = dict(line.split()[:2] for line in out.splitlines()
                     if line.startswith(("NNDESK_SHOWN", "NNDESK_READY")))
        if len(marks) != 2:
            raise RuntimeError(f"the window did not report being shown and ready: {out!r}")
        times.append((float(marks["NNDESK_SHOWN"]) - started,
                      float(marks["NNDESK_READY"]) - started))
    shown, ready = zip(*times, strict=True)
    return {"runs": runs, "shown_median_s": round(float(np.median(shown)), 3),
            "shown_max_s": round(max(shown), 3),
            "ready_median_s": round(float(np.median(ready)), 3),
            "ready_max_s": round(max(ready), 3)}


WINDOW_SIZE = (1400, 900)  # the window measured (issue 12: a loaded 1400x900 window)


def _window(model: str | None, size: tuple[int, int] = WINDOW_SIZE, why: bool = False):
    """The window at `size` with the model loaded; `why`: the Why panel (saliency, occlusion,
    nearest training images) shown too, as a learner who opened it has it while drawing."""
    from nndesk.gui import app as app_module

    app, window = app_module.create_window(model)
    if hasattr(app_module, "freeze_start_up"):  # (absent from older trees measured against)
        app_module.freeze_start_up()  # as app.run does once the window is finished
    # a run that ends worse than the loaded model would ask in a modal dialog, which nobody
    # answers here: keep the loaded model, as the screenshot's short runs do
    window.training.confirm_worse = lambda new, old: False
    window.resize(*size)
    window.show()
    if why:
        from PySide6.QtWidgets import QDockWidget

        dock = window.why_panel
        while not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        dock.show()  # as View ▸ Why this answer does
        # its neighbours' features are computed once per model (then cached): not timed
        deadline = time.perf_counter() + 600
        while window.why_panel.neighbours.busy and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.01)
    app.processEvents()
    return app, window


def _close(window) -> None:
    """Close the window once its insight views' threads are done (a QThread destroyed while
    it runs aborts the process)."""
    from PySide6.QtCore import QCoreApplication

    views = [getattr(window, "why_panel", None), getattr(getattr(window, "why_panel", None),
                                                        "neighbours", None)]
    deadline = time.perf_counter() + 30
    while any(v is not None and v.busy for v in views) and time.perf_counter() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    window.close()


def _draw(app, canvas, strokes) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    for stroke in strokes:
        pts = [canvas.to_widget(x, y).toPoint() for x, y in stroke]
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=pts[0])
        for a, b in zip(pts, pts[1:], strict=False):
            for k in range(1, 6):
                p = a + (b - a) * (k / 5)
                QTest.mouseMove(canvas, QPoint(p.x(), p.y()))
                app.processEvents()
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=pts[-1])


SEVEN = [[(80, 60), (130, 60), (180, 60), (205, 62), (190, 100), (170, 140), (150, 180),
          (135, 225)]]
# Two strokes: the pen lifts for 0.2 s between them (`_feed`), longer than the Why view's
# QUIET_MS, so its maps and neighbours are computed while the second stroke is drawn, as
# when a learner draws a 4 with the view open.
FOUR = [[(100, 50), (85, 100), (70, 150), (120, 150), (170, 150), (200, 150)],
        [(165, 60), (163, 110), (160, 160), (158, 200), (156, 235)]]
DIGITS = {"seven": SEVEN, "four": FOUR}


def _stroke_points(strokes, steps: int = 5) -> list[list[tuple[float, float]]]:
    """The strokes with `steps` moves between successive points (what `_draw` sends)."""
    out = []
    for stroke in strokes:
        pts = [tuple(map(float, stroke[0]))]
        for (ax, ay), (bx, by) in zip(stroke, stroke[1:], strict=False):
            pts += [(ax + (bx - ax) * k / steps, ay + (by - ay) * k / steps)
                    for k in range(1, steps + 1)]
        out.append(pts)
    return out


def _feed(canvas, strokes, interval_ms: float, posted: list[float]) -> None:
    """From another thread: post a press, a move every `interval_ms` (a 125 Hz mouse: 8 ms),
    a release, to the canvas, as the window system would; `posted` gets each move's and
    press's perf_counter time (the events' own times)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    nomod = Qt.KeyboardModifier.NoModifier
    due = time.perf_counter()
    for stroke in strokes:
        for i, (x, y) in enumerate(stroke):
            # One sleep to the event's time (Linux: ~0.1 ms late at the median). A loop of
            # short sleeps took the GIL ~5,000 times a second from the threads measured.
            time.sleep(max(0.0, due - time.perf_counter()))
            p = QPointF(canvas.to_widget(x, y))
            kind, button = ((QEvent.Type.MouseButtonPress, left) if i == 0
                            else (QEvent.Type.MouseMove, none))
            posted.append(time.perf_counter())
            QCoreApplication.postEvent(canvas, QMouseEvent(kind, p, p, button, left, nomod))
            due += interval_ms / 1000
        QCoreApplication.postEvent(canvas, QMouseEvent(
            QEvent.Type.MouseButtonRelease, p, p, left, none, nomod))
        due += 0.2  # a pause between strokes, as a hand lifts the pen


def stroke_latency(model: str | None = None, repeats: int = 5,
                   interval_ms: float | None = None, window=None,
                   size: tuple[int, int] = WINDOW_SIZE, why: bool = False,
                   events: list | None = None, digit: str = "seven",
                   new_model: str | None = None) -> dict:
    """Milliseconds from a mouse event on the canvas to the new probabilities in the panel.

    interval_ms None: moves as fast as the window takes them (each sent when the last was
    handled; the panel's own clock, `DigitPanel.latencies_ms`, from handling each event).
    interval_ms 8: a 125 Hz mouse; the events are posted from another thread at their times
    and timed from then (a busy GUI thread delays them: that counts). An event counts as
    answered when a prediction made from a drawing that contains it is shown (coalesced
    events wait for the next one); `from_posting_to_paint` until the panel's bars have been
    painted with it. Also the pen-path reader's answer, which may follow (`path_latencies_ms`,
    from handling each event), and the CPU ms of each stage per prediction (`stage_cpu_ms`:
    render, preprocess, predict on the preparer's thread; show: the GUI thread's handlers of
    the new prediction; paint: one repaint of the canvas and of the digit panel).

    `events` (at interval_ms): gets one dict per posted event, perf_counter s at each stage
    (`posted`, `handled` by the canvas, the answer's preparer `started` and `done`, `received`
    and `shown` by the GUI thread, `painted`), for benchmarks/latency_timeline.py.
    `digit`: the drawing, a key of DIGITS ("four": two strokes, the pen lifted between them).
    `new_model`: a preset whose untrained network replaces the model 0.3 s before the first
    drawing, as a run's first snapshot of another architecture does."""
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer

    own = window is None
    app, window = _window(model, size, why) if own else (QCoreApplication.instance(), window)
    if window.state.network is None:
        raise RuntimeError("no model loaded: pass --model")
    panel, canvas = window.digit, window.digit.canvas
    panel.wait_idle()  # the warm-up (imports, the path model's file) done
    if new_model is not None:
        from nndesk.nn import Network
        from nndesk.presets import load_preset

        window.state.set_model(Network.from_spec(load_preset(new_model)), source="snapshot")
        until = time.perf_counter() + 0.3
        while time.perf_counter() < until:
            app.processEvents()
            time.sleep(0.002)
    jobs: list[int] = []  # the job id of each event handled, in order
    shown: list[tuple[float, int]] = []  # (perf_counter, job shown) at each prediction
    painted: list[tuple[float, int]] = []  # (perf_counter, job shown) at each bars paint

    class PaintClock(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint:  # before the paint: timed at the next event
                painted.append((time.perf_counter(), panel.job_ids[1]))
            return False

    clock = PaintClock()
    panel.bars.installEventFilter(clock)
    handled: list[float] = []  # perf_counter when the canvas handled each event
    timeline = panel.jobs.timeline = []  # DrawingJobs: each prediction shown, its stages
    canvas.strokes_changed.connect(
        lambda: (jobs.append(panel.job_ids[0]), handled.append(time.perf_counter())))
    window.state.digit_changed.connect(
        lambda: shown.append((time.perf_counter(), panel.job_ids[1])))
    posted: list[float] = []
    from_post: list[float] = []
    to_paint: list[float] = []
    predictions = 0
    points = _stroke_points(DIGITS[digit])
    stages0, events0 = len(panel.jobs.stage_cpu_ms), len(panel.latencies_ms)
    cpu = time.process_time()  # all threads: the work behind each event, whatever the load
    for _ in range(repeats):
        canvas.clear()
        panel.wait_idle()
        del jobs[:], shown[:], painted[:], handled[:], timeline[:]
        if interval_ms is None:
            _draw(app, canvas, DIGITS[digit])
        else:
            first = len(posted)
            feeder = threading.Thread(target=_feed, args=(canvas, points, interval_ms, posted))
            # The window's own event loop takes the events, as in the app (a loop of
            # processEvents and sleeps here would delay each event by the sleep)
            loop, check = QEventLoop(), QTimer()
            check.timeout.connect(lambda f=feeder, n=first, q=loop: None if f.is_alive() or (
                panel.busy or len(jobs) < len(posted) - n) else q.quit())
            check.start(20)
            feeder.start()
            loop.exec()
            check.stop()
            feeder.join()
        panel.wait_idle()  # the last move's prediction shown: its latency recorded
        for _ in range(3):
            app.processEvents()  # its paint
        predictions += len(shown)
        if interval_ms is not None:
            if len(jobs) != len(posted) - first:
                raise RuntimeError(f"{len(posted) - first} events posted, {len(jobs)} handled")
            for job, t, h in zip(jobs, posted[first:], handled, strict=True):
                at = next(when for when, j in shown if j >= job)
                from_post.append(1000 * (at - t))
                seen = next((when for when, j in painted if j >= job and when >= at), None)
                if seen is not None:
                    to_paint.append(1000 * (seen - t))
                if events is not None:
                    answer = next(r for r in timeline if r["job"] >= job)
                    events.append({"posted": t, "handled": h, "job": job, **answer,
                                   "painted": seen})
    cpu_ms = 1000 * (time.process_time() - cpu) / max(len(panel.latencies_ms) - events0, 1)
    panel.bars.removeEventFilter(clock)
    panel.jobs.timeline = None
    stages = np.array(panel.jobs.stage_cpu_ms[stages0:], float).reshape(-1, 3)
    show = panel.jobs.show_cpu_ms[-len(stages):] if len(stages) else []
    result = {"events": len(panel.latencies_ms) - events0, "predictions_shown": predictions,
              "cpu_ms_per_event": round(cpu_ms, 2),
              "interval_ms": interval_ms if interval_ms is not None else "as fast as possible",
              "panel_clock": percentiles(panel.latencies_ms[events0:]),
              "pen_path_answer": percentiles(panel.path_latencies_ms),
              "stage_cpu_ms": {**{name: _median_p99(stages[:, i]) for i, name in
                                  enumerate(("render", "preprocess", "predict"))},
                               "show": _median_p99(show), "paint": _paint_cpu_ms(canvas, panel)}}
    if interval_ms is not None:
        result["from_posting"] = percentiles(from_post)
        result["from_posting_to_paint"] = percentiles(to_paint)
    if own:
        _close(window)
    return result


def _median_p99(values) -> dict:
    a = np.asarray(values, float)
    if not a.size:
        return {"n": 0}
    return {"median": round(float(np.median(a)), 3), "p99": round(float(np.percentile(a, 99)), 3)}


def _paint_cpu_ms(canvas, panel, rounds: int = 30) -> dict:
    """CPU ms of one repaint of the canvas (the drawing as it is) and of the whole digit panel."""
    out = {}
    for name, widget in (("canvas", canvas), ("panel", panel)):
        widget.repaint()
        cpu = time.thread_time()
        for _ in range(rounds):
            widget.repaint()
        out[name] = round(1000 * (time.thread_time() - cpu) / rounds, 3)
    return out


def latency_while_training(model: str | None = None, preset: str = "DigitNet",
                           repeats: int = 3, interval_ms: float = 8.0,
                           train_images: int = 20_000, size: tuple[int, int] = WINDOW_SIZE,
                           why: bool = False, events: list | None = None,
                           digit: str = "seven") -> dict:
    """`stroke_latency` at `interval_ms` while `preset` trains in the window (its worker on
    both cores, the plots and snapshots updating): issue 16's "responsive while training"."""
    from PySide6.QtCore import QEventLoop

    from nndesk.presets import load_preset

    app, window = _window(model, size, why)
    loop = QEventLoop()
    window.state.set_spec(load_preset(preset))
    window.state.set_config(epochs=50, train_limit=train_images)
    window.training.run_started.connect(lambda *a: loop.quit())
    window.training.start()
    loop.exec()  # data loaded, first batches coming
    # The first snapshot makes the canvas's copy of the run's network (once per run, on the
    # GUI thread; latency_timeline.py shows it): measured from then on, as a run goes on.
    first = time.perf_counter()
    while window.state.model_source != "snapshot" and time.perf_counter() - first < 60:
        app.processEvents()
        time.sleep(0.01)
    try:
        result = stroke_latency(model, repeats, interval_ms, window=window, events=events,
                                digit=digit)
        result["training"] = preset
        result["status"] = window.train_panel.status.text()
    finally:
        window.training.shutdown()
        _close(window)
    return result


def stall_while_training(seconds: float = 20.0, model: str | None = None,
                         train_images: int = 10_000, preset: str = "SimpleConvNet",
                         workers: int | None = None) -> dict:
    """The 10 ms timer's lateness while `preset` trains and the plots redraw; `workers`:
    batch workers instead of the window's default (2 on two cores). ~seconds * 1.3 + 10 s."""
    from PySide6.QtCore import QEventLoop, QTimer

    from nndesk.nn import parallel
    from nndesk.presets import load_preset

    app, window = _window(model)
    if workers is not None:
        parallel.set_workers(workers)
    loop = QEventLoop()
    meter = StallMeter()
    meter.start()  # the same timer with nothing to do: what the machine's load alone costs
    QTimer.singleShot(int(seconds * 250), loop.quit)
    loop.exec()
    idle = meter.stop()
    window.state.set_spec(load_preset(preset))
    window.state.set_config(epochs=50, train_limit=train_images)
    window.training.start()
    window.training.run_started.connect(lambda *a: loop.quit())
    loop.exec()  # data loaded, first batches coming
    meter.start()
    sampler = StallSampler(meter)
    sampler.start()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    QTimer.singleShot(int(seconds * 500), lambda: _draw(app, window.digit.canvas, SEVEN))
    loop.exec()
    culprits = sampler.stop()
    window.digit.wait_idle()  # the 7 drawn while training: its predictions shown
    result = {"training": meter.stop(), "idle_before": idle,
              "stroke_to_prediction_ms_while_training": percentiles(window.digit.latencies_ms),
              "status": window.train_panel.status.text(), "preset": preset,
              "batch_workers": parallel.workers(), "target": "training p99 < 50 ms",
              "stalled_in": culprits,  # [our frame, innermost frame, 5 ms samples] while late
              "uptime": _uptime()}
    window.training.shutdown()  # stop the worker first: closing while training would ask
    window.close()              # "Stop training and quit?" in a modal dialog nobody answers
    return result


def screenshot(out: str, model: str | None = None, train_images: int = 3000) -> str:
    """docs/screenshot.png: the model loaded, two short runs overlaid, a drawn 7."""
    from PySide6.QtCore import QEventLoop

    from nndesk.data.mnist import Splits, load_mnist
    from nndesk.presets import load_preset

    app, window = _window(model)
    d = load_mnist(flatten=False)
    n = train_images
    window.training.data = Splits(d.x_train[:n], d.t_train[:n], d.x_val[:1000], d.t_val[:1000],
                                  d.x_test[:1000], d.t_test[:1000])
    spec = window.state.spec
    window.state.set_spec(load_preset("SimpleConvNet"))
    loop = QEventLoop()
    window.training.finished.connect(lambda *a: loop.quit())
    for optimizer, lr in (("Adam", 0.001), ("SGD", 0.05)):
        window.state.set_config(epochs=4, batch_size=50, optimizer=optimizer, lr=lr)
        window.training.start()
        loop.exec()
    if model:
        window.files.load_model(model)
    window.state.set_spec(spec)
    window.designer.select(0)
    _draw(app, window.digit.canvas, SEVEN)
    window.digit.wait_idle()  # the strokes are prepared on the panel's own thread
    window.inside.refresh_maps()
    for _ in range(5):
        app.processEvents()
    window.grab().save(out)
    window.close()
    return out


def cli_epoch(preset: str, out: str, env: dict | None = None) -> tuple[float, dict]:
    """`nndesk train --preset P --epochs 1 --out OUT` in a new process: the epoch's time_s
    and the thread policy the run recorded (batch workers, BLAS threads)."""
    from nndesk.train import load_model

    cmd = [sys.executable, "-m", "nndesk", "train", "--preset", preset, "--epochs", "1",
           "--out", out]
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=3600)
    meta = load_model(out).metadata
    return float(meta["history"][0]["time_s"]), meta.get("threads", {})


def gui_epoch(preset: str = "SimpleConvNet", model: str | None = None) -> dict:
    """One epoch started by the window's Train action, with a 7 on the canvas: the plots,
    progress line, filters, prediction and feature maps all update while it trains.

    time_s is the trainer's own epoch time; main_thread_cpu_s is what the GUI thread spent
    meanwhile (the work that competes with training for the 2 cores and the GIL).
    """
    from PySide6.QtCore import QEventLoop
    from PySide6.QtGui import QAction

    app, window = _window(model)
    window.designer.preset.setCurrentText(preset)
    window.state.ensure_config()  # TrainConfig's defaults, as a user gets them
    window.state.set_config(epochs=1)
    if window.state.spec.get("name") != preset:
        raise RuntimeError(f"the designer did not load the preset {preset!r}")
    _draw(app, window.digit.canvas, SEVEN)
    counts: Counter = Counter()
    marks: dict = {}
    loop = QEventLoop()
    tc, state = window.training, window.state

    def started(*_) -> None:
        marks["wall"], marks["cpu"] = time.perf_counter(), time.thread_time()

    def epoch(record: dict) -> None:
        marks["record"] = record
        marks["wall_s"] = time.perf_counter() - marks["wall"]
        marks["cpu_s"] = time.thread_time() - marks["cpu"]

    tc.run_started.connect(started)
    tc.batch_done.connect(lambda *_: counts.update(["batch_done"]))
    state.model_changed.connect(lambda: counts.update([state.model_source]))
    tc.epoch_done.connect(epoch)
    tc.finished.connect(lambda info: (marks.update(threads=(info.get("metadata") or {})
                                                   .get("threads", {})), loop.quit()))
    train = next(a for a in window.findChildren(QAction) if a.text() == "&Train")
    train.trigger()
    loop.exec()  # until the run has finished (test accuracy measured, model saved)
    window.close()
    if "record" not in marks:
        raise RuntimeError(f"no epoch finished: {window.train_panel.status.text()}")
    return {"time_s": marks["record"]["time_s"], "wall_s": round(marks["wall_s"], 3),
            "main_thread_cpu_s": round(marks["cpu_s"], 3),
            "batch_signals": counts["batch_done"], "snapshots": counts["snapshot"],
            "threads": marks.get("threads", {})}


GUI_CHILD = ("import json, sys; sys.path.insert(0, {here!r}); from gui_measure import gui_epoch; "
             "print(json.dumps(gui_epoch({preset!r}, {model!r})))")


def gui_vs_cli(rounds: int = 3, preset: str = "SimpleConvNet", model: str | None = None,
               out: str = "/tmp/x.npz") -> dict:
    """One epoch's time_s, interleaved: `nndesk train`, then the window (offscreen, in its
    own process), `rounds` times each; medians and the ratio GUI/CLI (issue 16: <= 1.05).
    Each side sets its own thread policy (no OPENBLAS_NUM_THREADS here): the model files
    record it, and `same_thread_policy` says whether they agree. ~25 s a round idle."""
    here = os.path.dirname(os.path.abspath(__file__))
    child = [sys.executable, "-c", GUI_CHILD.format(here=here, preset=preset, model=model)]

    before, cli, gui, cli_threads = _uptime(), [], [], []
    with tempfile.TemporaryDirectory(prefix="nndesk-gui-vs-cli-") as home:  # runs, QSettings
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NNDESK_HOME=home,
                   XDG_CONFIG_HOME=home)
        env.pop("OPENBLAS_NUM_THREADS", None)
        for r in range(rounds):
            took, threads = cli_epoch(preset, out, env)
            cli.append(took)
            cli_threads.append(threads)
            done = subprocess.run(child, env=env, check=True, capture_output=True, text=True,
                                  timeout=3600)
            gui.append(json.loads(done.stdout.splitlines()[-1]))
            print(f"round {r + 1}/{rounds}: cli {cli[-1]:.2f} s, gui {gui[-1]['time_s']:.2f} s",
                  file=sys.stderr, flush=True)
    cli_median = float(np.median(cli))
    gui_median = float(np.median([g["time_s"] for g in gui]))
    return {"preset": preset, "rounds": rounds, "cli_time_s": [round(t, 3) for t in cli],
            "gui": [dict(g, time_s=round(g["time_s"], 3)) for g in gui],
            "cli_median_s": round(cli_median, 3), "gui_median_s": round(gui_median, 3),
            "ratio_gui_cli": round(gui_median / cli_median, 3), "target": "<= 1.05",
            "same_thread_policy": all(g.get("threads") == c for g, c in
                                      zip(gui, cli_threads, strict=True)),
            "cli_threads": cli_threads[0] if cli_threads else {},
            "uptime_before": before, "uptime_after": _uptime()}


def _uptime() -> str:
    """The machine's load, as `uptime` says it (a figure is read with it)."""
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def hermetic(size: tuple[int, int] = WINDOW_SIZE) -> str:
    """A fresh nndesk home and settings folder (the shipped model, the default layout: no
    earlier session's model or design), and, on Qt's offscreen platform, one screen of
    `size` at 96 dpi, so that the window really is that large (the default offscreen screen
    is 800x800 and the window is fitted into it). Call before the QApplication is made;
    returns the folder."""
    home = tempfile.mkdtemp(prefix="nndesk-measure-")
    os.environ.update(NNDESK_HOME=home, XDG_CONFIG_HOME=home)
    # the training images' features of a model (the Why view's neighbours, once per model)
    # are kept from one measurement to the next, as a user's cache keeps them
    cache = os.path.join(tempfile.gettempdir(), "nndesk-measure-cache")
    os.makedirs(cache, exist_ok=True)
    os.symlink(cache, os.path.join(home, "cache"))
    if os.environ.get("QT_QPA_PLATFORM", "") == "offscreen":
        screen = os.path.join(home, "screen.json")
        with open(screen, "w", encoding="utf-8") as f:
            json.dump({"screens": [{"name": "s", "x": 0, "y": 0, "width": size[0],
                                    "height": size[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                    "dpr": 1}]}, f)
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    return home


def main(argv: list[str] | None = None) -> int:
    """Print each measurement as one JSON line."""
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", choices=["launch", "stall", "latency", "all", "screenshot",
                                    "gui-vs-cli"])
    p.add_argument("--out", default="docs/screenshot.png")
    p.add_argument("--model", help="model file (default: the shipped one)")
    p.add_argument("--seconds", type=float, default=20.0)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--rounds", type=int, default=3, help="gui-vs-cli: epochs on each side")
    p.add_argument("--preset", default="SimpleConvNet", help="gui-vs-cli, stall: the network")
    p.add_argument("--workers", type=int, help="stall: batch workers (default: the window's)")
    p.add_argument("--interval-ms", type=float, default=8.0,
                   help="latency: the mouse's report interval (8 ms: 125 Hz); each run "
                        "measures at that rate, then as fast as the window takes events")
    p.add_argument("--while-training", metavar="PRESET",
                   help="latency: at --interval-ms while PRESET trains in the window")
    p.add_argument("--repeats", type=int, default=5,
                   help="latency: the 7 drawn this many times in each window")
    p.add_argument("--why-view", action="store_true",
                   help="latency: with the Why panel shown (saliency, occlusion, neighbours)")
    p.add_argument("--size", default="1400x900", help="latency: the window's size, WxH")
    p.add_argument("--digit", choices=sorted(DIGITS), default="seven",
                   help="latency: the drawing (four: two strokes, the pen lifted 0.2 s "
                        "between them, so the Why view's jobs run while the second is drawn)")
    p.add_argument("--new-model", metavar="PRESET",
                   help="latency: PRESET's untrained network replaces the model 0.3 s before "
                        "the first drawing (another architecture's first snapshot)")
    p.add_argument("--switch-interval-ms", type=float,
                   help="latency: Python's GIL switch interval for the run (default 5 ms): "
                        "the canvas's threads, the GUI thread and the trainer share the GIL")
    a = p.parse_args(argv)
    if a.switch_interval_ms:
        sys.setswitchinterval(a.switch_interval_ms / 1000)
    if a.what in ("launch", "all"):
        print(json.dumps({"launch": launch_time(a.runs)}), flush=True)
    size = tuple(int(v) for v in a.size.lower().split("x"))
    if a.what in ("latency", "screenshot"):   # a fresh home; offscreen: a screen of --size
        hermetic(size)
    if a.what == "latency" and a.while_training:
        for _ in range(a.runs):
            print(json.dumps({"stroke_to_prediction_ms_while_training": latency_while_training(
                a.model, a.while_training, a.repeats, interval_ms=a.interval_ms, size=size,
                why=a.why_view, digit=a.digit),
                "switch_interval_ms": 1000 * sys.getswitchinterval(),
                "uptime": _uptime()}), flush=True)
    elif a.what in ("latency", "all"):
        for _ in range(a.runs if a.what == "latency" else 1):  # each run a new window
            for interval in (a.interval_ms, None):
                print(json.dumps({"stroke_to_prediction_ms": stroke_latency(
                    a.model, a.repeats, interval_ms=interval, size=size, why=a.why_view,
                    digit=a.digit, new_model=a.new_model),
                    "switch_interval_ms": 1000 * sys.getswitchinterval(),
                    "uptime": _uptime()}), flush=True)
    if a.what == "screenshot":
        print(screenshot(a.out, a.model))
    if a.what == "gui-vs-cli":
        print(json.dumps({"gui_vs_cli": gui_vs_cli(a.rounds, a.preset, a.model)}), flush=True)
    if a.what in ("stall", "all"):
        print(json.dumps({"event_loop_lateness_ms": stall_while_training(
            a.seconds, a.model, preset=a.preset, workers=a.workers)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
