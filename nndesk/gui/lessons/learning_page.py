"""Ch. 4 lesson: the two losses on an edited output, the numerical derivative's error as h
shrinks, the gradient field of x0^2 + x1^2 (fig. 4-9) and gradient descent from a dragged start
(fig. 4-10)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.float_box import FloatBox, IntBox
from nndesk.gui.i18n import tr
from nndesk.gui.lessons.common import PENS, FittedLegend, header, parse_numbers, plot
from nndesk.gui.nobreak import WrapLabel
from nndesk.lessons.learning import (
    BOOK_Y,
    derivative_errors,
    function_2,
    gradient_descent,
    gradient_field,
    losses,
)

__all__ = ["LearningPage"]

_HS = 10.0 ** -np.arange(1, 51)          # h = 1e-1 ... 1e-50
_LRS = (0.1, 1.0, 0.01)                   # good, too large (bounces for ever), too small


class LearningPage(QWidget):
    """Three tabs: loss functions, the numerical derivative, the gradient and its descent."""

    def __init__(self, state=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._loss_tab(), tr("Loss functions"))
        self.tabs.addTab(self._derivative_tab(), tr("Numerical differentiation"))
        self.tabs.addTab(self._gradient_tab(), tr("Gradient and gradient descent"))
        layout = QVBoxLayout(self)
        layout.addWidget(header(tr("Ch. 4 · eq. 4.1, 4.2, figs. 4-5, 4-9, 4-10"),
                                tr("Learning from data"), tr(
            "Learning lowers a loss function; its gradient, here by numerical "
            "differentiation, says which way is downhill.")))
        layout.addWidget(self.tabs, 1)
        self.set_output(", ".join(f"{v:g}" for v in BOOK_Y), 2)
        self._on_derivative_changed()
        self._on_descent_changed()

    # -- losses (eq. 4.1, 4.2) --------------------------------------------------------------
    def _loss_tab(self) -> QWidget:
        tab = QWidget()
        self.output = QLineEdit()
        self.label = IntBox()
        self.label.setRange(0, 9)
        self.loss_text = WrapLabel()
        self.loss_text.setWordWrap(True)
        self.y_plot = plot(tr("Network output y and the one-hot label t"), tr("class"), "y",
                           integer_x=True)
        self.y_bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=PENS[0])
        self.t_bars = pg.BarGraphItem(x=[], height=[], width=0.2, brush=PENS[1])
        self.y_plot.addItem(self.y_bars)
        self.y_plot.addItem(self.t_bars)
        self.y_plot.setRange(xRange=(-0.6, 9.6), yRange=(0, 1.05), padding=0)
        grid = QGridLayout()
        grid.addWidget(QLabel(tr("Output y (10 values, e.g. softmax):")), 0, 0)
        grid.addWidget(self.output, 0, 1)
        grid.addWidget(QLabel(tr("Correct label (t is one-hot):")), 1, 0)
        grid.addWidget(self.label, 1, 1)
        layout = QVBoxLayout(tab)
        layout.addLayout(grid)
        layout.addWidget(self.loss_text)
        layout.addWidget(self.y_plot, 1)
        self.output.textChanged.connect(self._on_loss_changed)
        self.label.valueChanged.connect(self._on_loss_changed)
        return tab

    def set_output(self, text: str, label: int) -> None:
        self.label.setValue(label)
        self.output.setText(text)
        self._on_loss_changed()

    def _on_loss_changed(self, _=None) -> None:
        try:
            y = np.array(parse_numbers(self.output.text()))
        except ValueError:
            y = np.array([])
        if y.size != 10 or np.any(y < 0):
            self.loss_text.setText(tr("Type 10 numbers from 0 to 1, separated by commas."))
            self.y_bars.setOpts(x=[], height=[])     # not the bars of the list before
            self.t_bars.setOpts(x=[], height=[])
            return
        t = np.zeros(10)
        t[self.label.value()] = 1
        value = losses(y, t)
        yk = y[self.label.value()]
        # the value is the book's cross_entropy_error: log(y + delta), delta = 1e-7 (4.2.2);
        # the formula shows it ("−log 0 = 16.1181" hid it)
        text = tr(
            "Mean squared error E = ½ Σ (y_k − t_k)² = {mse}   ·   Cross-entropy error "
            "E = −Σ t_k log(y_k + δ) = −log({yk} + 1e-7) = {ce}. Move the 0.6 to another "
            "class: both grow (the book: 0.0975 → 0.5975 and 0.51 → 2.30).").format(
            mse=f"{value['mse']:.4f}", yk=f"{yk:g}", ce=f"{value['cross_entropy']:.4f}")
        if yk == 0:
            text += ("" if text.endswith(("。", "）")) else " ") + tr(  # no space after 。
                "y_k is 0 and log 0 is −∞: the book's cross_entropy_error adds a tiny "
                "δ = 1e-7 so the error stays a number (ch. 4.2.2), here −log(1e-7) ≈ 16.12.")
        self.loss_text.setText(text)
        self.y_bars.setOpts(x=np.arange(10), height=y)
        self.t_bars.setOpts(x=np.arange(10), height=t)

    # -- numerical derivative (4.3.1) -------------------------------------------------------
    def _derivative_tab(self) -> QWidget:
        tab = QWidget()
        self.dtype = QComboBox()
        self.dtype.addItem("float64", np.float64)
        self.dtype.addItem("float32", np.float32)
        self.h_plot = plot(tr("Error of the derivative of 0.01x² + 0.1x at x = 5"), "h",
                           tr("|error|"))
        self.h_plot.setLogMode(True, True)
        FittedLegend(self.h_plot, 1)  # under: the curves fill the plot
        self.h_curves = {k: self.h_plot.plot([], [], pen=pg.mkPen(PENS[i], width=2),
                                             symbol="o", symbolSize=4, name=name)
                         for i, (k, name) in enumerate((
                             ("forward", tr("forward difference (f(x+h) − f(x)) / h")),
                             ("central", tr("central difference (f(x+h) − f(x−h)) / 2h"))))}
        self.h_note = WrapLabel()
        self.h_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Number type")))
        row.addWidget(self.dtype)
        row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.h_plot, 1)
        layout.addWidget(self.h_note)
        self.dtype.currentIndexChanged.connect(self._on_derivative_changed)
        return tab

    def _on_derivative_changed(self, _=None) -> None:
        err = derivative_errors(_HS, dtype=self.dtype.currentData())
        for key, curve in self.h_curves.items():
            curve.setData(_HS, np.maximum(err[key], 1e-17))  # 0 cannot be drawn on a log axis
        best = _HS[np.argmin(err["forward"])]
        self.h_note.setText(tr(
            "True derivative 0.2. For the forward difference, shrinking h first helps (less "
            "truncation error), then hurts (rounding error): its best h is {best}. The central "
            "difference has no truncation error on a quadratic, only rounding; the book uses "
            "h = 1e-4. At h = 1e-50, 5 + h rounds to 5, the difference is 0 and the error is "
            "the whole 0.2.").format(best=f"{best:.0e}"))

    # -- gradient field and descent (figs. 4-9, 4-10) ---------------------------------------
    def _gradient_tab(self) -> QWidget:
        tab = QWidget()
        self.field_plot = plot(tr("f(x0, x1) = x0² + x1²: −gradient (arrows) and descent paths"),
                               "x0", "x1", square=True)
        for r in (1, 2, 3, 4, 5):
            a = np.linspace(0, 2 * np.pi, 100)
            self.field_plot.plot(r * np.cos(a), r * np.sin(a),
                                 pen=pg.mkPen("#bbbbbb", style=pg.QtCore.Qt.PenStyle.DashLine))
        points, arrows = gradient_field(-4, 4, 17)
        self.arrows = self.field_plot.plot(*_arrow_segments(points, arrows * 0.08),
                                           connect="pairs", pen=pg.mkPen("#555555"))
        self.paths = [self.field_plot.plot([], [], pen=pg.mkPen(PENS[i], width=w, style=style),
                                           symbol=sym, symbolSize=size, symbolBrush=PENS[i],
                                           symbolPen=None)
                      for i, (w, style, sym, size) in enumerate((
                          (2, pg.QtCore.Qt.PenStyle.SolidLine, "o", 7),
                          (1, pg.QtCore.Qt.PenStyle.DashLine, "s", 5),
                          (4, pg.QtCore.Qt.PenStyle.SolidLine, "o", 3)))]
        for z, curve in zip((3, 1, 2), self.paths, strict=True):
            curve.setZValue(z)
        self.start = pg.TargetItem((-3.0, 4.0), size=14, movable=True, pen="k")
        self.field_plot.addItem(self.start)
        self.field_plot.setRange(xRange=(-5, 5), yRange=(-5, 5), padding=0)
        self.lrs = []
        self.steps = IntBox()
        self.steps.setRange(1, 200)
        self.steps.setValue(20)
        controls = QGridLayout()
        for i, lr in enumerate(_LRS):
            box = FloatBox(0.0, 20.0, lr)
            box.setSingleStep(0.01)  # the first step up from 0
            box.setStyleSheet(f"color: {PENS[i]}")
            box.valueChanged.connect(self._on_descent_changed)
            self.lrs.append(box)
            controls.addWidget(QLabel(tr("learning rate {i}").format(i=i + 1)), 0, 2 * i)
            controls.addWidget(box, 0, 2 * i + 1)
        controls.addWidget(QLabel(tr("steps")), 0, 6)
        controls.addWidget(self.steps, 0, 7)
        self.descent_note = WrapLabel()
        self.descent_note.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addLayout(controls)
        layout.addWidget(self.field_plot, 1)
        layout.addWidget(self.descent_note)
        self.steps.valueChanged.connect(self._on_descent_changed)
        self.start.sigPositionChanged.connect(self._on_descent_changed)
        return tab

    def set_start(self, x0: float, x1: float) -> None:
        self.start.setPos(x0, x1)
        self._on_descent_changed()

    def _on_descent_changed(self, _=None) -> None:
        pos = self.start.pos()
        start = (pos.x(), pos.y())
        finals = []
        for box, curve in zip(self.lrs, self.paths, strict=True):
            path = gradient_descent(start, box.value(), self.steps.value())
            shown = path[np.all(np.abs(path) < 1e6, axis=1)]  # a diverging path leaves the plot
            curve.setData(shown[:, 0], shown[:, 1])
            last = path[-1]
            finals.append(tr("lr {lr}: f = {f} after {n} steps").format(
                lr=f"{box.value():g}", f=f"{float(function_2(last)):.3g}", n=len(path) - 1))
        self.descent_note.setText(tr("Drag the target to move the start. ") + " · ".join(finals)
                                  + tr(". Too large a learning rate bounces or diverges; too "
                                       "small a one hardly moves."))


def _arrow_segments(points: np.ndarray, vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Line segments (pairs of points) drawing an arrow from each point along its vector."""
    tips = points + vectors
    back = -vectors * 0.3
    left = tips + back + np.stack([-back[:, 1], back[:, 0]], axis=1) * 0.6
    right = tips + back - np.stack([-back[:, 1], back[:, 0]], axis=1) * 0.6
    segments = np.stack([points, tips, tips, left, tips, right], axis=1).reshape(-1, 2)
    return segments[:, 0], segments[:, 1]
