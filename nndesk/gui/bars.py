"""ProbabilityBars: ten horizontal bars, one per digit, the winner highlighted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:  # numpy loads after the window is shown (launch time)
    import numpy as np

__all__ = ["ProbabilityBars"]

TRACK, BAR = QColor("#e8ebf0"), QColor("#9fb4d6")
WINNER, TEXT = QColor("#2f6fdb"), QColor("#2a2f3a")


class ProbabilityBars(QWidget):
    """Paints probabilities (10,) as labelled bars; None paints empty tracks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.probabilities: list[float] | None = None
        self.highlight = True  # mark the most likely digit (not when the answer is no digit)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(10 * 19)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(260, 10 * 19)

    def set_probabilities(self, probabilities: np.ndarray | None, highlight: bool = True) -> None:
        """Show these ten probabilities (or none); `highlight` marks the most likely one."""
        self.probabilities = None if probabilities is None else [float(p) for p in probabilities]
        self.highlight = highlight
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        row = self.height() / 10
        label_w, value_w = 18.0, 48.0
        track_w = max(self.width() - label_w - value_w - 8, 10)
        probs = self.probabilities
        best = (max(range(10), key=probs.__getitem__)
                if probs is not None and self.highlight else -1)
        for digit in range(10):
            y = digit * row
            bar = QRectF(label_w + 4, y + row * 0.2, track_w, row * 0.6)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(TRACK)
            p.drawRoundedRect(bar, 3, 3)
            font = p.font()
            font.setBold(digit == best)
            p.setFont(font)
            p.setPen(TEXT)
            p.drawText(QRectF(0, y, label_w, row), Qt.AlignmentFlag.AlignCenter, str(digit))
            if self.probabilities is None:
                continue
            value = float(self.probabilities[digit])
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(WINNER if digit == best else BAR)
            p.drawRoundedRect(QRectF(bar.x(), bar.y(), max(track_w * value, 2), bar.height()),
                              3, 3)
            p.setPen(TEXT)
            p.drawText(QRectF(bar.right() + 4, y, value_w, row),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       f"{100 * value:.1f}%")
        p.end()
