"""Ch. 6 lesson: histograms of a 5-layer network's activations for each weight initialization
and activation function (figs. 6-10, 6-11, 6-13, 6-14)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.float_box import FloatBox
from nndesk.gui.i18n import N_, tr
from nndesk.gui.lessons.common import PENS, header, plot
from nndesk.gui.nobreak import WrapLabel
from nndesk.lessons.weight_init import ACTIVATION_LAYERS, activation_histograms

__all__ = ["InitPage"]

_INITS = (("std 1", 1.0), ("std 0.01", 0.01), ("Xavier", "xavier"), ("He", "he"))
_FIGURES = {("sigmoid", 1.0): N_("This is fig. 6-10: the values pile up at 0 and 1, where the "
                                 "sigmoid's gradient vanishes."),
            ("sigmoid", 0.01): N_("This is fig. 6-11: every value is near 0.5; the neurons all "
                                  "say the same, so many neurons are no better than one."),
            ("sigmoid", "xavier"): N_("This is fig. 6-13: with Xavier's std 1/√n the values "
                                      "stay spread out in every layer."),
            ("ReLU", 0.01): N_("Fig. 6-14, top: with std 0.01 the ReLU values shrink towards "
                               "0 layer after layer."),
            ("ReLU", "xavier"): N_("Fig. 6-14, middle: Xavier is too small for ReLU; the "
                                   "values drift towards 0 as the layers go deeper."),
            ("ReLU", "he"): N_("Fig. 6-14, bottom: with He's std √(2/n) every layer looks "
                               "alike.")}


class InitPage(QWidget):
    """Pick an activation and an init; five histograms (one per layer) redraw at once."""

    def __init__(self, state=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.activation = QComboBox()
        for name in ACTIVATION_LAYERS:
            self.activation.addItem(name, name)
        self.init = QComboBox()
        for text, value in _INITS:
            self.init.addItem(text, value)
        self.init.addItem(tr("other std:"), "custom")
        self.std = FloatBox(0.001, 5.0, 0.1)  # 0.01 or 1e-2, steps at its own scale
        self.std.setKeyboardTracking(False)
        self.note = WrapLabel()
        self.note.setWordWrap(True)
        self.stats = QLabel()
        row = QHBoxLayout()
        for widget in (QLabel(tr("Activation function")), self.activation,
                       QLabel(tr("Initial weights")), self.init, self.std):
            row.addWidget(widget)
        row.addStretch(1)
        grid = QGridLayout()
        self.views, self.bars = [], []
        for i in range(5):
            view = plot(tr("layer {n}").format(n=i + 1))
            bars = view.plot([], [], stepMode="center", fillLevel=0, pen=pg.mkPen(PENS[0]),
                             brush=pg.mkBrush(PENS[0]))
            if i:
                view.setYLink(self.views[0])
            grid.addWidget(view, 0, i)
            self.views.append(view)
            self.bars.append(bars)
        layout = QVBoxLayout(self)
        layout.addWidget(header(tr("Ch. 6 · figs. 6-10, 6-11, 6-13, 6-14"), tr(
            "Initial weights and the distribution of activations"), tr(
            "1,000 random inputs through 5 layers of 100 neurons (nndesk's Network); each "
            "histogram counts one layer's 100,000 output values.")))
        layout.addLayout(row)
        layout.addLayout(grid, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.stats)
        self.activation.currentIndexChanged.connect(self._redraw)
        self.init.currentIndexChanged.connect(self._redraw)
        self.std.valueChanged.connect(self._redraw)
        self._redraw()

    def choose(self, activation: str, init: str | float) -> None:
        """Show one case, e.g. ("ReLU", "he")."""
        self.activation.setCurrentIndex(self.activation.findData(activation))
        self.init.setCurrentIndex(self.init.findData(init))

    def _redraw(self, _=None) -> None:
        act, init = self.activation.currentData(), self.init.currentData()
        self.std.setEnabled(init == "custom")
        value = self.std.value() if init == "custom" else init
        h = activation_histograms(act, value)
        for bars, counts in zip(self.bars, h.counts, strict=True):
            bars.setData(h.edges, counts)
        lo = h.edges[0]
        for view in self.views:
            view.setXRange(lo, 1.0, padding=0.02)
        # the book cuts ReLU's spike of zeros at 7,000 so that the rest can be seen
        top = 7000 if act == "ReLU" else max(1000, int(h.counts.max() * 1.05))
        self.views[0].setYRange(0, top, padding=0)
        text = _FIGURES.get((act, init))
        self.note.setText(tr(text) if text else tr(
            "Compare with the book's cases: std 1, std 0.01, Xavier with sigmoid; std 0.01, "
            "Xavier, He with ReLU."))
        self.stats.setText(tr("mean per layer: {means} · std per layer: {stds}").format(
            means=", ".join(f"{m:.3g}" for m in h.means),
            stds=", ".join(f"{s:.3g}" for s in h.stds)))
