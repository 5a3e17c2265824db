"""TrainWorker: runs a training session in a child process (nndesk.train.remote) and turns its
messages into Qt signals, from a QThread that only relays them."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from nndesk.gui.drawing_jobs import drawn_within
from nndesk.gui.run_messages import crash_text, explain, tensorboard_problem

__all__ = ["TrainWorker", "start_worker", "BATCH_INTERVAL_S", "explain", "crash_text"]

BATCH_INTERVAL_S = 0.25  # batch_done at most 4 times a second: the plots redraw that often
# (each redraw ~10 ms of the window thread: benchmarks/gui_vs_cli.md)
SNAPSHOT_INTERVAL_S = 1.0  # weight copies for the canvas and the filter view, once a second
RECEIVE_POLL_S = 0.5  # the relay thread looks at the child at least this often
# While the canvas is drawn on (a drawing handed to its reader in the last 0.1 s,
# `drawing_jobs.drawn_within`) the losses and the snapshot wait, HOLD_MAX_S at most: the
# plots' redraw and a snapshot's handling on the GUI thread (the canvas's model refilled,
# its answer and views redone) came first and the strokes' events queued behind them. (At
# 1 s, 3.5 s of drawing released them mid-drawing as one burst: p99 no better than none.)
HOLD_MAX_S = 5.0
HOLD_POLL_S = 0.02  # ... and are looked at this often while held
# Signals carry dicts as `object`: PySide6 6.12 converting `dict` payloads between threads
# crashed the process (a refcount error on None) after a few hundred signals.


class TrainWorker(QObject):
    """One training run, in a child process (`nndesk.train.remote.RemoteRun`): this object's
    thread relays the child's messages as signals. Signals carry floats and copied arrays."""

    started = Signal(object)  # data loaded, trainer built: epochs, batches, spec, history
    batch_done = Signal(object)  # steps, losses (lists since the last signal), progress
    epoch_done = Signal(object)  # the trainer's epoch record
    snapshot = Signal(object, object)  # a weight copy (state_dict), where (the batch after)
    evaluating = Signal()  # the last epoch is done: the test set is being evaluated
    held = Signal(int)  # the child's loop is held by a pause, after this many steps
    errored = Signal(str)  # a message for the user
    finished = Signal(object)  # stopped, message, diverged_at, out, checkpoint, metadata

    def __init__(self, spec: dict | None, config: dict, *, out: str | Path | None = None,
                 checkpoint: str | Path | None = None, resume: str | Path | None = None,
                 data=None, data_dir: str | Path | None = None,
                 tensorboard: str | Path | None = None) -> None:
        super().__init__()
        from nndesk.nn.parallel import workers
        from nndesk.train.remote import RemoteRun

        self.spec, self.config = spec, dict(config)
        self.out, self.checkpoint, self.resume_from = out, checkpoint, resume
        self.data, self.data_dir = data, data_dir
        self.tensorboard = tensorboard  # a folder: the child logs the run there
        # no tensorboardX here: none in the child either; said at once, the run trains
        self._tb_missing = tensorboard is not None and not _importable("tensorboardX")
        self.remote = RemoteRun(spec, {"snapshot_every_s": SNAPSHOT_INTERVAL_S, **self.config},
                                out=out, checkpoint=checkpoint, resume=resume, data=data,
                                data_dir=data_dir,
                                tensorboard=None if self._tb_missing else tensorboard,
                                workers=workers())  # the window's policy (app.finish_window)
        self._pause_requested = False
        self._stop_asked = False  # a child killed after a stop (closing) is no news
        self._pending_steps: list[int] = []
        self._pending_losses: list[float] = []
        self._last_emit = 0.0
        self._epochs = int(config.get("epochs", 1))
        self._batches = 1
        self._batch_size = int(config.get("batch_size", 100))
        self._last_batch: dict = {}
        self._snapshot: tuple | None = None  # (weights, where) held while the pen moves
        self._held_since: float | None = None  # perf_counter s the oldest held news came
        self.step = 0  # the last step the child reported
        self.held_at: int | None = None  # the step a pause held the child at (None: running)

    # -- control, from the GUI thread (RemoteRun is thread-safe) -----------------------------
    def pause(self) -> None:
        """Hold training before the next batch (also asked before the child exists)."""
        self._pause_requested = True
        self.remote.pause()

    @property
    def pause_requested(self) -> bool:
        """True between pause() and resume()."""
        return self._pause_requested

    def resume(self) -> None:
        """Continue a paused run."""
        self._pause_requested = False
        self.held_at = None
        self.remote.resume()

    def stop(self) -> None:
        """End the run before the next batch; the child writes a checkpoint (a stopped run
        skips the test-set evaluation, so closing the window never waits for it)."""
        self._pause_requested = False
        self._stop_asked = True
        self.remote.stop()

    @property
    def pid(self) -> int | None:
        """The child process's id while it runs."""
        return self.remote.pid

    # -- the thread's work ------------------------------------------------------------------
    @Slot()
    def run(self) -> None:
        """Start the child and relay its messages until it finishes, fails or dies."""
        try:
            self._relay()
        finally:
            # Back to the GUI thread before this thread ends: a deleteLater posted to an
            # object whose thread has ended never runs, and the worker (its RemoteRun, its
            # last batch) stayed alive after every run. The controller deletes it there.
            app = QCoreApplication.instance()
            if app is not None:
                self.moveToThread(app.thread())

    def _relay(self) -> None:
        from nndesk.train.remote import ChildGone

        try:
            self.remote.start()  # before lowering this thread: a forkserver started here
        except Exception as err:  # noqa: BLE001 (no process: said as a dialog, never a crash)
            self._failed(explain("other", str(err)), str(err))
            return
        _lower_thread_priority()  # unpickling the child's messages yields to the GUI thread
        try:
            while True:
                try:
                    message = self.remote.receive(
                        RECEIVE_POLL_S if self._held_since is None else HOLD_POLL_S)
                except ChildGone as gone:
                    self._flush()
                    text = crash_text(gone.exitcode, self._last_checkpoint())
                    self._failed(text, text, say=not self._stop_asked)  # not while closing
                    return
                if message is not None and self._handle(message):
                    return
                self._release()
        finally:
            self.remote.close()

    def _handle(self, message: tuple) -> bool:
        """One message from the child; True when it was the last."""
        kind = message[0]
        if kind == "batch":
            for info in message[1]:
                self._on_batch(info)
        elif kind == "snapshot":
            self._on_snapshot(message[1])
        elif kind == "epoch":
            self._on_epoch(message[1])
        elif kind == "held":
            self._flush()
            self.held_at = int(message[1])
            self.held.emit(self.held_at)
        elif kind == "evaluating":
            self.evaluating.emit()
        elif kind == "started":
            self._on_started(message[1])
        elif kind == "finished":
            self._flush()
            self.finished.emit(self._finished_info(message[1]))
            return True
        elif kind == "error":
            self._flush()
            self._failed(explain(message[1], message[2]), message[2])
            return True
        return False

    def _failed(self, text: str, message: str, say: bool = True) -> None:
        if say:
            self.errored.emit(text)
        self.finished.emit({"stopped": "error", "message": message, "out": None,
                            "checkpoint": self._last_checkpoint(), "metadata": {}})

    def _last_checkpoint(self) -> str | None:
        """The run's checkpoint file when one is on disk (end of an epoch, or a stop)."""
        ckpt = self.checkpoint
        return str(ckpt) if ckpt is not None and Path(ckpt).is_file() else None

    def _on_started(self, info: dict) -> None:
        self._epochs, self._batches = info["epochs"], info["batches"]
        self._batch_size = info["batch_size"]  # a resumed run's, not the window's
        self.step = int(info.get("step", 0))
        self.started.emit(info)

    def _finished_info(self, result: dict) -> dict:
        problem = result.pop("tensorboard", None)
        if self._tb_missing:
            problem = ("missing", "")
        if self.tensorboard is not None:
            result["tensorboard"] = {"dir": str(self.tensorboard),
                                     "problem": tensorboard_problem(problem)}
        else:
            result["tensorboard"] = None
        return result

    # -- the child's records (relay thread) -------------------------------------------------
    def _progress(self, epoch: int, batch: int, images_per_s: float) -> dict:
        done = (epoch - 1) * self._batches + batch
        total = self._epochs * self._batches
        left_images = (total - done) * self._batch_size
        return {"epoch": epoch, "epochs": self._epochs, "batch": batch, "batches": self._batches,
                "fraction": done / max(total, 1),
                "images_per_s": images_per_s,
                "eta_s": left_images / images_per_s if images_per_s > 0 else None}

    def _on_batch(self, info: dict) -> None:
        self._pending_steps.append(int(info["step"]))
        self._pending_losses.append(float(info["loss"]))
        self._last_batch = info
        self.step = int(info["step"])
        self._release()

    def _release(self) -> None:
        """Send the losses (at most every BATCH_INTERVAL_S) and a snapshot that came, unless
        the canvas is being drawn on and they have waited less than HOLD_MAX_S."""
        now = time.perf_counter()
        due = (self._snapshot is not None or (
            self._pending_steps and now - self._last_emit >= BATCH_INTERVAL_S))
        if not due:
            return
        if drawn_within():
            self._held_since = self._held_since or now
            if now - self._held_since < HOLD_MAX_S:
                return
        self._last_emit = now
        self._flush()

    def _flush(self) -> None:
        """Send the losses gathered since the last signal, with the progress so far, and
        the snapshot held (before any other news: an epoch, a pause, the end)."""
        self._held_since = None
        if self._pending_steps:
            b = self._last_batch
            self.batch_done.emit({"steps": self._pending_steps, "losses": self._pending_losses,
                                  **self._progress(b["epoch"], b["batch"], b["images_per_s"])})
            self._pending_steps, self._pending_losses = [], []
        if self._snapshot is not None:
            weights, where = self._snapshot
            self._snapshot = None
            self.snapshot.emit(weights, where)  # weights: a copy made by the child

    def _on_epoch(self, record: dict) -> None:
        self._flush()
        self.epoch_done.emit(dict(record))

    def _on_snapshot(self, weights: dict) -> None:
        # the weights after the last batch reported (step 0: before the first)
        b = self._last_batch
        where = {"step": int(b.get("step", 0)), "epoch": int(b.get("epoch", 1)),
                 "batch": int(b.get("batch", 0)), "epochs": self._epochs,
                 "batches": self._batches}
        self._snapshot = (weights, where)  # a newer one replaces one still held
        self._release()


def _lower_thread_priority(niceness: int = 10) -> None:
    """Let the OS prefer the GUI thread: on Linux a thread has its own nice value."""
    if not hasattr(os, "setpriority"):
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + niceness)
    except OSError:
        pass


def _importable(name: str) -> bool:
    """True when `import name` would find the module (nothing is imported)."""
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def start_worker(worker: TrainWorker) -> QThread:
    """Move `worker` to a new QThread and start it; the thread quits when the run finishes."""
    thread = QThread()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # Direct: quit() is thread-safe, and the GUI thread may be blocked in thread.wait().
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.start()
    return thread
