"""The layer-health view's figures for one measurement (`insight.health.layer_health`'s
report): a row of histograms per weighted layer (weights, gradients, the activation after it
with its dead or saturated share), each layer's gradient-RMS curve over the run, the table of
norms and the BatchNorm running statistics. What is measured when is health_panel.py's."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.health_plot import fit_ranges
from nndesk.gui.i18n import tr
from nndesk.gui.nobreak import WrapLabel

__all__ = ["HealthFigures"]

ROW_HEIGHT = 110  # pixels per weighted layer's row of histograms (the rows scroll)
COLORS = ["#2f6fdb", "#b5522b", "#2a9d5c", "#8e44ad", "#c49a00", "#16a0b5", "#6b6b6b"]


class HealthFigures(QSplitter):
    """Histograms on the left; the gradient-RMS curve, the table and BatchNorm on the right.
    `every_s`: the least time between two measurements (the curve's axis says it)."""

    def __init__(self, every_s: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hists = pg.GraphicsLayoutWidget()
        self.hists.setBackground("w")
        self.norms = pg.PlotWidget()
        self.norms.setTitle(tr("Gradient RMS per weight while training"), size="9pt")
        self.norms.setBackground("w")
        self.norms.setLogMode(False, True)
        # before any measurement: whole decades (a log axis spanning less than one shows
        # bare ticks 2..9 with no power of ten to read them by)
        self.norms.setXRange(0, 100, padding=0)
        self.norms.setYRange(-4, -1, padding=0)
        legend = self.norms.addLegend(offset=(-5, 5), brush=pg.mkBrush(255, 255, 255, 150))
        legend.setZValue(10)  # over the curves (they showed through its text), see-through
        legend.setColumnCount(3)  # a short band at the top, not a column over the newest points
        self.norms.setLabel("bottom", tr("batch (a point every {s} s or more)").format(
            s=f"{every_s:g}"))  # short: a narrow plot cut the longer one (QA)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [tr("Layer"), "‖W‖", "‖dW‖", "RMS(dW)", tr("lr·‖dW‖/‖W‖")])
        # each column as wide as its header and numbers (equal stretched columns cut the last
        # header in Japanese, "学習係数·‖dW‖/‖W‖"); the room left goes to the last one, a
        # table narrower than its columns scrolls sideways
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.bn = WrapLabel()
        self.bn.setWordWrap(True)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.norms, 3)
        rv.addWidget(self.table, 2)
        rv.addWidget(self.bn)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.hists)
        self.addWidget(scroll)
        self.addWidget(right)
        self.setSizes([600, 400])

    def show_report(self, report: dict, steps: list[int],
                    norm_history: list[list[float]]) -> None:
        """Show one measurement; `steps`/`norm_history` the curve's points so far."""
        weighted = report["weighted"]
        self.draw_hists(report)
        self.draw_norms(weighted, steps, norm_history)
        self.table.setRowCount(len(weighted))
        for r, w in enumerate(weighted):
            ratio = "–" if w["update_ratio"] is None else f"{w['update_ratio']:.1e}"
            for c, text in enumerate((f"{w['index'] + 1} {w['type']}", f"{w['weight_norm']:.3g}",
                                      f"{w['grad_norm']:.3g}", f"{w['grad_rms']:.3g}", ratio)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.bn.setText("\n".join(tr("BatchNorm {n}: running mean {m}, running variance {v} "
                                     "(averaged over {k} features)").format(
            n=b["index"] + 1, m=f"{np.mean(b['running_mean']):.3g}",
            v=f"{np.mean(b['running_var']):.3g}", k=len(b["running_mean"]))
            for b in report["batchnorm"]))

    def draw_hists(self, report: dict) -> None:
        """One row per weighted layer; the plots are made once per design, then only their
        bars and titles change (making 20 plots costs seconds, updating them milliseconds)."""
        acts = {a["index"]: a for a in report["activations"]}
        starts = [w["index"] for w in report["weighted"]] + [10 ** 9]
        rows = []
        for row, w in enumerate(report["weighted"]):
            after = [acts[i] for i in sorted(acts) if starts[row] < i < starts[row + 1]]
            panels = [(tr("layer {n} {type}: weights").format(n=w["index"] + 1, type=w["type"]),
                       w["weights"], "#6b6b6b"),
                      (tr("gradients"), w["grads"], "#b5522b")]
            if after:
                a = after[0]
                dead = a["dead_fraction"] is not None
                p = a["dead_fraction"] if dead else a["saturated_fraction"]
                share = (tr("dead {p}%") if dead else tr("saturated {p}%")).format(
                    p=f"{100 * p:.0f}")
                panels.append((f"{a['index'] + 1} {a['type']}: {share}", a["hist"], "#2f6fdb"))
            rows.append(panels)
        key = tuple(len(panels) for panels in rows)
        if key != getattr(self, "_hist_key", None):
            self._hist_key, self._bars = key, []
            self.hists.clear()
            self.hists.setMinimumHeight(ROW_HEIGHT * len(rows))
            for r, panels in enumerate(rows):
                for c, (_, _, color) in enumerate(panels):
                    plot = self.hists.addPlot(row=r, col=c)
                    bars = pg.BarGraphItem(x0=[0], x1=[1], height=[0], brush=color, pen=None)
                    plot.addItem(bars)
                    plot.hideAxis("left")
                    plot.setMouseEnabled(False, False)
                    plot.hideButtons()
                    self._bars.append((plot, bars))
        for (plot, bars), (title, h, _) in zip(self._bars, [p for ps in rows for p in ps],
                                               strict=True):
            edges = np.array(h["edges"])
            bars.setOpts(x0=edges[:-1], x1=edges[1:], height=np.array(h["counts"]))
            if plot.titleLabel.text != title:
                plot.setTitle(title, size="8pt")
            plot.enableAutoRange()

    def draw_norms(self, weighted: list[dict], steps: list[int],
                   norm_history: list[list[float]]) -> None:
        """One curve per weighted layer: its gradient RMS at each measured batch `steps`."""
        history = np.array(norm_history, dtype=float).reshape(
            len(norm_history), len(weighted))  # (points, layers)
        curves = getattr(self, "_curves", [])
        names = [f"{w['index'] + 1} {w['type']}" for w in weighted]
        if [c.name() for c in curves] != names:  # a new design: one curve per weighted layer
            self.norms.clear()
            curves = self._curves = [
                self.norms.plot(pen=pg.mkPen(COLORS[j % len(COLORS)], width=2), symbol="o",
                                symbolSize=5, symbolPen=None,  # one update shows, too
                                symbolBrush=COLORS[j % len(COLORS)],
                                name=name)
                for j, name in enumerate(names)]
        x = np.array(steps, dtype=float)
        for j, curve in enumerate(curves):
            curve.setData(x, np.maximum(history[:, j], 1e-12))
        fit_ranges(self.norms.getPlotItem(), x, history)  # one point as readable as many
