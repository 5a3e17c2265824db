"""PlotsPanel: live loss and accuracy curves of one or more training runs (pyqtgraph)."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui import plot_export
from nndesk.gui.i18n import tr
from nndesk.gui.run_curves import IntegerAxis, Run
from nndesk.gui.state import AppState

__all__ = ["PlotsPanel", "CHUNK", "ACC_RANGE"]

PALETTE = ["#2f6fdb", "#e4572e", "#17a05d", "#9b5de5", "#f0a202", "#00a6a6", "#d63384",
           "#6c757d"]
CHUNK = 2048  # the live tail's length: older points move to the frozen item this many at a time
ACC_RANGE = ((0.5, 5.5), (0.0, 100.0))  # the accuracy plot's axes before (or without) data


class PlotsPanel(QWidget):
    """Loss per batch (raw faint + smoothed) and accuracy per epoch, runs overlaid."""

    error = Signal(str, str)
    compare_requested = Signal(object, object)  # two Runs (run_curves.Run) to compare

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runs: dict[int, Run] = {}
        self._next_id = 0
        self._x_max = 64.0  # the loss plot's x range; doubles as runs grow (see _fit_steps)
        self._y_max = 0.0  # the loss plot's y range is 0.._y_max (see _fit_loss)
        self.loss_plot = self._make_plot(tr("Loss per batch"), tr("batch"), tr("loss"))
        self.acc_plot = self._make_plot(tr("Accuracy per epoch"), tr("epoch"), tr("accuracy %"),
                                        bottom=IntegerAxis("bottom"))
        self.loss_plot.setXRange(0, self._x_max, padding=0.02)  # still from the first batch
        self.loss_legend = self._legend(self.loss_plot)
        acc_legend = self._legend(self.acc_plot)
        dash = Qt.PenStyle.DashLine
        # Keys for line styles; colours are runs, named in the run list below the plots.
        for legend, keys in ((self.loss_legend, ((tr("per batch"), QColor(91, 100, 114, 80), 1),
                                                 (tr("smoothed"), QColor("#5b6472"), 2))),
                             (acc_legend, ((tr("validation"), QColor("#5b6472"), 2),))):
            for name, color, width in keys:
                legend.addItem(pg.PlotDataItem(pen=pg.mkPen(color, width=width)), name)
        acc_legend.addItem(pg.PlotDataItem(pen=pg.mkPen("#5b6472", width=2, style=dash)),
                           tr("train"))
        self._reset_acc_range()
        self.log_scale = QCheckBox(tr("log scale"))
        self.log_scale.setToolTip(tr("Loss on a logarithmic axis: one run whose loss blows up "
                                     "no longer flattens the others"))
        self.log_scale.toggled.connect(self._on_log_scale)
        self.run_list = QListWidget()
        self.run_list.setMaximumHeight(64)
        self.run_list.setToolTip(tr("Tick to show a run, untick to hide it; select two "
                                    "(Ctrl+click) to compare them"))
        self.run_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.run_list.itemChanged.connect(self._on_run_item_changed)
        self.compare_button = QPushButton(tr("Compare…"))
        self.compare_button.setToolTip(tr("Which settings the two selected runs differ in"))
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(lambda: self.compare_requested.emit(
            *[self.runs[i.data(Qt.ItemDataRole.UserRole)] for i in self.run_list.selectedItems()]))
        self.run_list.itemSelectionChanged.connect(self._on_selection_changed)
        self.remove_button = QPushButton(tr("Remove run"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.png_button = QPushButton(tr("Export PNG…"))
        self.png_button.clicked.connect(self.ask_png)
        self.csv_button = QPushButton(tr("Export CSV…"))
        self.csv_button.clicked.connect(self.ask_csv)
        buttons = QVBoxLayout()
        for b in (self.log_scale, self.compare_button, self.remove_button, self.png_button,
                  self.csv_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.plot_area = QWidget()  # what Export PNG saves: the two plots, nothing else
        plots = QHBoxLayout(self.plot_area)
        plots.setContentsMargins(0, 0, 0, 0)
        plots.setSpacing(6)
        plots.addWidget(self.loss_plot, 1)
        plots.addWidget(self.acc_plot, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.run_list, 1)
        bottom.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.plot_area, 1)
        layout.addLayout(bottom)

    @staticmethod
    def _legend(plot: pg.PlotWidget) -> pg.LegendItem:
        """A legend in a row under the plot: it never covers a curve or the best-epoch star."""
        legend = pg.LegendItem(labelTextColor="#2a2f3a", colCount=2)
        item = plot.getPlotItem()
        item.layout.addItem(legend, 4, 1)
        item.legend = legend
        return legend

    @staticmethod
    def _make_plot(title: str, x: str, y: str, bottom: pg.AxisItem | None = None
                   ) -> pg.PlotWidget:
        w = pg.PlotWidget(background="w", axisItems={"bottom": bottom} if bottom else None)
        w.setTitle(title, color="#2a2f3a", size="10pt")
        w.setLabel("bottom", x)
        w.setLabel("left", y)
        for side in ("bottom", "left"):
            w.getAxis(side).enableAutoSIPrefix(False)  # "batch (x0.001)" read as a bug
        w.showGrid(x=True, y=True, alpha=0.2)
        w.setMinimumSize(220, 180)
        return w

    # -- data in ----------------------------------------------------------------------------
    def start_run(self, name: str, settings: dict | None = None) -> int:
        """A new run on the plots; returns its id for add_batches / add_epoch. `settings`:
        {"spec", "config"} it trains with (for Compare)."""
        run_id, self._next_id = self._next_id, self._next_id + 1
        color = PALETTE[run_id % len(PALETTE)]
        run = Run(name=name, color=color, settings=settings)
        train = self.acc_plot.plot(pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine),
                                   symbol="o", symbolSize=4, symbolBrush=color, symbolPen=None)
        val = self.acc_plot.plot(pen=pg.mkPen(color, width=2), symbol="o", symbolSize=6,
                                 symbolBrush=color, symbolPen=None)
        best = pg.ScatterPlotItem(symbol="star", size=16, brush=pg.mkBrush(color),
                                  pen=pg.mkPen("#2a2f3a", width=0.8))
        self.acc_plot.addItem(best)
        best_text = pg.TextItem(color=color, anchor=(0.5, 1.3))  # centred above the star
        self.acc_plot.addItem(best_text)
        run.items = [train, val, best, best_text]
        self.runs[run_id] = run
        self._new_chunk(run, 0)  # the frozen history (set once per CHUNK new points)
        self._new_chunk(run, 0)  # the live tail (set on every update)
        item = QListWidgetItem(name)
        pix = QPixmap(12, 12)
        pix.fill(QColor(color))
        item.setIcon(QIcon(pix))
        item.setData(Qt.ItemDataRole.UserRole, run_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        with QSignalBlocker(self.run_list):
            self.run_list.addItem(item)
            self.run_list.clearSelection()  # the newest run alone (Ctrl+click adds another)
            self.run_list.setCurrentItem(item)
        self._on_selection_changed()
        return run_id

    def _on_selection_changed(self) -> None:
        self.compare_button.setEnabled(len(self.run_list.selectedItems()) == 2)

    def _new_chunk(self, run: Run, first: int) -> None:
        faint = QColor(run.color)
        faint.setAlpha(60)
        raw = self.loss_plot.plot(pen=pg.mkPen(faint, width=1))
        smooth = self.loss_plot.plot(pen=pg.mkPen(run.color, width=2))
        for curve in (raw, smooth):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            curve.setVisible(run.visible)
        run.chunks.append((first, raw, smooth))

    def add_batches(self, run_id: int, steps: list[float], losses: list[float]) -> None:
        """Append batch losses (non-finite ones are not drawn).

        Two items per curve: the frozen history and a live tail of at most CHUNK points. An
        update re-sets the tail only; every CHUNK points the history is set once and the tail
        restarts. pyqtgraph keeps a frozen item's downsampled, clipped path until the view
        changes, so the cost per update stays flat as the run grows
        (benchmarks/plot_redraw.py)."""
        run = self.runs.get(run_id)
        if run is None:
            return
        x, y = np.asarray(steps, float), np.asarray(losses, float)
        keep = np.isfinite(y)
        run.append(x[keep], y[keep])
        (_, old_raw, old_smooth), (first, raw, smooth) = run.chunks
        if run.n - first > CHUNK:  # freeze all but the last point; the tail starts there
            first = run.n - 1
            old_raw.setData(run.steps[:run.n].copy(), run.losses[:run.n].copy())
            old_smooth.setData(run.steps[:run.n].copy(), run.smooth[:run.n].copy())
            run.chunks[1] = (first, raw, smooth)
        raw.setData(run.steps[first:run.n], run.losses[first:run.n])
        smooth.setData(run.steps[first:run.n], run.smooth[first:run.n])
        if run.n:
            self._fit_steps(run.steps[run.n - 1])
        if keep.any():
            self._fit_loss(float(y[keep].max()))

    def _fit_steps(self, step: float) -> None:
        """Grow the loss plot's x range by doubling, not at every update: re-laying out the
        axes ten times a second cost a training epoch ~5% (GIL), measured."""
        if step <= self._x_max:
            return
        while self._x_max < step:
            self._x_max *= 2
        self.loss_plot.setXRange(0, self._x_max, padding=0.02)

    def _fit_loss(self, top: float) -> None:
        """Keep the loss axis still: 0 to a ceiling raised (to 1.5x) only when a loss passes
        it. Auto-range moved it at every update as the noisy minimum fell, and re-laying out
        that axis was most of the window thread's work while training (benchmarks/
        gui_vs_cli.md). Log scale: pyqtgraph's auto range."""
        if top > self._y_max:
            self._y_max = 1.5 * top if self._y_max else 1.1 * top
            if not self.log_scale.isChecked():
                self.loss_plot.setYRange(0, self._y_max, padding=0)

    def _on_log_scale(self, on: bool) -> None:
        self.loss_plot.setLogMode(y=on)
        if on or not self._y_max:
            self.loss_plot.enableAutoRange(axis="y")
        else:
            self.loss_plot.setYRange(0, self._y_max, padding=0)

    def add_epoch(self, run_id: int, epoch: int, train_acc: float | None,
                  val_acc: float | None, val_loss: float | None = None) -> None:
        """Append one epoch's accuracies (fractions 0..1) and mark the best validation epoch."""
        run = self.runs.get(run_id)
        if run is None:
            return
        nan = float("nan")
        run.epochs.append(epoch)
        run.train_acc.append(100 * train_acc if train_acc is not None else nan)
        run.val_acc.append(100 * val_acc if val_acc is not None else nan)
        run.val_loss.append(val_loss if val_loss is not None else nan)
        run.items[0].setData(run.epochs, run.train_acc, connect="finite")
        run.items[1].setData(run.epochs, run.val_acc, connect="finite")
        best = self.best_epoch(run_id)
        if best is not None:
            acc = run.val_acc[run.epochs.index(best)]
            run.items[2].setData([best], [acc])
            run.items[3].setText(tr("best {acc}%").format(acc=f"{acc:.2f}"))
            run.items[3].setPos(best, acc)
        self._fit_acc()

    def _fit_acc(self) -> None:
        """Whole epochs across, the visible runs' accuracies up and down (0..100 if none)."""
        shown = [r for r in self.runs.values() if r.visible and r.epochs]
        if not shown:
            self._reset_acc_range()
            return
        last = max(max(r.epochs) for r in shown)
        values = [a for r in shown for a in r.train_acc + r.val_acc if math.isfinite(a)]
        low = min(values) if values else 0.0
        top = max(values) if values else 100.0
        pad = max(1.0, 0.08 * (top - low))
        self.acc_plot.setRange(xRange=(0.5, max(last, 2) + 0.5),  # room for "best" text above
                               yRange=(max(0.0, low - pad), min(100.0, top + 2 * pad) + pad),
                               padding=0)

    def _reset_acc_range(self) -> None:
        self.acc_plot.disableAutoRange()
        self.acc_plot.setRange(xRange=ACC_RANGE[0], yRange=ACC_RANGE[1], padding=0)

    def best_epoch(self, run_id: int) -> int | None:
        """The epoch with the highest validation accuracy (the star on the plot); the first
        of equal ones."""
        run = self.runs[run_id]
        finite = [(a, -e) for a, e in zip(run.val_acc, run.epochs, strict=False)
                  if math.isfinite(a)]
        return -max(finite)[1] if finite else None

    def is_empty(self, run_id: int) -> bool:
        """True when a run has neither a batch loss nor an epoch (it failed before training)."""
        run = self.runs.get(run_id)
        return run is None or (run.n == 0 and not run.epochs)

    # -- runs -------------------------------------------------------------------------------
    def set_run_visible(self, run_id: int, visible: bool) -> None:
        """Hide or show every curve of a run."""
        run = self.runs[run_id]
        run.visible = visible
        for item in self._items(run):
            item.setVisible(visible)
        self._fit_acc()

    @staticmethod
    def _items(run: Run) -> list:
        return [c for _, raw, smooth in run.chunks for c in (raw, smooth)] + run.items

    def _on_run_item_changed(self, item: QListWidgetItem) -> None:
        self.set_run_visible(item.data(Qt.ItemDataRole.UserRole),
                             item.checkState() == Qt.CheckState.Checked)

    def remove_run(self, run_id: int) -> None:
        """Take a run off the plots and the list."""
        run = self.runs.pop(run_id, None)
        if run is None:
            return
        if not self.runs:
            self._x_max, self._y_max = 64.0, 0.0
            self.loss_plot.setXRange(0, self._x_max, padding=0.02)
            self.loss_plot.enableAutoRange(axis="y")
        for _, raw, smooth in run.chunks:
            self.loss_plot.removeItem(raw)
            self.loss_plot.removeItem(smooth)
        for item in run.items:
            self.acc_plot.removeItem(item)
        for row in range(self.run_list.count()):
            if self.run_list.item(row).data(Qt.ItemDataRole.UserRole) == run_id:
                self.run_list.takeItem(row)
                break
        self._fit_acc()

    def remove_selected(self) -> None:
        """Remove the run selected in the list."""
        item = self.run_list.currentItem()
        if item is not None:
            self.remove_run(item.data(Qt.ItemDataRole.UserRole))

    # -- export (plot_export.py) ---------------------------------------------------------
    def export_png(self, path: str) -> None:
        """The two plots as one PNG image (not the run list or the buttons)."""
        plot_export.png(self.plot_area, path)

    def export_csv(self, path: str) -> None:
        """Every run's history: one row per batch loss and one per epoch."""
        plot_export.csv(self.runs.values(), path)

    def ask_png(self) -> None:
        """Ask where, then export_png (".png" added to a name typed without it)."""
        plot_export.ask(self, self.error, tr("Export the plots"), "curves.png",
                        tr("PNG image (*.png)"), ".png", self.export_png,
                        tr("Could not export the plots"))

    def ask_csv(self) -> None:
        """Ask where, then export_csv (".csv" added to a name typed without it)."""
        plot_export.ask(self, self.error, tr("Export the history"), "history.csv",
                        tr("CSV table (*.csv)"), ".csv", self.export_csv,
                        tr("Could not export the history"))
