"""DigitPanel: the drawing canvas, the 28x28 image the network sees, and its prediction."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nndesk.gui.bars import ProbabilityBars
from nndesk.gui.canvas import IMAGE_SUFFIXES, DrawingCanvas
from nndesk.gui.i18n import tr
from nndesk.gui.state import AppState

if TYPE_CHECKING:  # numpy loads after the window is shown (launch time)
    import numpy as np

__all__ = ["DigitPanel", "gray_qimage"]

PREVIEW_SCALE = 4  # the 28x28 input shown at 112x112, pixels kept sharp
ANSWER_STYLE = "font-size: 44pt; font-weight: 600; color: {color};"


def gray_qimage(a: np.ndarray) -> QImage:
    """A 2-D array in [0, 1] as an 8-bit grayscale QImage (a copy, safe to keep)."""
    import numpy as np

    g = np.ascontiguousarray(np.clip(a * 255.0, 0, 255).astype(np.uint8))
    return QImage(g.data, g.shape[1], g.shape[0], g.strides[0],
                  QImage.Format.Format_Grayscale8).copy()


class DigitPanel(QWidget):
    """Draw or open a digit; show what the network sees and the ten probabilities."""

    error = Signal(str, str)  # title, message: the main window shows it as a dialog

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.latencies_ms: list[float] = []  # stroke event -> prediction shown
        self.canvas = DrawingCanvas()
        self.canvas.strokes_changed.connect(self._on_strokes_changed)
        self.canvas.image_dropped.connect(self.open_image)

        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.setToolTip(tr("Clear the canvas (Esc, Delete, Ctrl+L)"))
        self.clear_button.clicked.connect(self.canvas.clear)
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.setToolTip(tr("Remove the last stroke (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.canvas.undo)
        self.open_button = QPushButton(tr("Open image…"))
        self.open_button.setToolTip(tr("Recognize a digit from an image file (or drop one here)"))
        self.open_button.clicked.connect(self._ask_image)
        buttons = QHBoxLayout()
        for b in (self.clear_button, self.undo_button, self.open_button):
            buttons.addWidget(b)

        self.preview = QLabel()
        self.preview.setFixedSize(28 * PREVIEW_SCALE, 28 * PREVIEW_SCALE)
        self.preview.setStyleSheet("background: #000; border: 1px solid #c9ced8;")
        self.preview.setToolTip(tr("The 28x28 image the network sees (after preprocessing)"))
        self.answer = QLabel("–")
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer.setStyleSheet(ANSWER_STYLE.format(color="#c3c9d3"))
        self.confidence = QLabel("")
        self.confidence.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        self.model_label = QLabel()
        self.model_label.setWordWrap(True)
        self.model_label.setStyleSheet("color: #5b6472;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(buttons)
        layout.addLayout(middle)
        layout.addWidget(self.bars)
        layout.addWidget(self.model_label)

        state.digit_changed.connect(self._on_digit_changed)
        state.model_changed.connect(self._on_model_changed)
        self._on_model_changed()
        self._on_digit_changed()

    # -- input ------------------------------------------------------------------------------
    def _on_strokes_changed(self) -> None:
        start = time.perf_counter()
        if self.canvas.is_empty():
            self.state.set_digit(None)
            return
        from nndesk.data.preprocess import preprocess
        from nndesk.data.strokes import render_strokes

        bitmap = render_strokes(self.canvas.strokes)  # uint8 (H, W)
        self.state.set_digit(preprocess(bitmap), source=bitmap)
        self.latencies_ms.append(1000 * (time.perf_counter() - start))

    def _ask_image(self) -> None:
        pattern = " ".join(f"*{s}" for s in IMAGE_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Open an image of a digit"), "",
            tr("Images ({patterns});;All files (*)").format(patterns=pattern))
        if path:
            self.open_image(path)

    def open_image(self, path: str) -> None:
        """Recognize the digit in an image file (same preprocessing as the canvas)."""
        from nndesk.data.preprocess import ImageError, preprocess

        try:
            digit = preprocess(path)
        except (ImageError, OSError) as err:
            self.error.emit(tr("Cannot read this image"), tr(
                "{path}\n\n{error}\n\nOpen a PNG, JPEG or BMP picture of one digit.").format(
                path=path, error=err))
            return
        self.canvas.show_image(QImage(path))
        self.state.set_digit(digit, source=path)
        if digit is None:
            self.error.emit(tr("No digit found"), tr(
                "{path}\n\nThe image looks empty (no ink). Open a picture of one dark digit "
                "on light paper, or the reverse.").format(path=path))

    # -- output -----------------------------------------------------------------------------
    def _on_digit_changed(self) -> None:
        digit, probs = self.state.digit, self.state.probabilities
        if digit is None:
            self.preview.clear()
        else:
            self.preview.setPixmap(QPixmap.fromImage(gray_qimage(digit[0])).scaled(
                self.preview.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.FastTransformation))
        self.bars.set_probabilities(probs)
        style = ANSWER_STYLE.format(color="#c3c9d3" if probs is None else "#2f6fdb")
        if self.answer.styleSheet() != style:  # restyling costs a millisecond
            self.answer.setStyleSheet(style)
        if probs is None:
            self.answer.setText("?")
            self.confidence.setText(tr("no model") if self.state.network is None
                                    and digit is not None else tr("draw a digit"))
        else:
            best = max(range(len(probs)), key=lambda i: probs[i])
            self.answer.setText(str(best))
            self.confidence.setText(tr("{percent}% sure").format(
                percent=f"{100 * float(probs[best]):.1f}"))

    def _on_model_changed(self) -> None:
        s = self.state
        if s.network is None:
            text = tr("No model yet — train one or open a model file (File ▸ Open model…).")
        elif s.model_source == "snapshot":
            text = tr("Predicting with the network being trained (latest weights).")
        else:
            name = (s.model_path or "model").replace("\\", "/").rsplit("/", 1)[-1]
            acc = s.metadata.get("accuracy")
            text = tr("Model: {name}").format(name=name) + (
                tr(" · test accuracy {acc}%").format(acc=f"{100 * float(acc):.2f}")
                if isinstance(acc, (int, float)) else "")
        self.model_label.setText(text)
