"""Nielsen lessons: the learning slowdown of one sigmoid neuron (ch. 3) and universality:
steep sigmoid steps, placed by the user, approximating a function drawn with the mouse (ch. 4)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.float_box import FloatBox, IntBox
from nndesk.gui.i18n import tr
from nndesk.gui.lessons.common import PENS, FittedLegend, header, plot
from nndesk.gui.nobreak import WrapLabel
from nndesk.lessons.nielsen import approximate, nielsen_function, slowdown

__all__ = ["NielsenPage"]

_X = np.linspace(0.0, 1.0, 501)


class _DrawBox(pg.ViewBox):
    """A ViewBox where dragging with the left button draws (x, y) points."""

    drawn = Signal(object)        # (M, 2) points of one stroke, when the button is released

    def __init__(self) -> None:
        super().__init__(enableMouse=False)
        self._stroke: list[tuple[float, float]] = []

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: N802 (pyqtgraph name)
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        p = self.mapSceneToView(ev.scenePos())
        if ev.isStart():
            self._stroke = []
        self._stroke.append((p.x(), p.y()))
        if ev.isFinish() and len(self._stroke) > 1:
            self.drawn.emit(np.array(self._stroke))


class NielsenPage(QWidget):
    """Two tabs: quadratic vs cross-entropy cost on one neuron; universality by bumps."""

    def __init__(self, state=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._slowdown_tab(), tr("Learning slowdown (ch. 3)"))
        self.tabs.addTab(self._universality_tab(), tr("Universality (ch. 4)"))
        layout = QVBoxLayout(self)
        layout.addWidget(header(tr("Nielsen, Neural Networks and Deep Learning · ch. 3, ch. 4"),
                                tr("Why cross-entropy, and why one hidden layer can do it all"),
                                tr("Each computation uses nndesk's sigmoid and Network.")))
        layout.addWidget(self.tabs, 1)
        self._on_slowdown_changed()
        self.set_function(nielsen_function(_X))

    # -- ch. 3: one neuron, w = b = 2 -------------------------------------------------------
    def _slowdown_tab(self) -> QWidget:
        tab = QWidget()
        self.start = {}
        row = QHBoxLayout()
        # Nielsen's demos: η = 0.15 for the quadratic cost, 0.005 for cross-entropy
        for key, label, value, low, high, step in (
                ("w", "w", 2.0, -5.0, 5.0, 0.05), ("b", "b", 2.0, -5.0, 5.0, 0.05),
                ("quadratic", tr("η, quadratic"), 0.15, 0.001, 2.0, 0.05),
                ("cross_entropy", tr("η, cross-entropy"), 0.005, 0.001, 2.0, 0.001)):
            box = FloatBox(low, high, value, step=step)
            box.valueChanged.connect(self._on_slowdown_changed)
            row.addWidget(QLabel(label))
            row.addWidget(box)
            self.start[key] = box
        self.epochs = IntBox()
        self.epochs.setRange(10, 1000)
        self.epochs.setValue(300)
        self.epochs.valueChanged.connect(self._on_slowdown_changed)
        row.addWidget(QLabel(tr("epochs")))
        row.addWidget(self.epochs)
        row.addStretch(1)
        self.cost_plot = plot(tr("Cost per epoch (input 1, target 0)"), tr("epoch"), tr("cost"),
                              integer_x=True)
        self.out_plot = plot(tr("Output a = σ(w·1 + b)"), tr("epoch"), "a", integer_x=True)
        FittedLegend(self.cost_plot, 2)  # under the plot: the quadratic cost stays near 1
        self.cost_curves, self.out_curves = {}, {}
        for i, (key, name) in enumerate((("quadratic", tr("quadratic cost")),
                                         ("cross_entropy", tr("cross-entropy cost")))):
            pen = pg.mkPen(PENS[i], width=2)
            self.cost_curves[key] = self.cost_plot.plot([], [], pen=pen, name=name)
            self.out_curves[key] = self.out_plot.plot([], [], pen=pen)
        self.out_plot.setYRange(0, 1)
        self.slow_note = WrapLabel()
        self.slow_note.setWordWrap(True)
        plots = QHBoxLayout()
        plots.addWidget(self.cost_plot)
        plots.addWidget(self.out_plot)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addLayout(plots, 1)
        layout.addWidget(self.slow_note)
        return tab

    def _on_slowdown_changed(self, _=None) -> None:
        w, b = self.start["w"].value(), self.start["b"].value()
        runs = {c: slowdown(c, w, b, self.start[c].value(), self.epochs.value())
                for c in self.cost_curves}
        for key, run in runs.items():
            epochs = np.arange(len(run.cost))
            self.cost_curves[key].setData(epochs, run.cost / max(run.cost[0], 1e-12))
            self.out_curves[key].setData(epochs, run.output)
        self.cost_plot.setYRange(0, 1.05)
        first = tr(
            "Costs are shown relative to their start. After 50 epochs the output is {q} with "
            "the quadratic cost and {ce} with cross-entropy: σ'(z) ≈ {d} at the start slows the "
            "quadratic cost's gradient, and cross-entropy has no σ'(z) in it.").format(
            q=f"{runs['quadratic'].output[min(50, self.epochs.value())]:.3f}",
            ce=f"{runs['cross_entropy'].output[min(50, self.epochs.value())]:.3f}",
            d=f"{runs['quadratic'].output[0] * (1 - runs['quadratic'].output[0]):.3f}")
        self.slow_note.setText(first + ("" if first.endswith("。") else " ") + tr(
            "Each cost has its own η, as in Nielsen's demo (0.15 and 0.005). He remarks that "
            "different rates make the comparison imperfect; what counts is how the speed "
            "changes: the quadratic cost learns slowest while the neuron is badly wrong, "
            "cross-entropy fastest."))

    # -- ch. 4: universality ----------------------------------------------------------------
    def _universality_tab(self) -> QWidget:
        tab = QWidget()
        self.bumps = IntBox()
        self.bumps.setRange(1, 100)
        self.bumps.setValue(10)
        self.steepness = FloatBox(1.0, 5000.0, 1000.0, step=1.0)
        self.even_button = QPushButton(tr("Space the steps evenly"))
        self.reset_button = QPushButton(tr("Nielsen's function"))
        row = QHBoxLayout()
        for w in (QLabel(tr("bumps (2 hidden neurons each)")), self.bumps,
                  QLabel(tr("steepness w")), self.steepness, self.even_button,
                  self.reset_button):
            row.addWidget(w)
        row.addStretch(1)
        self.draw_box = _DrawBox()
        self.u_plot = pg.PlotWidget(background="w", viewBox=self.draw_box)
        self.u_plot.setTitle(tr("Drag with the mouse to draw f(x); drag the dashed lines to "
                                "move the steps"), color="k")
        for side in ("bottom", "left"):
            self.u_plot.getAxis(side).setPen("k")
            self.u_plot.getAxis(side).setTextPen("k")
        self.u_plot.setRange(xRange=(0, 1), yRange=(-0.2, 1.2), padding=0.02)
        self.target_curve = self.u_plot.plot([], [], pen=pg.mkPen(PENS[0], width=3))
        self.approx_curve = self.u_plot.plot([], [], pen=pg.mkPen(PENS[1], width=2))
        self.lines: list[pg.InfiniteLine] = []
        self.u_note = WrapLabel()
        self.u_note.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.u_plot, 1)
        layout.addWidget(self.u_note)
        self.draw_box.drawn.connect(self._on_drawn)
        self.bumps.valueChanged.connect(self.space_evenly)
        self.steepness.valueChanged.connect(self._on_steps_changed)
        self.even_button.clicked.connect(self.space_evenly)
        self.reset_button.clicked.connect(lambda: self.set_function(nielsen_function(_X)))
        return tab

    def set_function(self, y: np.ndarray) -> None:
        """The target f on the grid _X (501 points on [0, 1])."""
        self.target = np.asarray(y, dtype=np.float64)
        self.target_curve.setData(_X, self.target)
        self.space_evenly()

    def _on_drawn(self, points: np.ndarray) -> None:
        """Replace f where the stroke went (sorted by x); elsewhere f is unchanged."""
        points = points[np.argsort(points[:, 0])]
        lo, hi = points[0, 0], points[-1, 0]
        inside = (_X >= lo) & (_X <= hi)
        y = self.target.copy()
        y[inside] = np.interp(_X[inside], points[:, 0], points[:, 1])
        self.target = y
        self.target_curve.setData(_X, y)
        self._on_steps_changed()

    def space_evenly(self, _=None) -> None:
        """N bumps of equal width: N - 1 movable inner steps."""
        for line in self.lines:
            self.u_plot.removeItem(line)
        n = self.bumps.value()
        self.lines = []
        for s in np.linspace(0, 1, n + 1)[1:-1]:
            line = pg.InfiniteLine(s, movable=True, bounds=(0, 1),
                                   pen=pg.mkPen("#888888", style=Qt.PenStyle.DashLine))
            line.sigPositionChanged.connect(self._on_steps_changed)
            self.u_plot.addItem(line)
            self.lines.append(line)
        self._on_steps_changed()

    def edges(self) -> np.ndarray:
        return np.concatenate([[0.0], np.sort([ln.value() for ln in self.lines]), [1.0]])

    def _on_steps_changed(self, _=None) -> None:
        edges = self.edges()
        mid = (edges[:-1] + edges[1:]) / 2
        heights = np.interp(mid, _X, self.target)
        outer = edges.copy()
        outer[[0, -1]] = -0.05, 1.05     # the outermost steps outside [0, 1]: no half step
        self.approx = approximate(heights, outer, _X, self.steepness.value())
        self.approx_curve.setData(_X, self.approx)
        error = float(np.abs(self.approx - self.target).mean())
        self.u_note.setText(tr(
            "{n} bumps = {h} steep sigmoid neurons, each step at s = −b/w; heights f(midpoint) "
            "are the output weights. Mean |error| = {e}. More (or better placed) steps give "
            "a closer fit: one hidden layer can approximate any continuous function.").format(
            n=len(mid), h=2 * len(mid), e=f"{error:.4f}"))
