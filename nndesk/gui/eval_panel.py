"""EvalPanel: the loaded model on the test set, the user's own digit folder or the held-out pen
digits: per-digit accuracy, a confusion heat map whose cells show their images, and the
misclassified digits (mistake_gallery.py: click one to put it on the canvas)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, Qt, QThread
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.confusion_view import ConfusionHeatMap
from nndesk.gui.eval_thread import (
    RUNNING,
    SOURCE_NAMES,
    STAGES,
    EvalThread,
)
from nndesk.gui.i18n import fill, tr
from nndesk.gui.jobs import delete_when_finished
from nndesk.gui.live_text import LiveTexts
from nndesk.gui.mistake_gallery import MistakeGallery
from nndesk.gui.nobreak import WrapLabel
from nndesk.gui.state import AppState
from nndesk.insight.reject import calibrated

__all__ = ["EvalPanel", "EvalThread"]  # EvalThread: from eval_thread.py


class EvalPanel(QWidget):
    """Evaluates state.network when shown (never while hidden), in an EvalThread."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.evaluation = None  # nndesk.insight.evaluation.Evaluation of the shown model
        self.images: np.ndarray | None = None  # the test images it was computed on
        self._thread: EvalThread | None = None
        self.stage: str | None = None  # the running job's stage (a key of STAGES)
        self._stale = True
        self._temperature: float | None = None  # the calibration applied to the gallery
        # the title's two parts: whose numbers are shown (None: none), and what happens now
        self._numbers: Callable[[], str] | None = None
        self._status: Callable[[], str] | None = None
        self._evaluating: Callable[[], str] = str  # the model of the running evaluation

        self.title = WrapLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.title.setWordWrap(True)  # two parts: whose numbers, and what happens now
        self.run_button = QPushButton(tr("Evaluate"))
        self.run_button.setToolTip(tr("Measure the model on every test image"))
        self.run_button.clicked.connect(self.start)
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.source = QComboBox()
        self.source.setToolTip(tr("The images to measure the model on"))
        from nndesk.insight.evaluation import pendigits_available

        for key, name in SOURCE_NAMES.items():
            if key != "pendigits" or pendigits_available():  # pen digits: when present
                self.source.addItem(tr(name), key)
        self.source.currentIndexChanged.connect(lambda _: self.state.network and self.start())
        top = QHBoxLayout()
        for w in (self.title, self.source, self.progress, self.run_button, self.stop_button):
            top.addWidget(w, 1 if w is self.title else 0)

        self.heat = ConfusionHeatMap()
        self.heat_image = self.heat.image_item
        self.heat.cell_clicked.connect(lambda true, pred: self.show_cell((true, pred)))
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.heat, 1)  # each digit's accuracy: on its right axis, by its row

        self.live = LiveTexts(title=self.title.setText,
                              progress=self.progress.setFormat)  # texts of several pieces
        self.mistakes = MistakeGallery(state)
        self.gallery, self.gallery_title = self.mistakes.list, self.mistakes.title
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.mistakes)
        split.setSizes([420, 520])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        state.model_changed.connect(self._on_model_changed)
        self._on_model_changed()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        """The least height at `width` (the title's lines, the map's and the gallery's least):
        the dock's scroll area makes the panel this tall at least, and with the preferred
        height a 1280x720 window's bottom dock scrolled the map's axis label away."""
        return self.layout().totalMinimumHeightForWidth(width)

    # -- when to compute ----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """True while an evaluation runs."""
        return self._thread is not None

    def _on_model_changed(self) -> None:
        s = self.state
        self._stale = True
        self.run_button.setEnabled(s.network is not None)
        if s.network is None:
            self._show_title(lambda: tr("Evaluation: no model yet"))
        elif s.model_source == "snapshot":  # training: once a second; evaluate on request
            if not self.busy:  # else the running evaluation's title names its snapshot
                self._show_title(lambda: tr(
                    "Evaluation: the network being trained (press Evaluate)")
                    if self._numbers is None else tr(
                    "now the network being trained (press Evaluate)"))
            return
        if self.isVisible() and s.network is not None:
            self.start()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self._stale and self.state.network is not None and self.state.model_source == "file":
            self.start()

    def start(self) -> None:
        """Evaluate the current model in the background (an evaluation running is dropped)."""
        s = self.state
        if s.network is None:
            return
        self.stop()
        meta = s.metadata.get("data") if s.model_source == "file" else None
        dataset = meta.get("dataset") if isinstance(meta, dict) else None
        self._dataset = dataset if dataset in ("mnist", "fashion") else "mnist"
        self._stale = False
        self._temperature = self._calibration_temperature()
        key = self.source.currentData()
        thread = EvalThread(s.model_spec, s.network.state_dict(), self._dataset, key)
        thread.progressed.connect(self._on_progress)
        thread.staged.connect(self._on_stage)
        thread.done.connect(self._on_done)
        thread.failed.connect(self._on_failed)
        thread.finished.connect(self._on_thread_finished)
        delete_when_finished(thread, RUNNING)
        self._thread = thread
        self._on_stage("read")
        self.stop_button.setEnabled(True)
        data = self._dataset.upper() if self._dataset == "mnist" else "Fashion-MNIST"
        model = self._evaluating = self._model_name()
        self._show_title(lambda: fill(tr("Evaluating {model} on the {dataset} test set…"),
                                      model=model(), dataset=data) if key == "test" else fill(
            tr("Evaluating {model} on {what}…"), model=model(), what=tr(SOURCE_NAMES[key])))
        thread.start(QThread.Priority.LowPriority)

    def _model_name(self) -> Callable[[], str]:
        """Writes the current model's name: its file's, or the network being trained at its
        step (and the clock time: two runs' snapshots are told apart)."""
        s = self.state
        if s.model_source == "snapshot":
            step, clock = (s.snapshot_at or {}).get("step"), time.strftime("%H:%M:%S")
            if step is None:
                return lambda: tr("the network being trained ({time})").format(time=clock)
            return lambda: tr("the network being trained at step {step} ({time})").format(
                step=f"{step:,}", time=clock)
        name = Path(s.model_path).name if s.model_path else None
        return (lambda: name) if name else (lambda: tr("the loaded model"))

    def _show_title(self, status: Callable[[], str] | None) -> None:
        """The title: whose numbers are shown (when any), then `status` (what happens now);
        the shown numbers are always named (they stayed under a title naming another model)."""
        self._status = status
        parts = [p for p in (self._numbers, status) if p is not None]
        self.live.show("title", lambda: " · ".join(p() for p in parts))

    def _calibration_temperature(self) -> float | None:
        """The loaded model file's calibration temperature (None: no calibration, or the
        network being trained, whose weights the calibration was not fitted to)."""
        from nndesk.insight.reject import model_temperature

        return model_temperature(self.state.metadata) if self.state.model_source == "file" \
            else None

    def stop(self) -> None:
        """Drop the running evaluation (it ends after its current batch)."""
        if self._thread is not None:
            self._thread.requestInterruption()
            for sig in (self._thread.done, self._thread.progressed, self._thread.failed,
                        self._thread.staged):
                sig.disconnect()
            self._thread, self.stage = None, None
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.live.show("progress", lambda: tr("stopped"))
            self._show_title(lambda: tr("Evaluation stopped"))
        self.stop_button.setEnabled(False)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().hideEvent(event)
        if self.busy:  # hidden: nothing is computed; shown again, it starts over
            self.stop()
            self._stale = True

    def _on_thread_finished(self) -> None:
        if self.sender() is self._thread:   # not one dropped by `stop` (no call into it)
            self._thread = None
            self.stop_button.setEnabled(False)
        from nndesk.nn.memory import release_freed_memory

        release_freed_memory()  # the job's images and batches: back to the system (not kept)

    def _on_stage(self, stage: str) -> None:
        self.stage = stage
        text = self.live.show("progress", lambda: tr(STAGES[stage]))
        wide = text.replace("%v", "00000").replace("%m", "00000")  # room for the numbers
        self.progress.setMinimumWidth(self.progress.fontMetrics().horizontalAdvance(wide) + 30)
        self.progress.setRange(0, 0 if stage == "read" else 1)  # reading: busy, no steps
        self.progress.setValue(0)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_failed(self, text: str) -> None:
        self._show_title(lambda: text)
        self.progress.setRange(0, 1)  # no busy bar left running
        self.live.show("progress", lambda: tr("failed"))

    # -- showing ------------------------------------------------------------------------------
    def _on_done(self, result: tuple) -> None:
        self.evaluation, self.images = result
        if self._temperature is not None:  # the answers `nndesk predict` gives these images
            self.evaluation.probabilities = calibrated(self.evaluation.probabilities,
                                                       self._temperature)
        self.stage = None
        r = self.evaluation.report
        key = self.source.currentData()
        self.live.show("progress", lambda: tr("done: {n} images").format(n=f"{r['n']:,}"))
        model = self._evaluating
        self._numbers = lambda: tr("{model}: accuracy {acc}% on {n} images ({what})").format(
            model=model(), acc=f"{100 * r['accuracy']:.2f}", n=f"{r['n']:,}",
            what=tr(SOURCE_NAMES[key]))
        self._show_title(None)
        self.heat.set_confusion(r["confusion"])
        self.heat.set_row_accuracy(r["per_digit"])
        self.mistakes.set_evaluation(self.evaluation, self.images, self._temperature is not None)

    @property
    def shown_indices(self) -> np.ndarray:
        """The images listed in the gallery (indices into `images`)."""
        return self.mistakes.shown_indices

    def show_cell(self, cell: tuple[int, int] | None) -> None:
        """Show the images of one confusion cell (true, predicted), or every mistake (None)."""
        self.mistakes.show_cell(cell)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """View ▸ Language: the title and the progress text anew (the gallery: its own)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.live.refresh()
