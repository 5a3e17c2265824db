"""CompareView: two runs side by side: exactly which settings differ (computed by
`nndesk.insight.compare.diff_runs`), their final accuracies and their accuracy curves."""

from __future__ import annotations

import math
import re

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

from nndesk.gui.accuracy_plot import PercentAxis, accuracy_range, curve_data, train_marks
from nndesk.gui.i18n import N_, tr
from nndesk.gui.nobreak import WrapLabel
from nndesk.gui.run_curves import IntegerAxis, Run, legend_under
from nndesk.gui.state import AppState

__all__ = ["CompareView", "show_comparison", "GROUP_NAMES", "layer_name", "setting_text",
           "init_text", "value_text", "block_text"]

GROUP_NAMES = {"architecture": N_("architecture"), "init": N_("weight init"),
               "optimizer": N_("optimizer"), "learning rate": N_("learning rate"),
               "seed": N_("seed"), "augmentation": N_("augmentation"), "other": N_("other")}


def _final(values: list[float]) -> str:
    finite = [v for v in values if math.isfinite(v)]
    return f"{finite[-1]:.2f}%" if finite else "–"


def _best(values: list[float]) -> str:
    finite = [v for v in values if math.isfinite(v)]
    return f"{max(finite):.2f}%" if finite else "–"


def layer_name(name: str) -> str:
    """A layer row's name in the window's language: "output layer", "input", "recurrent 2"
    translated; "Dense 2", "Conv2D 1" as they are (the field's names)."""
    if name == "output layer":
        return tr("output layer")
    if name == "input":
        return tr("input")
    if name.startswith("recurrent "):
        return tr("recurrent {k}").format(k=name.split(" ", 1)[1])
    return name


def init_text(value: object) -> str:
    """A weight init as the designer shows it: "He", "Xavier", "auto" in the window's
    language; a number (a normal's std) as it is."""
    from nndesk.gui.terms import choice_label

    return choice_label(value) if isinstance(value, str) else str(value)


def architecture_text(value: object) -> str:
    """A block of `insight.compare` as text ("Conv2D(...) · init auto → BatchNorm") with its
    init in the window's words, as `block_text` writes it in the layer table (the settings
    table showed "init auto" in English beside the layer table's 「初期化 自動」)."""
    def init(m: re.Match) -> str:
        word = m.group(1)
        try:
            word = float(word)  # a normal's std, as a number
        except ValueError:
            pass
        return " · " + tr("init {init}").format(init=init_text(word))

    return _INIT.sub(init, str(value))


_INIT = re.compile(r" · init (\S+?)(?= →|$)")


def value_text(value: object) -> str:
    """A training setting's value as the training panel shows it: "Adam", "cosine",
    "on"/"off" in the window's language (`terms.config_value`); numbers as they are."""
    from nndesk.gui.terms import config_value

    return config_value(value)


def block_text(block) -> str:
    """`insight.compare.Block.text` in the window's words: "Dense(units=100) · init He →
    BatchNorm, ReLU" (the init's word and its value translated, "input" too)."""
    head = block.layer or tr("input")
    if block.init is not None:
        head += " · " + tr("init {init}").format(init=init_text(block.init))
    return f"{head} → {', '.join(block.after)}" if block.after else head


def setting_text(group: str, setting: str) -> str:
    """A difference's setting as the table shows it: a layer's init under "weight init" is
    the layer's name ("Dense 2 init" -> "Dense 2"), "after Dense 2" in the window's words;
    training settings ("lr", "train_limit") by the training panel's labels ("learning rate",
    "train images": `terms.train_label`, translated; one the panel does not show as named)."""
    from nndesk.gui.terms import train_label

    if group == "init" and setting.endswith(" init"):
        return layer_name(setting[:-len(" init")])
    if group != "architecture":
        return train_label(setting)
    if setting in ("input_shape", "loss"):
        return setting
    if setting.startswith("after "):
        return tr("after {layer}").format(layer=layer_name(setting[len("after "):]))
    return layer_name(setting)


def _cell(text: str) -> QTableWidgetItem:
    """A table cell whose whole text is also its tooltip (a narrow column wraps or elides)."""
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


def _wrapping(table: QTableWidget) -> None:
    """Cells wrap at spaces and rows grow to their text, so no setting is cut off."""
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


class CompareView(QDialog):
    """The differences of runs `a` and `b` (each a Run with `.settings` = {"spec", "config"})."""

    def __init__(self, state: AppState, a: Run, b: Run, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from nndesk.insight.compare import aligned_layers, diff_runs

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
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for col in (0, 1):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        _wrapping(self.table)
        for row, d in enumerate(self.differences):
            shown = {"init": init_text, "architecture": architecture_text}.get(d.group,
                                                                                value_text)
            group, setting = tr(GROUP_NAMES[d.group]), setting_text(d.group, d.setting)
            cells = (group, "" if setting == group else setting,  # "optimizer" said once
                     "–" if d.a is None else shown(d.a),
                     "–" if d.b is None else shown(d.b))
            for col, text in enumerate(cells):
                item = _cell(text)
                if col >= 2:
                    item.setForeground(QColor(self.runs[col - 2].color))
                self.table.setItem(row, col, item)
        self.layers = QTableWidget(0, 3)
        self.layers.setHorizontalHeaderLabels(["", tr("A's layers"), tr("B's layers")])
        self.layers.verticalHeader().hide()
        self.layers.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        head = self.layers.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        _wrapping(self.layers)
        if known:
            rows = aligned_layers(*[(r.settings["spec"], r.settings["config"])
                                    for r in self.runs])
            self.layers.setRowCount(len(rows))
            bold = QFont()
            bold.setBold(True)
            for row, layer_row in enumerate(rows):  # "Dense 2": the k-th hidden Dense of each
                texts = [layer_name(layer_row.name)] + ["" if b is None else block_text(b)
                                            for b in (layer_row.a, layer_row.b)]
                for col, text in enumerate(texts):
                    item = _cell(text)
                    if layer_row.differ:  # rows that differ stand out; the same ones: context
                        item.setFont(bold)
                        if col:
                            item.setForeground(QColor(self.runs[col - 1].color))
                    self.layers.setItem(row, col, item)
        self.plot = pg.PlotWidget(background="w", axisItems={"bottom": IntegerAxis("bottom"),
                                                             "left": PercentAxis("left")})
        self.plot.setTitle(tr("Accuracy per epoch"), color="#2a2f3a", size="10pt")
        self.plot.setLabel("bottom", tr("epoch"))
        self.plot.setLabel("left", tr("accuracy %"))
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setMinimumSize(280, 240)
        # under the plot, outside the curves' area: in a corner it sat over a curve (QA)
        legend = legend_under(self.plot)
        for tag, run in zip("AB", self.runs, strict=True):
            val = self.plot.plot(*curve_data(run.epochs, run.val_acc), connect="finite",
                                 symbol="o", symbolSize=5, pen=pg.mkPen(run.color, width=2),
                                 symbolBrush=run.color, symbolPen=None)
            train = self.plot.plot(*curve_data(run.epochs, run.train_acc), connect="finite",
                                   pen=pg.mkPen(run.color, width=1.5,
                                                style=Qt.PenStyle.DashLine),
                                   **train_marks(run.color))  # one epoch: a point, no line
            legend.addItem(val, tr("{tag} validation").format(tag=tag))
            legend.addItem(train, tr("{tag} training").format(tag=tag))
        ranges = accuracy_range(self.runs)  # every point inside, none on the edge (QA: a
        if ranges is not None:              # one-epoch run's training point was outside)
            self.plot.setRange(xRange=ranges[0], yRange=ranges[1], padding=0)
        left = QVBoxLayout()
        left.addWidget(self.summary)
        left.addWidget(self.table, 1)
        caption = WrapLabel(tr("Layers side by side (bold: they differ; empty: no such layer)"))
        caption.setWordWrap(True)
        left.addWidget(caption)
        left.addWidget(self.layers, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)  # the tables need the width more than the curves
        body.addWidget(self.plot, 2)
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
