"""FinetuneDialog: fine-tune the current model on the user's saved digits, in the background.

The work (reading the folder, MNIST, training, measuring) is a `finetune_job.FinetuneJob` on a
worker thread with a copy of the network; the dialog shows progress, Cancel stops between
batches, and the result is only offered: "Save…" writes it, "Use this model" puts it on the
canvas. The loaded model is never replaced silently.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.finetune_job import MNIST_TEST_IMAGES, FinetuneJob
from nndesk.gui.finetune_text import (
    digit_counts,
    intro_text,
    no_digits_text,
    one_line,
    result_metadata,
    summary,
)
from nndesk.gui.float_box import LR_MIN, FloatBox, IntBox
from nndesk.gui.i18n import tr
from nndesk.gui.nobreak import WrapLabel
from nndesk.gui.state import AppState

__all__ = ["FinetuneDialog", "MNIST_TEST_IMAGES", "EPOCHS_KEY", "LR_KEY"]

EPOCHS_KEY, LR_KEY = "finetune/epochs", "finetune/lr"  # QSettings: the last run's choices

class FinetuneDialog(QDialog):
    """Epochs, learning rate, Start/Cancel, a progress bar, the figures before/after, Save…
    and Use."""

    def __init__(self, state: AppState, folder: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.folder = folder
        self.setWindowTitle(tr("Fine-tune on my digits"))
        self.result = None  # the last FinetuneResult (not cancelled)
        self._started_from: tuple | None = None  # (model path, metadata) the run started from
        self._metadata: dict | None = None  # the result's metadata, made once
        self.saved_path: str | None = None
        self.job = FinetuneJob(self)
        self.job.progressed.connect(self._on_progress)
        self.job.finished.connect(self._on_finished)

        self.intro = WrapLabel("")  # `intro_text()`, with the folder's real counts
        self.intro.setWordWrap(True)
        from nndesk.gui.settings_check import read_number
        from nndesk.insight.handwriting import FINETUNE_LR

        settings = QSettings("nndesk", "nndesk")  # the last run's epochs and rate come back
        self.epochs = IntBox()
        self.epochs.setRange(1, 100)
        self.epochs.setValue(read_number(settings, EPOCHS_KEY, int, 1, 100, 10))
        self.epochs.setToolTip(tr("Passes over your digits"))
        self.lr = FloatBox(LR_MIN, 1.0, read_number(  # 1e-4 as `nndesk finetune --lr`
            settings, LR_KEY, float, LR_MIN, 1.0, FINETUNE_LR))
        self.lr.setToolTip(tr("Adam's learning rate: small, so the model keeps what it learned "
                              "from MNIST. Type 0.0001 or 1e-4; 1e-5 moves it less, 1e-3 more."))
        self.start_button = QPushButton(tr("Start"))
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Epochs:")))
        row.addWidget(self.epochs)
        row.addWidget(QLabel(tr("Learning rate:")))
        row.addWidget(self.lr)
        row.addStretch(1)
        row.addWidget(self.start_button)
        row.addWidget(self.cancel_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = WrapLabel("")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(tr("Save…"))
        self.save_button.setToolTip(tr("Save the fine-tuned model as a new file"))
        self.save_button.clicked.connect(self.ask_save)
        self.use_button = QPushButton(tr("Use this model"))
        self.use_button.setToolTip(tr("Read the canvas with the fine-tuned model"))
        self.use_button.clicked.connect(self.use)
        for b in (self.save_button, self.use_button):
            b.setEnabled(False)
        done_row = QHBoxLayout()
        done_row.addStretch(1)
        done_row.addWidget(self.save_button)
        done_row.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(done_row)
        # the intro reads well from 440 px; the dialog's least width is its layout's, which
        # the row of fields and buttons sets in Japanese (a fixed 460 px crushed Start there)
        self.intro.setMinimumWidth(440)
        self.refresh_digits()

    def no_digits_text(self) -> str:
        """What to do when no digit is saved yet (`finetune_text.no_digits_text`)."""
        return no_digits_text()

    def saved_digits(self) -> int:
        """How many digit images the folder holds (0 when it does not exist yet)."""
        return self.digit_counts()[0]

    def digit_counts(self) -> tuple[int, int]:
        """(digit images in the folder, how many of them are kept aside to measure the gain)."""
        return digit_counts(self.folder)

    def intro_text(self, counts: tuple[int, int] | None = None) -> str:
        """What the dialog does, with the real numbers of digits learned from and kept aside."""
        return intro_text(*(self.digit_counts() if counts is None else counts))

    def refresh_digits(self) -> None:
        """Start only with saved digits (QA: with none, Start said "…/my_digits: not a
        folder"); the dialog says what to do instead. Called when it is shown and after each
        digit saved (`MyDigitsBar.refresh`)."""
        if self.running:
            return
        counts = self.digit_counts()
        self.intro.setText(self.intro_text(counts))
        has_digits = counts[0] > 0
        self.start_button.setEnabled(has_digits)
        self.start_button.setToolTip("" if has_digits else self.no_digits_text())
        if not has_digits:
            self.say(self.no_digits_text())
        elif self.status.text() == self.no_digits_text():
            self.say("")

    def say(self, text: str) -> None:
        """Show `text` on the status line and grow the dialog to fit it: a wrapped line
        that appears must not squeeze the intro above it (QA: its first line was cut)."""
        self.status.setText(text)
        layout = self.layout()
        if not self.isVisible():  # not shown yet: it takes its size hint when shown
            return
        layout.activate()
        need = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                else layout.totalSizeHint().height())
        if need > self.height():
            self.resize(self.width(), need)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.refresh_digits()
        super().showEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """View ▸ Language: the intro written anew from its numbers."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.intro.setText(self.intro_text())

    @property
    def running(self) -> bool:
        return self.job.running

    def start(self) -> None:
        """Fine-tune a copy of the current model on a worker thread."""
        network = self.state.network
        if network is None or self.running:
            if network is None:
                self.say(tr("No model yet: open or train one first."))
            return
        if self.saved_digits() == 0:  # Start is disabled then; said again if reached anyway
            self.refresh_digits()
            return
        self.job.start(network, self.folder, self.epochs.value(), self.lr.value())
        settings = QSettings("nndesk", "nndesk")  # offered again the next time
        settings.setValue(EPOCHS_KEY, self.epochs.value())
        settings.setValue(LR_KEY, self.lr.value())
        s = self.state  # what the result starts from (a run's snapshot: no file, no story)
        self._started_from = ((s.model_path, dict(s.metadata)) if s.model_source == "file"
                              else (None, {}))
        self.result, self._metadata = None, None
        self.saved_path = None
        for b in (self.save_button, self.use_button, self.start_button):
            b.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.epochs.setEnabled(False)
        self.lr.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first batch
        self.say(tr("Reading your digits and MNIST…"))

    def cancel(self) -> None:
        """Stop between batches; nothing is offered afterwards."""
        if self.running:
            self.job.cancel()
            self.say(tr("Cancelling…"))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.say(tr("Fine-tuning: batch {done} of {total}").format(
            done=done, total=total))

    def _on_finished(self, result: Any) -> None:
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.epochs.setEnabled(True)
        self.lr.setEnabled(True)
        self.progress.setRange(0, 1)
        if isinstance(result, Exception):
            self.progress.setValue(0)
            self.say(tr("Cannot fine-tune: {error}").format(error=one_line(result)))
            return
        if result is None or result.stopped:
            self.progress.setValue(0)
            self.say(tr("Cancelled: nothing changed."))
            return
        self.progress.setValue(1)
        self.result = result
        self._metadata = self._result_metadata()  # the folder as it was fine-tuned on
        self.say(self.summary(result))
        self.save_button.setEnabled(True)
        self.use_button.setEnabled(True)

    summary = staticmethod(summary)  # the figures before -> after, in words

    def metadata(self) -> dict:
        """The fine-tuned model's metadata (nndesk.insight.handwriting.finetuned_metadata):
        what it started from, its own settings, digits and figures; the start model's
        story as its parent's. Made once per result (the start model is the one fine-tuned,
        even when the canvas has another by the time it is saved)."""
        if self._metadata is None and self.result is not None:
            self._metadata = self._result_metadata()
        return self._metadata or {}

    def _result_metadata(self) -> dict:
        return result_metadata(self._started_from, self.result, self.folder)

    def ask_save(self) -> None:
        """Ask where, then save the fine-tuned model (the loaded one is untouched)."""
        from nndesk.gui.files import with_suffix

        path, _ = QFileDialog.getSaveFileName(self, tr("Save the model"), "",
                                              tr("nndesk models (*.npz)"))
        if path:
            self.save(with_suffix(path, ".npz"))

    def save(self, path: str) -> bool:
        """Write the fine-tuned model to `path`; False (and the reason shown) on failure."""
        from nndesk.gui.files import write_model

        if self.result is None:
            return False
        try:
            write_model(path, self.result.network, self.metadata())
        except (OSError, ValueError) as err:
            self.say(tr("Cannot save the model: {error}").format(
                error=one_line(err)))
            return False
        self.saved_path = path
        if self.state.network is self.result.network:  # used already: the canvas names the
            self.use()  # file now (and the session reopens it; QA: "model" stayed unsaved)
        self.say(self.summary(self.result) + "\n" + tr("Saved as {name}").format(
            name=Path(path).name))
        return True

    def use(self) -> None:
        """Put the fine-tuned model on the canvas (the file it was saved as, if any)."""
        if self.result is not None:
            self.state.set_model(self.result.network, path=self.saved_path,
                                 metadata=self.metadata(), source="file")
            self.use_button.setEnabled(False)

    def done(self, code: int) -> None:  # closing while running cancels the run
        self.cancel()
        self.job.forget()
        super().done(code)

