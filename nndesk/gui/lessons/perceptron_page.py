"""Ch. 2 lesson: gates from w1, w2, b; the decision line over the four points; XOR in two layers."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.i18n import tr
from nndesk.gui.lessons.common import PENS, ValueSlider, header, plot
from nndesk.gui.nobreak import WrapLabel
from nndesk.lessons.perceptrons import (
    GATES,
    INPUTS,
    TARGETS,
    decision_line,
    train_perceptron,
    truth_table,
    xor_layers,
)

__all__ = ["PerceptronPage"]

_GRID = np.stack(np.meshgrid(np.linspace(-0.5, 1.5, 81), np.linspace(-0.5, 1.5, 81)),
                 axis=-1).reshape(-1, 2)  # where the output region is shaded


class PerceptronPage(QWidget):
    """Edit w1, w2, b; the truth table and the line follow at once."""

    def __init__(self, state=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.two_layers = False
        self.gate = QComboBox()
        for name in ("AND", "NAND", "OR", "XOR"):
            self.gate.addItem(name, name)
        self.sliders = [ValueSlider(n, -2.0, 2.0, v) for n, v in
                        zip(("w1", "w2", "b"), GATES["AND"], strict=True)]
        self.book_button = QPushButton(tr("Book's weights"))
        self.find_button = QPushButton(tr("Find weights (perceptron learning rule)"))
        self.xor_button = QPushButton(tr("Build XOR from NAND, OR and AND (two layers)"))
        self.table = QTableWidget(4, 5)
        self.table.verticalHeader().hide()
        self.table.setMaximumHeight(150)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status = WrapLabel()
        self.status.setWordWrap(True)

        self.view = plot(tr("Inputs (x1, x2) and the decision line"), "x1", "x2", square=True)
        self.region = pg.ImageItem()
        self.view.addItem(self.region)
        self.lines = [self.view.plot([], [], pen=pg.mkPen(PENS[i], width=3)) for i in range(2)]
        self.points = pg.ScatterPlotItem(size=18, pen=pg.mkPen("k", width=2))
        self.view.addItem(self.points)
        self.view.setRange(xRange=(-0.5, 1.5), yRange=(-0.5, 1.5), padding=0)

        controls = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Gate")))
        row.addWidget(self.gate, 1)
        controls.addLayout(row)
        for s in self.sliders:
            controls.addWidget(s)
        for b in (self.book_button, self.find_button, self.xor_button):
            controls.addWidget(b)
        controls.addWidget(self.table)
        controls.addWidget(self.status)
        controls.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(controls, 2)
        body.addWidget(self.view, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(header(tr("Ch. 2 · figs. 2-6, 2-7, 2-13"), tr("Perceptrons"), tr(
            "y = 1 when w1·x1 + w2·x2 + b > 0, else 0. One perceptron draws one straight line: "
            "AND, NAND and OR have one, XOR needs two layers.")))
        layout.addLayout(body, 1)

        self.gate.currentIndexChanged.connect(self._on_gate_changed)
        for s in self.sliders:
            s.value_changed.connect(self._on_weights_changed)
        self.book_button.clicked.connect(self.use_book_weights)
        self.find_button.clicked.connect(self.find_weights)
        self.xor_button.clicked.connect(self.show_two_layers)
        self._on_gate_changed()

    # -- the user's edits ---------------------------------------------------------------------
    def weights(self) -> tuple[float, float, float]:
        return tuple(s.value() for s in self.sliders)

    def set_weights(self, w1: float, w2: float, b: float) -> None:
        for s, v in zip(self.sliders, (w1, w2, b), strict=True):
            s.set_value(v)
        self._on_weights_changed()

    def _target(self) -> tuple[int, ...]:
        return TARGETS[self.gate.currentData()]

    def _on_gate_changed(self) -> None:
        xor = self.gate.currentData() == "XOR"
        self.xor_button.setVisible(xor)
        self.book_button.setEnabled(not xor)
        if not xor:
            self.use_book_weights()
        else:
            self._on_weights_changed()

    def use_book_weights(self) -> None:
        self.set_weights(*GATES[self.gate.currentData()])

    def find_weights(self) -> None:
        """Run the perceptron rule from zero weights; XOR never settles (no line exists)."""
        fit = train_perceptron(self._target(), max_epochs=100)
        self.set_weights(round(fit.w1, 2), round(fit.w2, 2), round(fit.b, 2))
        if fit.converged:
            self.status.setText(tr("The learning rule found these weights in {n} epochs.")
                                .format(n=fit.epochs))
        else:
            self.status.setText(tr("After {n} epochs the rule still gets {k} of 4 rows wrong: "
                                   "no single line separates XOR (fig. 2-7).")
                                .format(n=fit.epochs, k=self.rows_wrong()))

    def rows_wrong(self) -> int:
        """Rows of the truth table the weights shown get wrong (the red rows)."""
        return int((truth_table(*self.weights()) != np.array(self._target())).sum())

    def _on_weights_changed(self, _=None) -> None:
        self.two_layers = False
        for slider in self.sliders:       # one perceptron again: its weights are these
            slider.setEnabled(True)
        w1, w2, b = self.weights()
        y = truth_table(w1, w2, b)
        t = np.array(self._target())
        sums = INPUTS @ np.array([w1, w2]) + b
        self._fill_table(["x1", "x2", "w1·x1+w2·x2+b", "y", tr("target")],
                         [INPUTS[:, 0], INPUTS[:, 1], sums, y, t], wrong=y != t)
        line = decision_line(w1, w2, b)
        self.lines[0].setData(*(line if line is not None else ([], [])))
        self.lines[1].setData([], [])
        self._draw_points(t)
        self._shade(truth_table(w1, w2, b, _GRID))
        wrong = self.rows_wrong()
        self.status.setText(tr("All four rows are right.") if not wrong else
                            tr("{k} of 4 rows are wrong (red).").format(k=wrong))

    def show_two_layers(self) -> None:
        """Fig. 2-13: the NAND and OR lines; the AND of the two half-planes is XOR."""
        self.two_layers = True
        for slider in self.sliders:       # three perceptrons now, not the sliders' one
            slider.setEnabled(False)
        out = xor_layers()
        self._fill_table(["x1", "x2", "s1 = NAND", "s2 = OR", "y = AND(s1, s2)"],
                         [INPUTS[:, 0], INPUTS[:, 1], out["s1"], out["s2"], out["y"]],
                         wrong=out["y"] != np.array(TARGETS["XOR"]))
        for item, gate in zip(self.lines, ("NAND", "OR"), strict=True):
            item.setData(*decision_line(*GATES[gate]))
        self._shade(xor_layers(_GRID)["y"])
        weights = {g: ", ".join(f"{v:g}" for v in GATES[g]) for g in ("NAND", "OR", "AND")}
        first = tr("Two lines: the output is 1 between them. Layer 1 computes NAND and OR, "
                   "layer 2 computes AND of their outputs.")
        self.status.setText(first + ("" if first.endswith("。") else " ") + tr(
            "Their weights (w1, w2, b) are the book's: NAND {nand}; OR {or_}; AND {and_}. The "
            "sliders are one perceptron's: Find weights or another gate brings them back.")
            .format(nand=weights["NAND"], or_=weights["OR"], and_=weights["AND"]))

    def _shade(self, y: np.ndarray) -> None:
        """Tint the plane: blue where the output is 1, grey where it is 0."""
        ones = y.reshape(81, 81)[..., None] > 0
        self.region.setImage(np.where(ones, [[[0, 114, 178, 70]]], [[[160, 160, 160, 50]]])
                             .astype(np.uint8), levels=None)
        self.region.setRect(-0.5, -0.5, 2.0, 2.0)

    def _fill_table(self, names: list[str], columns: list, wrong: np.ndarray) -> None:
        self.table.setHorizontalHeaderLabels(names)
        for r in range(4):
            for c, col in enumerate(columns):
                v = col[r]
                text = f"{v:.2f}" if isinstance(v, float) and c == 2 else f"{v:g}"
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if wrong[r]:
                    item.setBackground(QBrush(QColor(255, 190, 190)))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def _draw_points(self, t: np.ndarray) -> None:
        """The book's marks: a circle where the target is 0, a triangle where it is 1."""
        self.points.setData(INPUTS[:, 0], INPUTS[:, 1],
                            symbol=["t1" if v else "o" for v in t],
                            brush=[pg.mkBrush("#D55E00" if v else "w") for v in t])
