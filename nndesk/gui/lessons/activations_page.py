"""Ch. 3 lesson: the activation functions and their derivatives, softmax's overflow, and the
shapes of the 3-layer forward pass for one sample and for a batch."""

from __future__ import annotations

import functools
import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.float_box import IntBox
from nndesk.gui.i18n import N_, tr
from nndesk.gui.lessons.common import PENS, header, parse_numbers, plot
from nndesk.gui.nobreak import WrapLabel
from nndesk.lessons.activations import (
    ACTIVATIONS,
    BOOK_X,
    NETWORKS,
    activation_curve,
    forward_steps,
    softmax_naive,
    softmax_stable,
)

__all__ = ["ActivationsPage"]

_NAMES = {"step": N_("step function"), "sigmoid": N_("sigmoid function"),
          "tanh": N_("tanh function"), "ReLU": N_("ReLU function"),
          "leaky ReLU": N_("leaky ReLU (α = 0.1)"), "identity": N_("identity function")}

# how a step's function is written in the formulas
_FUNCTIONS = {"sigmoid": "σ", "identity": N_("identity"), "softmax": "softmax"}


class ActivationsPage(QWidget):
    """Three tabs: activation curves, softmax of an edited vector, the forward pass's shapes."""

    def __init__(self, state=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._curves_tab(), tr("Activation functions"))
        self.tabs.addTab(self._softmax_tab(), tr("softmax function"))
        self.tabs.addTab(self._forward_tab(), tr("Forward pass and shapes"))
        layout = QVBoxLayout(self)
        layout.addWidget(header(tr("Ch. 3 · figs. 3-6 to 3-9, 3-15 to 3-20, eq. 3.10, 3.11"),
                                tr("Neural networks"), tr(
            "The activation function turns a layer's weighted sum into its output; the "
            "derivative is what backprop multiplies by (ch. 5).")))
        layout.addWidget(self.tabs, 1)
        self._on_curves_changed()
        self.set_vector_text("1010, 1000, 990")
        self._on_forward_changed()

    # -- activation curves (figs. 3-6 to 3-9) -----------------------------------------------
    def _curves_tab(self) -> QWidget:
        tab = QWidget()
        self.checks: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for i, name in enumerate(ACTIVATIONS):
            box = QCheckBox(tr(_NAMES[name]))
            box.setStyleSheet(f"QCheckBox {{ color: {PENS[i]}; font-weight: bold; }}")
            box.setChecked(name in ("step", "sigmoid", "ReLU"))
            box.toggled.connect(self._on_curves_changed)
            self.checks[name] = box
            row.addWidget(box)
        row.addStretch(1)
        self.curve_plot = plot("h(x)", "x", "h(x)")
        self.slope_plot = plot(tr("Derivative h'(x)"), "x", "h'(x)")
        self.curves, self.slopes = {}, {}
        for i, name in enumerate(ACTIVATIONS):
            pen = pg.mkPen(PENS[i], width=2)
            self.curves[name] = self.curve_plot.plot([], [], pen=pen)
            self.slopes[name] = self.slope_plot.plot([], [], pen=pen)
        for p in (self.curve_plot, self.slope_plot):
            p.setRange(xRange=(-5, 5), yRange=(-1.2, 1.6), padding=0)
        plots = QHBoxLayout()
        plots.addWidget(self.curve_plot)
        plots.addWidget(self.slope_plot)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addLayout(plots, 1)
        return tab

    def _on_curves_changed(self) -> None:
        for name, box in self.checks.items():
            x, y, dy = activation_curve(name) if box.isChecked() else ([], [], [])
            self.curves[name].setData(x, y)
            self.slopes[name].setData(x, dy)

    # -- softmax (eq. 3.10 and 3.11) --------------------------------------------------------
    def _softmax_tab(self) -> QWidget:
        tab = QWidget()
        self.vector = QLineEdit()
        self.vector.setPlaceholderText("0.3, 2.9, 4.0")
        self.vector.textChanged.connect(self._on_vector_changed)
        self.softmax_table = QTableWidget(0, 6)
        self.softmax_table.setHorizontalHeaderLabels(
            ["a", "exp(a)", tr("naive softmax"), "a − max(a)", "exp(a − max(a))",
             tr("softmax function")])
        self.softmax_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.softmax_note = WrapLabel()
        self.softmax_note.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(tr("Scores a (comma-separated; try 1010, 1000, 990):")))
        layout.addWidget(self.vector)
        self.bars_plot = plot(tr("softmax(a): probabilities"), "k", "y", integer_x=True)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=PENS[0])
        self.bars_plot.addItem(self.bars)
        self.bars_plot.setYRange(0, 1)
        row = QHBoxLayout()
        row.addWidget(self.softmax_table, 3)
        row.addWidget(self.bars_plot, 2)
        layout.addLayout(row, 1)
        layout.addWidget(self.softmax_note)
        return tab

    def set_vector_text(self, text: str) -> None:
        self.vector.setText(text)
        self._on_vector_changed()

    def _on_vector_changed(self, _=None) -> None:
        try:
            a = np.array(parse_numbers(self.vector.text()))
        except ValueError:
            self._clear_softmax(tr("Type numbers separated by commas."))
            return
        if a.size == 0 or a.size > 20:
            self._clear_softmax(tr("Type between 1 and 20 numbers."))
            return
        naive, overflowed = softmax_naive(a)
        shifted, y = softmax_stable(a)
        with np.errstate(over="ignore"):
            columns = [a, np.exp(a), naive, shifted, np.exp(shifted), y]
        self.softmax_table.setRowCount(a.size)
        for c, col in enumerate(columns):
            for r, v in enumerate(col):
                item = QTableWidgetItem(f"{v:.6g}")
                if not np.isfinite(v):
                    item.setForeground(Qt.GlobalColor.red)
                self.softmax_table.setItem(r, c, item)
        self.softmax_table.resizeColumnsToContents()
        self.bars.setOpts(x=np.arange(1, a.size + 1), height=y)
        self.bars_plot.setXRange(0.4, a.size + 0.6)
        note = (tr("exp(a) overflows to inf: the naive softmax gives nan (inf / inf). "
                   "Subtracting the largest score first gives the same probabilities and "
                   "no overflow (eq. 3.11).") if overflowed else
                tr("No overflow at this scale; the two columns agree. The probabilities "
                   "sum to {total} and keep the order of the scores.").format(
                    total=f"{y.sum():.6f}"))
        self.softmax_note.setText(note)

    def _clear_softmax(self, why: str) -> None:
        """A list that is not numbers: no table or bars of the list before it, only why."""
        self.softmax_table.setRowCount(0)
        self.bars.setOpts(x=[], height=[])
        self.softmax_note.setText(why)

    # -- forward pass (3.4.3, 3.6.3) --------------------------------------------------------
    def _forward_tab(self) -> QWidget:
        tab = QWidget()
        self.network_choice = QComboBox()
        self.network_choice.addItem(tr("The book's 2-3-2-2 network (3.4.3)"), "book")
        self.network_choice.addItem(tr("MNIST: 784-50-100-10 (3.6)"), "mnist")
        self.batch = IntBox()
        self.batch.setRange(0, 1000)
        self.batch.setSpecialValueText(tr("one sample"))
        self.forward_text = QTextBrowser()
        controls = QGridLayout()
        controls.addWidget(QLabel(tr("Network")), 0, 0)
        controls.addWidget(self.network_choice, 0, 1)
        controls.addWidget(QLabel(tr("Batch size N")), 1, 0)
        controls.addWidget(self.batch, 1, 1)
        layout = QVBoxLayout(tab)
        layout.addLayout(controls)
        layout.addWidget(self.forward_text, 1)
        self.network_choice.currentIndexChanged.connect(self._on_forward_changed)
        self.batch.valueChanged.connect(self._on_forward_changed)
        return tab

    def _on_forward_changed(self, _=None) -> None:
        key = self.network_choice.currentData()
        net, output = NETWORKS[key]
        n = self.batch.value()
        x = BOOK_X if key == "book" else _digit()
        if n:
            x = np.tile(x, (n, 1))
        lines = [tr("X {shape}: {what}").format(
            shape=_shape(x.shape), what=tr("one sample") if not n else
            tr("{n} samples, one per row").format(n=n))]
        steps = forward_steps(x, net, output)
        for s in steps:
            i = s.layer
            lines.append(f"<b>A{i} {_shape(s.a_shape)}</b> = "
                         f"{'X' if i == 1 else f'Z{i - 1}'} {_shape(s.x_shape)} · "
                         f"W{i} {_shape(s.w_shape)} + b{i} {_shape(s.b_shape)}")
            act = tr(_FUNCTIONS[s.activation])
            out = "Z" + str(i) if s.activation == "sigmoid" else "Y"
            lines.append(f"&nbsp;&nbsp;{out} = {act}(A{i}) {_shape(s.a_shape)}")
            if not n and (key == "book" or out == "Y"):   # MNIST: only the 10 outputs
                lines.append(f"&nbsp;&nbsp;<span style='color:#555'>A{i} = "
                             f"{html.escape(_values(s.a, 4))} → {out} = "
                             f"{html.escape(_values(s.z, 8 if key == 'book' else 4))}</span>")
        if output == "softmax":
            lines.append(tr("3.6's predict() ends with softmax: the 10 outputs are "
                            "probabilities, each row sums to 1 (here {total}). The weights "
                            "are untrained (std 0.01), so every digit gets about 0.1.").format(
                total=f"{steps[-1].z.reshape(-1, 10)[0].sum():.6f}"))
        else:
            lines.append(tr("3.4.3's forward() ends with the identity function: the outputs "
                            "are the scores A3 unchanged."))
        lines.append(tr("The inner sizes must match: the columns of the left matrix equal the "
                        "rows of W; b is added to every row (broadcasting)."))
        self.forward_text.setHtml("<div style='font-size: 11pt; line-height: 140%'>"
                                  + "<br>".join(lines) + "</div>")


@functools.cache
def _digit() -> np.ndarray:
    """A drawn "7" as the 784 input values of 3.6 (the same for every row of a batch)."""
    from nndesk.lessons.convolution import sample_digit

    return sample_digit().reshape(-1).astype(np.float64)


def _values(v: np.ndarray, precision: int) -> str:
    return np.array2string(np.asarray(v), precision=precision, max_line_width=200)


def _shape(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(v) for v in shape) + ("," if len(shape) == 1 else "") + ")"
