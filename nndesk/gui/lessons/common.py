"""Pieces every lesson page uses: the chapter/figure header, a slider bound to a number field,
and a pyqtgraph plot with the book's look (white background, dark axes)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.float_box import FloatBox
from nndesk.gui.i18n import tr
from nndesk.gui.nobreak import TitleLabel, WrapLabel

__all__ = ["header", "ValueSlider", "plot", "PENS", "tensor_label"]

# one colour per curve, readable on white and for most colour-blind readers (Okabe-Ito)
PENS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]


def header(source: str, title: str, text: str) -> QWidget:
    """The page's first lines: what (bold), where in the book ("Ch. 2 · fig. 2-6"), one sentence.

    Three plain labels, each holding exactly the text tr() gave: the window's live language
    switch (`retranslate.py`) reads each back to its English (one rich-text label joining the
    three matched nothing and stayed in the old language).
    """
    box = QWidget()
    box.setObjectName("lesson_header")
    lines = QVBoxLayout(box)
    lines.setContentsMargins(0, 0, 0, 0)
    lines.setSpacing(1)
    for name, value, style in (("lesson_title", title, "font-weight: 600;"),
                               ("lesson_source", source, "color: #555;"),
                               ("lesson_intro", text, "")):
        label = (TitleLabel if name == "lesson_title" else WrapLabel)(value)  # title: by words
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setStyleSheet(style)
        lines.addWidget(label)
    return box


class ValueSlider(QWidget):
    """A labelled slider and a number field showing the same float; `value_changed` on edits."""

    value_changed = Signal(float)

    def __init__(self, name: str, low: float, high: float, value: float, step: float = 0.01,
                 decimals: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._step, self._low, self._decimals = step, low, decimals
        self.label = QLabel(name)
        self.label.setMinimumWidth(28)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, round((high - low) / step))
        self.field = FloatBox(low, high, value, step=step)
        self.field.setKeyboardTracking(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.slider, 1)
        row.addWidget(self.field)
        self.slider.valueChanged.connect(lambda i: self.set_value(low + i * step, emit=True))
        self.field.valueChanged.connect(lambda v: self.set_value(v, emit=True))
        self.set_value(value)

    def value(self) -> float:
        return self.field.value()

    def set_value(self, value: float, emit: bool = False) -> None:
        """Show `value` (rounded to `decimals`: the slider's low + i * step is 0.6300000000000001)
        in both widgets (signals blocked, so nothing loops); emit if asked."""
        value = round(value, self._decimals)
        with QSignalBlocker(self.slider), QSignalBlocker(self.field):
            self.field.setValue(value)
            self.slider.setValue(round((value - self._low) / self._step))
        if emit:
            self.value_changed.emit(self.field.value())


def plot(title: str = "", x: str = "", y: str = "", square: bool = False) -> pg.PlotWidget:
    """A white plot with a grid; `square` locks the aspect ratio (geometry: lines, paths)."""
    w = pg.PlotWidget(background="w")
    item = w.getPlotItem()
    if title:
        item.setTitle(title, color="k")
    for side, text in (("bottom", x), ("left", y)):
        axis = item.getAxis(side)
        axis.setPen("k")
        axis.setTextPen("k")
        if text:
            item.setLabel(side, text, color="k")
    item.showGrid(x=True, y=True, alpha=0.15)
    if square:
        w.setAspectLocked(True)
    item.setMenuEnabled(False)
    return w


def tensor_label(key: str) -> str:
    """The engine's tensor key as the designer and `nndesk info` number layers, from 1:
    "0.W" -> "layer 1 W"; "input" -> "input"."""
    index, _, name = key.partition(".")
    if not (index.isdigit() and name):
        return tr("input") if key == "input" else key
    return tr("layer {n} {tensor}").format(n=int(index) + 1, tensor=name)
