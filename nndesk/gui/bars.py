"""ProbabilityBars: ten horizontal bars, one per digit, the winner highlighted."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:  # numpy loads after the window is shown (launch time)
    import numpy as np

__all__ = ["ProbabilityBars"]

TRACK, BAR = QColor("#e8ebf0"), QColor("#9fb4d6")
WINNER, TEXT = QColor("#2f6fdb"), QColor("#2a2f3a")


class ProbabilityBars(QWidget):
    """Paints probabilities (10,) as labelled bars; None paints empty tracks.

    The bars are drawn into a pixmap when what they show changes (a bar's length in pixels,
    a percentage's text, the winner, the size); every paint, whatever asked for it, copies
    that pixmap, and a new answer that looks the same draws nothing. A new answer redraws
    only the rows it changed (most of the ten stay at 0.0% while a digit is drawn): the
    painting is Python holding the GIL beside the canvas's readers (PROFILE.md, issue 12)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.probabilities: list[float] | None = None
        self.highlight = True  # mark the most likely digit (not when the answer is no digit)
        self.renders = 0  # how often the pixmap was drawn (tests, measuring)
        self.rows_drawn = 0  # ... and how many rows in all (a new answer: its changed ones)
        self._picture: QPixmap | None = None
        self._picture_key: tuple | None = None  # what the pixmap shows
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(10 * 16)  # rows of 16 px where the dock is short (1280x720)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(260, 10 * 16)

    def set_probabilities(self, probabilities: np.ndarray | None, highlight: bool = True) -> None:
        """Show these ten probabilities (or none); `highlight` marks the most likely one."""
        self.probabilities = None if probabilities is None else [float(p) for p in probabilities]
        self.highlight = highlight
        if self._key() != self._picture_key:
            self.update()

    def _geometry(self) -> tuple[float, float, float, float]:
        """(row height, label width, value width, track width) in pixels."""
        label_w, value_w = 18.0, 48.0
        return self.height() / 10, label_w, value_w, max(self.width() - label_w - value_w - 8, 10)

    def _best(self) -> int:
        probs = self.probabilities
        return (max(range(10), key=probs.__getitem__)
                if probs is not None and self.highlight else -1)

    def _key(self) -> tuple:
        """Everything the picture shows: the size, then per row (digit) whether it is the
        winner, its bar's length in quarter pixels and its value's text."""
        probs = self.probabilities
        track_w = self._geometry()[3]
        best = self._best()
        rows = tuple((d == best, None) for d in range(10)) if probs is None else tuple(
            (d == best, round(max(track_w * p, 2) * 4), f"{100 * p:.1f}")
            for d, p in enumerate(probs))
        return (self.width(), self.height(), self.devicePixelRatioF(), rows)

    def paintEvent(self, event) -> None:  # noqa: N802
        key = self._key()
        if self._picture is None or key[:3] != self._picture_key[:3]:
            self._picture = self._render()
            self.renders += 1
        elif key != self._picture_key:  # a new answer: only the rows it changed
            self._redraw_rows([d for d in range(10) if key[3][d] != self._picture_key[3][d]])
            self.renders += 1
        self._picture_key = key
        p = QPainter(self)
        p.drawPixmap(0, 0, self._picture)
        p.end()

    def _render(self) -> QPixmap:
        """The whole picture, every row."""
        ratio = self.devicePixelRatioF()
        picture = QPixmap(max(int(self.width() * ratio), 1), max(int(self.height() * ratio), 1))
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        p = QPainter(picture)
        self._draw_rows(p, range(10))
        self.rows_drawn += 10
        p.end()
        return picture

    def _redraw_rows(self, digits: list[int]) -> None:
        """Redraw these rows in the kept picture, pixel for pixel as `_render` draws them: each
        row's band of whole device pixels is cleared and the row drawn again, clipped to it
        (what a row draws stays inside it: bars on its middle 60%, text centred in it; a
        neighbour's share of a band's edge pixel is blank)."""
        p = QPainter(self._picture)
        self._draw_rows(p, digits, self._picture.devicePixelRatio())
        self.rows_drawn += len(digits)
        p.end()

    def _draw_rows(self, p: QPainter, digits, clear_ratio: float | None = None) -> None:
        """Draw these rows with `p`; with `clear_ratio` (the picture's device pixel ratio)
        each row's band is cleared first and the row clipped to it."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setFont(self.font())
        row, label_w, value_w, track_w = self._geometry()
        probs, best = self.probabilities, self._best()
        for digit in digits:
            if clear_ratio is not None:
                r = clear_ratio
                top, bottom = math.floor(digit * row * r), math.ceil((digit + 1) * row * r)
                band = QRectF(0, top / r, self._picture.width() / r, (bottom - top) / r)
                p.setClipRect(band)
                p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
                p.fillRect(band, Qt.GlobalColor.transparent)
                p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
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
            if probs is None:
                continue
            value = float(probs[digit])
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(WINNER if digit == best else BAR)
            p.drawRoundedRect(QRectF(bar.x(), bar.y(), max(track_w * value, 2), bar.height()),
                              3, 3)
            p.setPen(TEXT)
            p.drawText(QRectF(bar.right() + 4, y, value_w, row),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       f"{100 * value:.1f}%")
