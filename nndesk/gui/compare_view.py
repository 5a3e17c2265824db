"""CompareView: two runs side by side: exactly which settings differ (computed by
`nndesk.insight.compare.diff_runs`), their final accuracies and their accuracy curves."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.i18n import N_, tr
from nndesk.gui.run_curves import IntegerAxis, Run
from nndesk.gui.state import AppState

__all__ = ["CompareView", "show_comparison", "GROUP_NAMES", "aligned_layers"]

GROUP_NAMES = {"architecture": N_("architecture"), "init": N_("weight init"),
               "optimizer": N_("optimizer"), "learning rate": N_("learning rate"),
               "seed": N_("seed"), "augmentation": N_("augmentation"), "other": N_("other")}


def _final(values: list[float]) -> str:
    finite = [v for v in values if math.isfinite(v)]
    return f"{finite[-1]:.2f}%" if finite else "–"


def _best(values: list[float]) -> str:
    finite = [v for v in values if math.isfinite(v)]
    return f"{max(finite):.2f}%" if finite else "–"


def aligned_layers(a: tuple[dict, dict], b: tuple[dict, dict]) -> list[tuple[str, str, bool]]:
    """The two runs' layers side by side, one row per place (layer i of A beside layer i of B,
    "" where a run has no layer i): [(a_text, b_text, differ)], each text the layer as
    `insight.compare.run_settings` writes it, its init after it ("Dense(units=100) · init 1.0")."""
    from nndesk.insight.compare import run_settings

    sides = [run_settings(*a), run_settings(*b)]
    n = max(len(spec.get("layers", [])) for spec, _ in (a, b))
    rows = []
    for i in range(1, n + 1):
        texts = []
        for side in sides:
            text = side.get(("architecture", f"layer {i}")) or ""
            init = side.get(("init", f"layer {i} init"))
            texts.append(f"{text} · init {init}" if text and init is not None else text)
        rows.append((texts[0], texts[1], texts[0] != texts[1]))
    return rows


class CompareView(QDialog):
    """The differences of runs `a` and `b` (each a Run with `.settings` = {"spec", "config"})."""

    def __init__(self, state: AppState, a: Run, b: Run, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from nndesk.insight.compare import diff_runs

        self.state = state
        self.setWindowTitle(tr("Compare runs"))
        self.runs = (a, b)
        known = all(r.settings for r in self.runs)
        self.differences = diff_runs(*[(r.settings["spec"], r.settings["config"])
                                       for r in self.runs]) if known else []
        heads = QHBoxLayout()
        for tag, run in zip("AB", self.runs, strict=True):
            label = QLabel(tr("<b style='color:{color}'>■ {tag}</b> {name}<br>final validation "
                              "accuracy {val} (best {best}), training {train}").format(
                color=run.color, tag=tag, name=run.name.replace("<", "&lt;"),
                val=_final(run.val_acc), best=_best(run.val_acc), train=_final(run.train_acc)))
            label.setTextFormat(Qt.TextFormat.RichText)
            heads.addWidget(label, 1)
        self.summary = QLabel(
            tr("The settings of these runs are not known.") if not known else
            tr("Same settings: the runs differ only by chance.") if not self.differences else
            tr("Settings that differ: {n}").format(n=len(self.differences)))
        self.table = QTableWidget(len(self.differences), 4)
        self.table.setHorizontalHeaderLabels([tr("what"), tr("setting"), "A", "B"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, d in enumerate(self.differences):
            cells = (tr(GROUP_NAMES[d.group]), d.setting, "–" if d.a is None else str(d.a),
                     "–" if d.b is None else str(d.b))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setForeground(QColor(self.runs[col - 2].color))
                self.table.setItem(row, col, item)
        self.layers = QTableWidget(0, 3)
        self.layers.setHorizontalHeaderLabels(["#", tr("A's layers"), tr("B's layers")])
        self.layers.verticalHeader().hide()
        self.layers.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        head = self.layers.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        if known:
            rows = aligned_layers(*[(r.settings["spec"], r.settings["config"])
                                    for r in self.runs])
            self.layers.setRowCount(len(rows))
            bold = QFont()
            bold.setBold(True)
            for row, (ta, tb, differ) in enumerate(rows):
                for col, text in enumerate((str(row + 1), ta, tb)):
                    item = QTableWidgetItem(text)
                    if differ:  # the rows that differ stand out; the same ones read as context
                        item.setFont(bold)
                        if col:
                            item.setForeground(QColor(self.runs[col - 1].color))
                    self.layers.setItem(row, col, item)
        self.plot = pg.PlotWidget(background="w", axisItems={"bottom": IntegerAxis("bottom")})
        self.plot.setTitle(tr("Accuracy per epoch"), color="#2a2f3a", size="10pt")
        self.plot.setLabel("bottom", tr("epoch"))
        self.plot.setLabel("left", tr("accuracy %"))
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setMinimumSize(320, 240)
        legend = self.plot.addLegend(offset=(-10, -10))  # bottom right: curves rise
        for tag, run in zip("AB", self.runs, strict=True):
            self.plot.plot(run.epochs, run.val_acc, connect="finite", symbol="o", symbolSize=5,
                           pen=pg.mkPen(run.color, width=2), symbolBrush=run.color,
                           symbolPen=None, name=tr("{tag} validation").format(tag=tag))
            self.plot.plot(run.epochs, run.train_acc, connect="finite",
                           pen=pg.mkPen(run.color, width=1.5, style=Qt.PenStyle.DashLine),
                           name=tr("{tag} training").format(tag=tag))
        legend.setLabelTextColor("#2a2f3a")
        left = QVBoxLayout()
        left.addWidget(self.summary)
        left.addWidget(self.table, 1)
        left.addWidget(QLabel(tr("Layers side by side (bold: they differ; empty: no such "
                                 "layer)")))
        left.addWidget(self.layers, 2)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.plot, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(heads)
        layout.addLayout(body, 1)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(1040, screen.width()), min(680, screen.height() - 60))


def show_comparison(state: AppState, a: Run, b: Run, parent: QWidget | None = None
                    ) -> CompareView:
    """Open a CompareView (not modal; it deletes itself when closed)."""
    view = CompareView(state, a, b, parent)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view.show()
    return view
