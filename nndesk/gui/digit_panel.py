"""DigitPanel: the drawing canvas, the 28x28 image the network sees, and its prediction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.answer_words import ANSWER_STYLE, WORDS_STYLE, show_answer
from nndesk.gui.bars import ProbabilityBars
from nndesk.gui.canvas import IMAGE_SUFFIXES, DrawingCanvas
from nndesk.gui.digit_preview import InputPreview
from nndesk.gui.digit_verdicts import Verdicts, why_no_path
from nndesk.gui.drawing_jobs import DrawingJobs
from nndesk.gui.elided_label import ClampedLabel
from nndesk.gui.engine_text import translate_engine
from nndesk.gui.i18n import tr
from nndesk.gui.model_answers import ModelAnswers
from nndesk.gui.my_digits import MyDigitsBar
from nndesk.gui.nobreak import WrapLabel
from nndesk.gui.state import AppState

if TYPE_CHECKING:  # numpy loads after the window is shown (launch time)
    import numpy as np

__all__ = ["DigitPanel", "WORDS_STYLE"]


class DigitPanel(QWidget):
    """Draw or open a digit; show what the network sees and the ten probabilities."""

    error = Signal(str, str)  # title, message: the main window shows it as a dialog

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.jobs = DrawingJobs(self)  # render, preprocess, predict: off the GUI thread
        self.jobs.prepared.connect(self._on_prepared)
        self.jobs.path_read.connect(self._on_path_read)
        self._warmed_up = False
        self._verdicts = Verdicts()  # the image model's judged once per answer
        self.canvas = DrawingCanvas()
        self.canvas.strokes_changed.connect(self._on_strokes_changed)
        self.canvas.image_dropped.connect(self.open_image)

        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.setToolTip(tr("Clear the canvas (Esc, Delete, Ctrl+L)"))
        self.clear_button.clicked.connect(self.canvas.clear)
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.setToolTip(tr(
            "Remove the last stroke, or bring back what Clear removed (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.canvas.undo)
        self.eraser_button = QPushButton(tr("Eraser"))
        self.eraser_button.setCheckable(True)
        self.eraser_button.setToolTip(tr("Rub ink out with the left button (the right button "
                                         "always erases)"))
        self.eraser_button.toggled.connect(lambda on: setattr(self.canvas, "eraser", on))
        self.open_button = QPushButton(tr("Open image…"))
        self.open_button.setToolTip(tr("Recognize a digit from an image file (or drop one here)"))
        self.open_button.clicked.connect(self._ask_image)
        # Two rows of two: four buttons side by side do not fit the dock at 1280 or 1400 px
        # wide in every language (tests/gui/test_canvas_dock.py).
        buttons = QGridLayout()
        buttons.setSpacing(4)
        for i, b in enumerate((self.clear_button, self.undo_button, self.eraser_button,
                               self.open_button)):
            buttons.addWidget(b, i // 2, i % 2)

        self.preview = InputPreview()
        self.answer = WrapLabel("–")
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer.setWordWrap(True)  # "not a digit" in words, in a narrow dock
        self.answer.setStyleSheet(ANSWER_STYLE.format(color="#c3c9d3"))
        self.confidence = WrapLabel("")
        self.confidence.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confidence.setWordWrap(True)  # "not sure: 7 51%, 1 40%" in a narrow dock
        self.confidence.setStyleSheet("color: #5b6472;")
        answer_box = QVBoxLayout()
        answer_box.addWidget(self.answer)
        answer_box.addWidget(self.confidence)
        seen_caption = QLabel(tr("network sees"))
        seen_caption.setStyleSheet("color: #5b6472;")
        seen_box = QVBoxLayout()
        seen_box.addWidget(self.preview)
        seen_box.addWidget(seen_caption, alignment=Qt.AlignmentFlag.AlignHCenter)
        middle = QHBoxLayout()
        middle.addLayout(seen_box)
        middle.addLayout(answer_box, 1)

        self.bars = ProbabilityBars()
        # each model's answer, on request, in the room of the answer it details
        self.answers = ModelAnswers(toggle_outside=True, replaces=(self.answer, self.confidence))
        answer_box.addWidget(self.answers)
        answer_box.addWidget(self.answers.toggle, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.my_digits = MyDigitsBar(state)
        self.my_digits.save_requested.connect(self.save_my_digit)
        # at most two lines (a long file name: cut with "…", whole in the tooltip), so the
        # panel fits a 1280x720 screen's dock in every language (tests/gui/test_canvas_dock.py)
        self.model_label = ClampedLabel(2)
        self.model_label.setStyleSheet("color: #5b6472;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(buttons)
        layout.addLayout(middle)
        layout.addWidget(self.bars)
        layout.addWidget(self.my_digits)
        layout.addWidget(self.model_label)

        state.image_requested.connect(self.show_digit)
        state.digit_changed.connect(self._on_digit_changed)
        state.model_changed.connect(self._on_model_changed)
        self._on_model_changed()
        self._on_digit_changed()

    # -- input ------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """True while the newest strokes are being prepared (their prediction, or the pen
        path's answer that follows it, not shown yet)."""
        return self.jobs.busy

    @property
    def job_ids(self) -> tuple[int, int]:
        """(the newest drawing's job id, the job id whose prediction is shown): a measuring
        tool matches its events to the predictions that include them."""
        return self.jobs.job_ids

    @property
    def latencies_ms(self) -> list[float]:
        """Each stroke event -> the first prediction shown that includes it, ms."""
        return self.jobs.latencies_ms

    @property
    def path_latencies_ms(self) -> list[float]:
        """Each stroke event -> the first pen-path answer that includes it, ms."""
        return self.jobs.path_latencies_ms

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Run the event loop until the newest strokes' prediction is shown (tests, measure)."""
        return self.jobs.wait_idle(timeout_ms)

    def _on_strokes_changed(self) -> None:
        if not self.canvas.strokes and self.canvas.base is None:
            self.eraser_button.setChecked(False)  # cleared: nothing to rub out, the pen draws
        if self.canvas.is_empty():
            self.jobs.forget()  # anything in flight is for old strokes
            self.state.set_digit(None)
            return
        self.jobs.submit(self.canvas.drawing())

    def _on_prepared(self, item: tuple) -> None:
        """The newest drawing's input and, from the model in use, its layers' outputs."""
        prepared, strokes = item
        acts = prepared.activations if prepared.model_key == self.jobs.model_key else None
        self.state.set_digit(prepared.digit, source=prepared.bitmap, strokes=strokes,
                             activations=acts)  # None: the state predicts (another model)

    def _on_path_read(self) -> None:
        if self.state.digit is not None:
            self._show_answer()  # the answer again, with the path's reading (same preview)

    def shown_bitmap(self) -> np.ndarray | None:
        """What "Save as my digit" saves of the canvas: the drawing as rendered (strokes on a
        test digit's bitmap too), or, for an opened image, the digit the network read in it
        (its 28x28 input as a canvas bitmap; QA: a photo shown and read as 3 was "nothing to
        save"); None when nothing is there to save."""
        from nndesk.data.strokes import image_to_bitmap, render_canvas

        if not self.canvas.is_empty():
            return render_canvas(**self.canvas.drawing())
        if self.canvas.shows_image() and self.state.digit is not None:
            return image_to_bitmap(self.state.digit)
        return None

    def save_my_digit(self, label: int) -> None:
        """Save what the canvas shows (`shown_bitmap`) as `label` into the user's digit
        folder, then re-measure it."""
        bitmap = self.shown_bitmap()
        if bitmap is None:
            self.error.emit(tr("Nothing to save"), tr("Draw a digit on the canvas first."))
            return
        from nndesk.insight.handwriting import save_digit

        try:
            save_digit(bitmap, label)
        except OSError as err:
            self.error.emit(tr("Cannot save the digit"), translate_engine(err))
            return
        self.my_digits.refresh(self.state.network)

    def show_digit(self, digit: np.ndarray) -> None:
        """Put a (1, 28, 28) image (a test digit) on the canvas as a bitmap to draw on; the
        state predicts it as it is (AppState.show_image), edits go through the preparer."""
        from nndesk.data.strokes import image_to_bitmap

        self.canvas.set_bitmap(image_to_bitmap(digit))
        self.jobs.forget()  # a drawing still being prepared is not shown over it
        if self.state.image_label is not None:  # "Save as my digit" under its true label
            self.my_digits.set_label(self.state.image_label)

    def _ask_image(self) -> None:
        pattern = " ".join(f"*{s}" for s in IMAGE_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Open an image of a digit"), "",
            tr("Images ({patterns});;All files (*)").format(patterns=pattern))
        if path:
            self.open_image(path)

    def open_image(self, path: str) -> None:
        """Recognize the digit in an image file (same preprocessing as the canvas); a stroke
        on it then draws on that digit as a bitmap (as on a test digit from the evaluation)."""
        from nndesk.data.preprocess import ImageError, preprocess
        from nndesk.data.strokes import image_to_bitmap
        from nndesk.gui.file_actions import unreadable_text

        try:
            digit = preprocess(path)
        except (ImageError, OSError) as err:
            self.error.emit(tr("Cannot read this image"), unreadable_text(path, err))
            return
        self.canvas.show_image(QImage(path), None if digit is None else image_to_bitmap(digit))
        self.jobs.forget()  # nothing in flight shows over the image
        self.state.set_digit(digit, source=path)
        if digit is None:
            self.error.emit(tr("No digit found"), tr(
                "{path}\n\nThe image looks empty (no ink). Open a picture of one dark digit "
                "on light paper, or the reverse.").format(path=path))

    # -- output -----------------------------------------------------------------------------
    def verdict(self, combined: bool = True):
        """The answer (insight.reject.Verdict) or None without model or input: the image model's
        (calibrated by its file; a training snapshot's plain softmax), for a drawing combined
        with the trajectory model's (`insight.combined.combined_verdict`)."""
        image, both = self._verdicts.judge(self.state, self._path())
        return both if combined else image

    def _path(self) -> tuple | None:
        """The pen path's reading of the drawing shown (None: an opened image, none yet)."""
        return None if self.canvas.shows_image() else self.jobs.path

    def _on_digit_changed(self) -> None:
        digit = self.state.digit
        found_none = digit is None and (not self.canvas.is_empty() or self.canvas.shows_image())
        self.preview.show_input(digit, found_none)
        self._show_answer()

    def _show_answer(self) -> None:
        """The answer's words, each model's line and the bars, from the verdicts."""
        digit, probs = self.state.digit, self.state.probabilities
        path = self._path()
        image, verdict = (self._verdicts.judge(self.state, path) if probs is not None
                          else (None, None))
        self.answers.show_answers(image, path, verdict,
                                  why_no_path(self.canvas) if path is None else "")
        self.bars.set_probabilities(verdict.probabilities if verdict is not None else probs,
                                    highlight=verdict is None or verdict.kind == "digit")
        scribble = (digit is None and self.state.network is not None
                    and not self.canvas.is_empty())  # ink, but too small to be a digit
        show_answer(self.answer, self.confidence, verdict, probs, scribble,
                    no_model=self.state.network is None and digit is not None)
        self.my_digits.follow_answer(verdict, probs)  # the label to save under: this answer

    def _on_model_changed(self) -> None:
        s = self.state
        self._verdicts.set_model(s)
        self.jobs.set_model(s.network)
        if s.network is not None and not self._warmed_up:  # the imports, the first
            self._warmed_up = True  # preprocessing and the path model load now, off the
            self.jobs.warm_up()  # GUI thread
        if s.network is None:
            text = tr("No model yet — train one or open a model file (File ▸ Open model…).")
        elif s.model_source == "snapshot":
            text = tr("Predicting with the network being trained (latest weights).")
        else:
            # a fine-tuned model used before it is saved has no file yet (QA, ja: it was
            # named "model", an English word that is no file)
            name = (s.model_path.replace("\\", "/").rsplit("/", 1)[-1] if s.model_path
                    else tr("not saved yet"))
            acc = s.metadata.get("accuracy")
            text = tr("Model: {name}").format(name=name) + (
                tr(" · test accuracy {acc}%").format(acc=f"{100 * float(acc):.2f}")
                if isinstance(acc, (int, float)) else "")
        self.model_label.setText(text)
        if s.model_source != "snapshot":  # not at every snapshot while training
            self.my_digits.refresh(s.network)

