"""TrainWorker: runs a TrainSession on a QThread and turns its callbacks into Qt signals."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

__all__ = ["TrainWorker", "start_worker", "BATCH_INTERVAL_S"]

BATCH_INTERVAL_S = 0.25  # batch_done at most 4 times a second: the plots redraw that often
# (each redraw ~10 ms of the window thread, which two training workers compete with for the
# two cores and the GIL: benchmarks/gui_vs_cli.md)
SNAPSHOT_INTERVAL_S = 1.0  # weight copies for the canvas and the filter view, once a second
# Signals carry dicts as `object`: PySide6 6.12 converting `dict` payloads between threads
# crashed the process (a refcount error on None) after a few hundred signals.


class TrainWorker(QObject):
    """One training run. Signals carry floats and copied arrays, never live parameters."""

    started = Signal(object)  # data loaded, trainer built: epochs, batches, spec, history
    batch_done = Signal(object)  # steps, losses (lists since the last signal), progress
    epoch_done = Signal(object)  # the trainer's epoch record
    snapshot = Signal(object, object)  # a weight copy (state_dict), where (the batch after)
    evaluating = Signal()  # the last epoch is done: the test set is being evaluated
    errored = Signal(str)  # a message for the user
    finished = Signal(object)  # stopped, message, out, checkpoint, metadata

    def __init__(self, spec: dict | None, config: dict, *, out: str | Path | None = None,
                 checkpoint: str | Path | None = None, resume: str | Path | None = None,
                 data=None, data_dir: str | Path | None = None,
                 tensorboard: str | Path | None = None) -> None:
        super().__init__()
        self.spec, self.config = spec, dict(config)
        self.out, self.checkpoint, self.resume_from = out, checkpoint, resume
        self.data, self.data_dir = data, data_dir
        self.tensorboard = tensorboard  # a folder: log the run there (nndesk[tensorboard])
        self._tb = None  # the TensorBoardLogger while the run writes one
        self._tb_problem: str | None = None  # why no log was written (said once, at the end)
        from nndesk.train.trainer import TrainControl

        self.session = None
        self.control = TrainControl()  # THE pause/stop flags: the trainer reads these
        self._pending_steps: list[int] = []
        self._pending_losses: list[float] = []
        self._last_emit = 0.0
        self._epochs = int(config.get("epochs", 1))
        self._batches = 1
        self._batch_size = int(config.get("batch_size", 100))
        self._last_batch: dict = {}

    # -- control, from the GUI thread (TrainControl is thread-safe) --------------------------
    def pause(self) -> None:
        """Hold training before the next batch (also asked before the trainer exists)."""
        self.control.pause()

    @property
    def pause_requested(self) -> bool:
        """True between pause() and resume()."""
        return self.control.paused

    def resume(self) -> None:
        """Continue a paused run."""
        self.control.resume()

    def stop(self) -> None:
        """End the run before the next batch; the trainer writes a checkpoint (a stopped run
        skips the test-set evaluation, so closing the window never waits for it)."""
        self.control.stop()

    # -- the thread's work ------------------------------------------------------------------
    @Slot()
    def run(self) -> None:
        """Load data, build the trainer, train with one BLAS thread, report the end."""
        from threadpoolctl import threadpool_limits

        _lower_thread_priority()
        try:
            with threadpool_limits(limits=1):
                self._run()
        except Exception as err:  # any failure becomes a dialog, never a crash
            self.errored.emit(_explain(err))
            self.finished.emit({"stopped": "error", "message": str(err), "out": None,
                                "checkpoint": str(self.checkpoint) if self.checkpoint else None,
                                "metadata": {}})

    def _run(self) -> None:
        from nndesk.train import TrainConfig
        from nndesk.train.session import TrainSession

        cfg = TrainConfig.from_dict({"snapshot_every_s": SNAPSHOT_INTERVAL_S, **self.config})
        session = TrainSession(None if self.resume_from else self.spec,
                               None if self.resume_from else cfg, resume=self.resume_from,
                               data=self.data, data_dir=self.data_dir,
                               checkpoint_path=self.checkpoint,
                               on_batch=self._on_batch, on_epoch=self._on_epoch,
                               on_snapshot=self._on_snapshot, control=self.control)
        trainer = session.trainer
        self._epochs, self._batches = trainer.config.epochs, trainer.batches
        self._batch_size = trainer.config.batch_size  # a resumed run's, not the window's
        self.session = session
        self._open_tensorboard(trainer.net)
        self.started.emit({"epochs": self._epochs, "batches": self._batches,
                           "spec": session.spec, "config": trainer.config.to_dict(),
                           "history": [dict(h) for h in trainer.history],
                           "step": trainer.step, "resumed": self.resume_from is not None})
        try:
            done = session.run(self.out, command="nndesk gui")
        finally:
            if self._tb is not None:
                self._tb.close()
        self._flush()
        r = done.result
        self.finished.emit({"stopped": r.stopped, "message": r.message,
                            "out": str(done.out) if done.out else None,
                            "checkpoint": str(r.checkpoint_path) if r.checkpoint_path else None,
                            "metadata": done.metadata, "test": done.test,
                            "state_dict": session.trainer.net.state_dict(),
                            "tensorboard": None if self.tensorboard is None else
                            {"dir": str(self.tensorboard), "problem": self._tb_problem}})

    def _open_tensorboard(self, net) -> None:
        """Start the TensorBoard log when asked; a missing tensorboardX or an unwritable
        folder leaves the run training without one (the reason goes to `finished`)."""
        if self.tensorboard is None:
            return
        from nndesk.gui.i18n import tr

        try:
            from nndesk.export.tensorboard import TensorBoardLogger

            self._tb = TensorBoardLogger(self.tensorboard, net)
        except ImportError:
            self._tb_problem = tr("no TensorBoard log: pip install 'nndesk[tensorboard]' to "
                                  "write one")
        except OSError as err:
            self._tb_problem = tr("no TensorBoard log: {err}").format(err=err.strerror or err)

    # -- trainer callbacks (training thread) ------------------------------------------------
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
        if self._tb is not None:
            self._tb.on_batch(info)
        now = time.perf_counter()
        if now - self._last_emit >= BATCH_INTERVAL_S:
            self._last_emit = now
            self._flush()

    def _flush(self) -> None:
        """Send the losses gathered since the last signal, with the progress so far."""
        if not self._pending_steps:
            return
        b = self._last_batch
        self.batch_done.emit({"steps": self._pending_steps, "losses": self._pending_losses,
                              **self._progress(b["epoch"], b["batch"], b["images_per_s"])})
        self._pending_steps, self._pending_losses = [], []

    def _on_epoch(self, record: dict) -> None:
        if self._tb is not None:
            self._tb.on_epoch(record)
        self._flush()
        self.epoch_done.emit(dict(record))
        if record.get("epoch", 0) >= self._epochs and not self.control.stopped:
            self.evaluating.emit()

    def _on_snapshot(self, weights: dict) -> None:
        # the weights after the last batch reported (step 0: before the first)
        b = self._last_batch
        where = {"step": int(b.get("step", 0)), "epoch": int(b.get("epoch", 1)),
                 "batch": int(b.get("batch", 0)), "epochs": self._epochs,
                 "batches": self._batches}
        self.snapshot.emit(weights, where)  # weights: already a copy made by the trainer


def _lower_thread_priority(niceness: int = 10) -> None:
    """Let the OS prefer the GUI thread: on Linux a thread has its own nice value."""
    if not hasattr(os, "setpriority"):
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + niceness)
    except OSError:
        pass  # not allowed here: training still works, the window may stutter more


def _explain(err: Exception) -> str:
    """A message that says what went wrong and what to do."""
    from nndesk.data.mnist import DataMissingError
    from nndesk.gui.engine_text import translate_engine
    from nndesk.gui.i18n import tr

    if isinstance(err, DataMissingError):
        return tr("{err}\n\nUse Train again to download MNIST, or put the files there.").format(
            err=err)
    if isinstance(err, MemoryError):
        return tr("Out of memory: use a smaller batch size, fewer filters or fewer training "
                  "images.")
    return tr("Training failed: {err}\n\nCheck the design and the training settings.").format(
        err=translate_engine(str(err)))


def start_worker(worker: TrainWorker) -> QThread:
    """Move `worker` to a new QThread and start it; the thread quits when the run finishes."""
    thread = QThread()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # Direct: quit() is thread-safe, and the GUI thread may be blocked in thread.wait().
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.start()
    return thread
