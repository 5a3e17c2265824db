"""Ch. 6 lesson: each optimizer's path on f(x, y) = x^2/20 + y^2 (fig. 6-8), plus Nesterov and
RMSprop, every hyperparameter editable."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.float_box import FloatBox, IntBox
from nndesk.gui.i18n import tr
from nndesk.gui.lessons.common import PENS, header, plot
from nndesk.lessons.optimizer_paths import DEFAULTS, START, STEPS, f, optimizer_path

__all__ = ["OptimizersPage"]

_ORDER = ("SGD", "Momentum", "AdaGrad", "Adam", "Nesterov", "RMSprop")  # fig. 6-8's four first
_RANGES = {"lr": (0.0, 10.0, 0.01), "momentum": (0.0, 0.999, 0.05),
           "decay_rate": (0.0, 0.9999, 0.01), "beta1": (0.0, 0.999, 0.05),
           "beta2": (0.0, 0.9999, 0.001)}


class OptimizersPage(QWidget):
    """Six small plots in the book's layout; edits redraw the path at once."""

    def __init__(self, state=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, dict[str, FloatBox]] = {}
        self.paths: dict[str, pg.PlotDataItem] = {}
        self.finals: dict[str, QLabel] = {}
        self.steps = IntBox()
        self.steps.setRange(1, 500)
        self.steps.setValue(STEPS)
        self.reset_button = QPushButton(tr("Book's settings"))
        grid = QGridLayout()
        for i, name in enumerate(_ORDER):
            grid.addWidget(self._cell(name), i // 3, i % 3)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Steps from ({x}, {y})").format(x=START[0], y=START[1])))
        top.addWidget(self.steps)
        top.addWidget(self.reset_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(header(tr("Ch. 6 · fig. 6-8 (and 6-3, 6-5, 6-6, 6-7)"),
                                tr("Optimizers on f(x, y) = x²/20 + y²"), tr(
            "The gradient points mostly along y, not at the minimum (0, 0): SGD zigzags, "
            "Momentum rolls like a ball, AdaGrad and RMSprop shrink the steps along y, Adam "
            "does both. Each path is nndesk's own optimizer class updating (x, y).")))
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.steps.valueChanged.connect(self._redraw)
        self.reset_button.clicked.connect(self.reset)
        self._redraw()

    def _cell(self, name: str) -> QWidget:
        cell = QWidget()
        view = plot(name, "x", "y")
        view.setMinimumHeight(170)
        t = np.linspace(0, 2 * np.pi, 120)
        for c in (0.25, 1, 2.5, 5, 10, 20):  # contour lines f = c: ellipses
            view.plot(np.sqrt(20 * c) * np.cos(t), np.sqrt(c) * np.sin(t),
                      pen=pg.mkPen("#c8c8c8"))
        view.plot([0], [0], symbol="+", symbolSize=14, pen=None, symbolPen="k")
        color = PENS[_ORDER.index(name) % len(PENS)]
        self.paths[name] = view.plot([], [], pen=pg.mkPen(color, width=2), symbol="o",
                                     symbolSize=5, symbolBrush=color, symbolPen=None)
        view.setRange(xRange=(-10, 10), yRange=(-5, 5), padding=0)
        fields = QHBoxLayout()
        self.fields[name] = {}
        for key, value in DEFAULTS[name].items():
            low, high, step = _RANGES[key]
            box = FloatBox(low, high, value)  # steps the last digit: 0.95 -> 0.96, 1e-3 -> 2e-3
            box.setSingleStep(step)  # the first step up from 0
            box.setKeyboardTracking(False)
            box.valueChanged.connect(lambda _=0.0, name=name: self._redraw(only=name))
            fields.addWidget(QLabel(key))
            fields.addWidget(box, 1)
            self.fields[name][key] = box
        self.finals[name] = QLabel()
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(view, 1)
        layout.addLayout(fields)
        layout.addWidget(self.finals[name])
        return cell

    def reset(self) -> None:
        """Back to the settings of the book's script (optimizer_compare_naive.py)."""
        for name, boxes in self.fields.items():
            for key, box in boxes.items():
                with QSignalBlocker(box):
                    box.setValue(DEFAULTS[name][key])
        self.steps.setValue(STEPS)
        self._redraw()

    def _redraw(self, _=None, only: str | None = None) -> None:
        """Recompute the paths (only one optimizer's when only its settings changed)."""
        for name, boxes in self.fields.items():
            if only is not None and name != only:
                continue
            path = optimizer_path(name, steps=self.steps.value(),
                                  **{k: b.value() for k, b in boxes.items()})
            shown = path[np.all(np.isfinite(path) & (np.abs(path) < 1e4), axis=1)]
            self.paths[name].setData(shown[:, 0], shown[:, 1])
            x, y = path[-1]
            self.finals[name].setText(
                tr("after {n} steps: ({x}, {y}), f = {f}").format(
                    n=len(path) - 1, x=f"{x:.3g}", y=f"{y:.3g}", f=f"{f(x, y):.3g}")
                if np.isfinite(path[-1]).all() else tr("diverged"))
