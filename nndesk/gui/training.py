"""TrainingController: starts, pauses and stops the worker thread; feeds snapshots to the state."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from nndesk.gui.engine_text import translate_engine
from nndesk.gui.i18n import tr
from nndesk.gui.jobs import install_quit_hook
from nndesk.gui.run_health import RunHealth
from nndesk.gui.run_names import run_name, run_tip
from nndesk.gui.run_verdicts import RunVerdicts
from nndesk.gui.run_watch import finish_line, keeps_model_before, untrainable
from nndesk.gui.snapshot_net import SnapshotNetwork
from nndesk.gui.state import IDLE, LOADING, PAUSED, RUNNING, AppState
from nndesk.gui.worker import TrainWorker, start_worker

__all__ = ["TrainingController"]


class TrainingController(QObject):
    """One run at a time. Re-emits the worker's signals for the panels the window wires."""

    run_started = Signal(str, object)  # run name, history already done (a resumed run)
    earlier_batches = Signal(object)  # a resumed run's batch losses before the interruption
    evaluating = Signal()  # training is done; the test set is being evaluated, then saved
    warning = Signal(str)  # the run goes wrong (diverging, not learning): shown while it runs
    batch_done = Signal(object)
    epoch_done = Signal(object)
    diverged = Signal(int, float)  # the trainer stopped the run: at which batch, its loss
    message = Signal(object)  # a status line: a str, or a function writing it (see _finish_line)
    error = Signal(str, str)  # title, text: shown as a dialog
    finished = Signal(object)

    def __init__(self, state: AppState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.worker: TrainWorker | None = None
        self.thread: QThread | None = None
        self.checkpoint: Path | None = None
        self.runs = 0
        self.data = None  # tests hand in a small Splits; None = load MNIST in the thread
        self.data_dir: str | None = None
        self.snapshots = SnapshotNetwork()  # the canvas's copy of the run's network
        # the run's curve, divergence and not-learning warning (run_verdicts.py)
        self.verdicts = RunVerdicts(state, self._run_config, self)
        self.verdicts.warning.connect(self.warning)
        self._run_spec: dict = {}
        self.run_settings: dict | None = None  # {"spec", "config"} of the run started last
        self.run_title: Callable[[], str] | None = None  # its name, in the current language
        self.run_tip: Callable[[], str] | None = None  # its tooltip: the whole name
        self._model_before = None  # (network, path, metadata) to restore if nothing trained
        self._last_where: dict | None = None  # the last batch reported: its step, epoch, batch
        # confirm_worse(new, old) -> bool: asked when the trained model's test accuracy is
        # below the one of the model the canvas had (the window asks the user); None: never
        self.confirm_worse: Callable[[float, float], bool] | None = None

    @property
    def health(self) -> RunHealth:
        """Layer health's measurement for the not-learning hint (RunVerdicts')."""
        return self.verdicts.health

    @property
    def diverging(self) -> bool:
        """The current run's loss has blown up (see run_watch.is_diverging)."""
        return self.verdicts.diverging

    @property
    def busy(self) -> bool:
        """True while a worker thread exists."""
        return self.thread is not None

    def start(self, resume: str | Path | None = None) -> bool:
        """Train state.spec with state.config (or resume a checkpoint) on a new thread."""
        s = self.state
        if self.busy:
            return False
        if resume is None and (s.spec_error is not None or not s.spec.get("layers")):
            self.error.emit(tr("The design has a problem"), tr(
                "{problem}\n\nFix the marked layer in the designer, then train.").format(
                problem=translate_engine(str(s.spec_error)) if s.spec_error is not None
                else tr("The network has no layers.")))
            return False
        if resume is None and untrainable(s.spec) is not None:
            self.error.emit(*untrainable(s.spec))  # pen paths: the window trains on images
            return False
        from nndesk.paths import runs_dir

        s.ensure_config()
        folder = runs_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        out = folder / f"run-{stamp}.npz"
        self.checkpoint = Path(resume) if resume else folder / f"run-{stamp}.ckpt.npz"
        self.runs += 1
        self._model_before = (s.network, s.model_path, s.metadata)
        self.snapshots.clear()
        self._last_where = None
        self.verdicts.reset()
        worker = TrainWorker(None if resume else s.spec, s.config, out=out,
                             checkpoint=self.checkpoint, resume=resume, data=self.data,
                             data_dir=self.data_dir, tensorboard=self._tensorboard_dir(
                                 folder, self.checkpoint))
        worker.started.connect(self._on_started)
        worker.batch_done.connect(self._on_batch_done)
        worker.epoch_done.connect(self._on_epoch_done)
        worker.snapshot.connect(self._on_snapshot)
        worker.evaluating.connect(self.evaluating)
        worker.errored.connect(lambda text: self.error.emit(tr("Training stopped"), text))
        worker.finished.connect(self._on_finished)
        self.worker = worker
        install_quit_hook()  # at quit, a run still going is stopped and its process ends
        s.set_training(LOADING)
        self.thread = start_worker(worker)
        self.thread.finished.connect(self._on_thread_finished)
        return True

    def _tensorboard_dir(self, runs: Path, checkpoint: Path) -> Path | None:
        """<runs>/tensorboard/<run name> when the setting is on (a resumed run continues its
        own folder: the name comes from the checkpoint, run-x.ckpt.npz -> run-x)."""
        if not self.state.config.get("tensorboard"):
            return None
        return runs / "tensorboard" / checkpoint.name.removesuffix(".npz").removesuffix(".ckpt")

    def toggle_pause(self) -> None:
        """Pause a running run, resume a paused one."""
        if self.worker is None:
            return
        if self.state.training == PAUSED:
            self.worker.resume()
            self.state.set_training(RUNNING)
            self.message.emit(tr("Training resumed."))
        elif self.state.training == RUNNING:
            self.worker.pause()
            self.state.set_training(PAUSED)
            self.message.emit(tr("Paused — press Resume to continue."))

    def stop(self) -> None:
        """Ask the run to end after the current batch (a checkpoint is written)."""
        if self.worker is not None:
            self.worker.stop()
            self.message.emit(tr("Stopping after this batch…"))

    def shutdown(self, timeout_ms: int = 120_000) -> Path | None:
        """Stop and wait for the thread (window closing); the checkpoint path if one exists."""
        if self.thread is None:
            return None
        self.worker.stop()
        if not self.thread.wait(timeout_ms):  # the child did not stop in time: end it
            self.worker.remote.kill()
            self.thread.wait(10_000)
        QCoreApplication.sendPostedEvents()  # deliver the worker's last signals now
        ckpt = self.checkpoint
        if ckpt is None or not ckpt.is_file():
            return None
        self.verdicts.save_curve(ckpt)
        return ckpt

    # -- worker signals (GUI thread) --------------------------------------------------------
    def _on_started(self, info: dict) -> None:
        if self.state.training == LOADING:
            self.state.set_training(PAUSED if self.worker and self.worker.pause_requested
                                    else RUNNING)
        cfg, spec = info["config"], info["spec"]
        number, before = self.runs, self.run_settings
        self.run_title = lambda: run_name(number, spec, cfg, before)  # anew at View ▸ Language
        self.run_tip = lambda: run_tip(number, spec, cfg, before)  # the whole, in the list
        name = self.run_title()
        self._run_spec = spec
        self.snapshots.start(spec)  # the canvas's copy of the network, made off this thread
        self.verdicts.started()  # this run's own verdict
        self.run_settings = {"spec": spec, "config": dict(cfg)}  # what Compare runs shows
        if info.get("resumed"):  # the panels describe the run that continues
            self.state.set_spec(spec)
            self.state.set_config(**cfg)
        self.run_started.emit(name, info["history"])
        if info.get("resumed") and self.checkpoint is not None:
            earlier = self.verdicts.load_curve(self.checkpoint, int(info.get("step", 0)))
            if earlier:
                self.earlier_batches.emit(earlier)
        self.message.emit(tr("Training {epochs} epochs of {batches} batches…").format(
            epochs=info["epochs"], batches=info["batches"]))

    def _on_batch_done(self, info: dict) -> None:
        if info.get("steps") and "epoch" in info:
            self._last_where = {"step": int(info["steps"][-1]), **{
                k: int(info[k]) for k in ("epoch", "epochs", "batch", "batches")}}
        if self.verdicts.batch(info):  # the loss blows up: the canvas gets its model back
            if self.state.model_source == "snapshot" and self._model_before is not None:
                net, path, meta = self._model_before
                self.state.set_model(net, path=path, metadata=meta)
            self.verdicts.warn_diverging()
        self.batch_done.emit(info)

    def _on_epoch_done(self, record: dict) -> None:
        self.verdicts.epoch(record)
        self.epoch_done.emit(record)

    def _run_config(self) -> dict:
        """The training settings of the run (the panel's while none has started)."""
        return (self.run_settings or {}).get("config") or dict(self.state.config or {})

    def failed(self, info: dict) -> bool:
        """True when the run's weights must not replace the canvas model (RunVerdicts)."""
        return self.verdicts.failed(info)

    def _on_snapshot(self, weights: dict, where: dict | None = None) -> None:
        if self.diverging:
            return  # a blown-up network never takes the canvas
        net = self.snapshots.load(weights)
        if net is None:
            return  # its copy is still being made (at the run's start), or it does not fit
        self.state.set_model(net, source="snapshot", at=where)

    def _on_finished(self, info: dict) -> None:
        if self.thread is not None:  # run() has returned: the thread ends within moments
            self.thread.wait(5000)
            self._on_thread_finished()  # so Train works again as soon as the panel says so
        failed = self.failed(info)
        if info.get("state_dict") is not None and not failed and self._last_where is not None:
            # the run's trained weights as its last snapshot, before the run is over: the
            # views following the run (layer health) end on them, not on an early snapshot
            self._on_snapshot(info["state_dict"], dict(self._last_where))
        self.state.set_training(IDLE)
        if info.get("stopped") == "error" and info.get("checkpoint") and self.verdicts.steps:
            self.verdicts.save_curve(Path(info["checkpoint"]))  # the child died: its curve is kept
        out = info.get("out")
        kept = False
        if out and not failed:
            from nndesk.train import ModelFileError, load_model

            try:
                m = load_model(out)
            except ModelFileError as err:
                self.error.emit(tr("Cannot read the trained model"), translate_engine(err))
            else:
                kept = keeps_model_before(self._model_before, m.metadata.get("accuracy"),
                                          self.confirm_worse)
                net, path, meta = (self._model_before if kept else
                                   (m.network, out, m.metadata))
                self.state.set_model(net, path=path, metadata=meta)
        elif self._model_before is not None and (failed or info.get("stopped") == "error"):
            net, path, meta = self._model_before  # a diverged model never takes the canvas
            self.state.set_model(net, path=path, metadata=meta)
        where = info.get("diverged_at")
        if info.get("stopped") == "diverged" and where:
            self.diverged.emit(int(where["step"]), float(where["loss"]))
        self.message.emit(finish_line(info, failed and info.get("stopped") != "error"
                                       and self._model_before is not None, kept))
        if info.get("stopped") == "diverged":
            self.error.emit(tr("Training diverged"), tr(
                "{message}\n\nLower the learning rate in the Training settings and train again."
            ).format(message=translate_engine(info.get("message", ""))))
        self.finished.emit(info)

    def _on_thread_finished(self) -> None:
        if self.thread is not None and self.thread.isFinished():
            self.thread.wait()  # isFinished() is already true while the thread is finishing
            self.thread.deleteLater()
            if self.worker is not None:  # back on this thread (TrainWorker.run's end)
                self.worker.deleteLater()
            self.thread, self.worker = None, None
            self.state.set_training(IDLE)

