"""TrainingController: starts, pauses and stops the worker thread; feeds snapshots to the state."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from nndesk.gui.engine_text import translate_engine
from nndesk.gui.i18n import tr
from nndesk.gui.state import IDLE, LOADING, PAUSED, RUNNING, AppState
from nndesk.gui.worker import TrainWorker, start_worker

__all__ = ["TrainingController"]


class TrainingController(QObject):
    """One run at a time. Re-emits the worker's signals for the panels the window wires."""

    run_started = Signal(str, object)  # run name, history already done (a resumed run)
    batch_done = Signal(object)
    epoch_done = Signal(object)
    message = Signal(str)  # a status line
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
        self._snap_net = None
        self._run_spec: dict = {}
        self._model_before = None  # (network, path, metadata) to restore if nothing trained

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
        from nndesk.paths import runs_dir

        folder = runs_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        out = folder / f"run-{stamp}.npz"
        self.checkpoint = Path(resume) if resume else folder / f"run-{stamp}.ckpt.npz"
        self.runs += 1
        self._model_before = (s.network, s.model_path, s.metadata)
        self._snap_net = None
        worker = TrainWorker(None if resume else s.spec, s.config, out=out,
                             checkpoint=self.checkpoint, resume=resume, data=self.data,
                             data_dir=self.data_dir)
        worker.started.connect(self._on_started)
        worker.batch_done.connect(self.batch_done)
        worker.epoch_done.connect(self.epoch_done)
        worker.snapshot.connect(self._on_snapshot)
        worker.errored.connect(lambda text: self.error.emit(tr("Training stopped"), text))
        worker.finished.connect(self._on_finished)
        self.worker = worker
        s.set_training(LOADING)
        self.thread = start_worker(worker)
        self.thread.finished.connect(self._on_thread_finished)
        return True

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
        self.thread.wait(timeout_ms)
        QCoreApplication.sendPostedEvents()  # deliver the worker's last signals now
        ckpt = self.checkpoint
        return ckpt if ckpt is not None and ckpt.is_file() else None

    # -- worker signals (GUI thread) --------------------------------------------------------
    def _on_started(self, info: dict) -> None:
        if self.state.training == LOADING:
            self.state.set_training(PAUSED if self.worker and self.worker.pause_requested
                                    else RUNNING)
        cfg, spec = info["config"], info["spec"]
        name = (f"{self.runs}: {spec.get('name', 'network')} · {cfg['optimizer']} "
                f"lr {cfg['lr']:g}")
        self._run_spec = spec
        self.run_started.emit(name, info["history"])
        self.message.emit(tr("Training {epochs} epochs of {batches} batches…").format(
            epochs=info["epochs"], batches=info["batches"]))

    def _on_snapshot(self, weights: dict) -> None:
        from nndesk.nn import Network

        try:
            if self._snap_net is None:
                self._snap_net = Network.from_spec(self._run_spec)
            self._snap_net.load_state_dict(weights)
        except (ValueError, AttributeError):
            return  # a snapshot that does not fit: keep showing the previous one
        self.state.set_model(self._snap_net, source="snapshot")

    def _on_finished(self, info: dict) -> None:
        if self.thread is not None:  # run() has returned: the thread ends within moments
            self.thread.wait(5000)
            self._on_thread_finished()  # so Train works again as soon as the panel says so
        self.state.set_training(IDLE)
        out = info.get("out")
        if out:
            from nndesk.train import ModelFileError, load_model

            try:
                m = load_model(out)
                self.state.set_model(m.network, path=out, metadata=m.metadata)
            except ModelFileError as err:
                self.error.emit(tr("Cannot read the trained model"), str(err))
        elif self._model_before is not None and info.get("stopped") == "error":
            net, path, meta = self._model_before
            self.state.set_model(net, path=path, metadata=meta)
        acc = (info.get("test") or {}).get("accuracy")
        text = translate_engine(info.get("message", ""))
        if acc is not None:
            text += tr(" · test accuracy {acc}%").format(acc=f"{100 * acc:.2f}")
        if out:
            text += tr(" · saved to {path}").format(path=out)
        if info.get("stopped") == "diverged":
            self.error.emit(tr("Training diverged"), tr(
                "{message}\n\nLower the learning rate in the Training settings and train again."
            ).format(message=translate_engine(info.get("message", ""))))
        self.message.emit(text[:1].upper() + text[1:])
        self.finished.emit(info)

    def _on_thread_finished(self) -> None:
        if self.thread is not None and self.thread.isFinished():
            self.thread.deleteLater()
            if self.worker is not None:
                self.worker.deleteLater()
            self.thread, self.worker = None, None
            self.state.set_training(IDLE)
