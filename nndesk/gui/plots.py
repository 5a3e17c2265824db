"""PlotsPanel: live loss and accuracy curves of one or more training runs (pyqtgraph)."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.i18n import tr

__all__ = ["PlotsPanel", "Run"]

PALETTE = ["#2f6fdb", "#e4572e", "#17a05d", "#9b5de5", "#f0a202", "#00a6a6", "#d63384",
           "#6c757d"]
SMOOTHING = 0.9  # exponential moving average of the batch loss


@dataclass
class Run:
    """One run's numbers and its plot items (created once, then only setData)."""

    name: str
    color: str
    steps: list[float] = field(default_factory=list)
    losses: list[float] = field(default_factory=list)
    smooth: list[float] = field(default_factory=list)
    epochs: list[int] = field(default_factory=list)
    train_acc: list[float] = field(default_factory=list)
    val_acc: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    items: list = field(default_factory=list)


class PlotsPanel(QWidget):
    """Loss per batch (raw faint + smoothed) and accuracy per epoch, runs overlaid."""

    error = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runs: dict[int, Run] = {}
        self._next_id = 0
        self._x_max = 64.0  # the loss plot's x range; doubles as runs grow (see _fit_steps)
        self.loss_plot = self._make_plot(tr("Loss per batch"), tr("batch"), tr("loss"))
        self.acc_plot = self._make_plot(tr("Accuracy per epoch"),
                                        tr("epoch"), tr("accuracy %"))
        self.loss_legend = self._legend(self.loss_plot)
        acc_legend = self._legend(self.acc_plot, offset=(-10, -10))
        dash, solid = Qt.PenStyle.DashLine, Qt.PenStyle.SolidLine
        for name, style in ((tr("validation"), solid), (tr("train"), dash)):
            key = pg.PlotDataItem(pen=pg.mkPen("#5b6472", width=2, style=style))
            acc_legend.addItem(key, name)  # a key for line styles; colours are runs
        self.acc_plot.setRange(xRange=(1, 5), yRange=(0, 100), padding=0.02)  # until data comes
        self.loss_legend.setVisible(False)
        self.run_list = QListWidget()
        self.run_list.setMaximumHeight(64)
        self.run_list.setToolTip(tr("Tick to show a run, untick to hide it"))
        self.run_list.itemChanged.connect(self._on_run_item_changed)
        self.remove_button = QPushButton(tr("Remove run"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.png_button = QPushButton(tr("Export PNG…"))
        self.png_button.clicked.connect(self._ask_png)
        self.csv_button = QPushButton(tr("Export CSV…"))
        self.csv_button.clicked.connect(self._ask_csv)
        buttons = QVBoxLayout()
        for b in (self.remove_button, self.png_button, self.csv_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        plots = QHBoxLayout()
        plots.setSpacing(6)
        plots.addWidget(self.loss_plot, 1)
        plots.addWidget(self.acc_plot, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.run_list, 1)
        bottom.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(plots, 1)
        layout.addLayout(bottom)

    @staticmethod
    def _legend(plot: pg.PlotWidget, offset=(-10, 10)) -> pg.LegendItem:
        legend = pg.LegendItem(offset=offset, labelTextColor="#2a2f3a",
                               brush=pg.mkBrush(255, 255, 255, 210), pen=pg.mkPen("#d5d9e0"))
        legend.setParentItem(plot.getPlotItem().vb)
        plot.getPlotItem().legend = legend
        return legend

    @staticmethod
    def _make_plot(title: str, x: str, y: str) -> pg.PlotWidget:
        w = pg.PlotWidget(background="w")
        w.setTitle(title, color="#2a2f3a", size="10pt")
        w.setLabel("bottom", x)
        w.setLabel("left", y)
        w.showGrid(x=True, y=True, alpha=0.2)
        w.setMinimumSize(220, 180)
        return w

    # -- data in ----------------------------------------------------------------------------
    def start_run(self, name: str) -> int:
        """A new run on the plots; returns its id for add_batches / add_epoch."""
        run_id, self._next_id = self._next_id, self._next_id + 1
        color = PALETTE[run_id % len(PALETTE)]
        run = Run(name=name, color=color)
        faint = QColor(color)
        faint.setAlpha(60)
        raw = self.loss_plot.plot(pen=pg.mkPen(faint, width=1))
        smooth = self.loss_plot.plot(pen=pg.mkPen(color, width=2), name=name)
        self.loss_legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-10, 10))  # top right
        self.loss_legend.setVisible(True)
        for curve in (raw, smooth):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
        train = self.acc_plot.plot(pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine),
                                   symbol="o", symbolSize=4, symbolBrush=color, symbolPen=None)
        val = self.acc_plot.plot(pen=pg.mkPen(color, width=2), symbol="o", symbolSize=6,
                                 symbolBrush=color, symbolPen=None)
        best = pg.ScatterPlotItem(symbol="star", size=16, brush=pg.mkBrush(color),
                                  pen=pg.mkPen("#2a2f3a", width=0.8))
        self.acc_plot.addItem(best)
        best_text = pg.TextItem(color=color, anchor=(1.0, 1.2))  # up-left of the star
        self.acc_plot.addItem(best_text)
        run.items = [raw, smooth, train, val, best, best_text]
        self.runs[run_id] = run
        item = QListWidgetItem(name)
        pix = QPixmap(12, 12)
        pix.fill(QColor(color))
        item.setIcon(QIcon(pix))
        item.setData(Qt.ItemDataRole.UserRole, run_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.run_list.blockSignals(True)
        self.run_list.addItem(item)
        self.run_list.setCurrentItem(item)
        self.run_list.blockSignals(False)
        return run_id

    def add_batches(self, run_id: int, steps: list[float], losses: list[float]) -> None:
        """Append batch losses (one redraw per call; the worker sends ~10 calls a second)."""
        run = self.runs.get(run_id)
        if run is None:
            return
        for step, loss in zip(steps, losses, strict=False):
            if not math.isfinite(loss):
                continue
            prev = run.smooth[-1] if run.smooth else loss
            run.steps.append(step)
            run.losses.append(loss)
            run.smooth.append(SMOOTHING * prev + (1 - SMOOTHING) * loss)
        run.items[0].setData(run.steps, run.losses)
        run.items[1].setData(run.steps, run.smooth)
        self._fit_steps(run.steps[-1] if run.steps else 0)

    def _fit_steps(self, step: float) -> None:
        """Grow the loss plot's x range by doubling, not at every update: re-laying out the
        axes ten times a second cost a training epoch ~5% (GIL), measured."""
        if step <= self._x_max:
            return
        while self._x_max < step:
            self._x_max *= 2
        self.loss_plot.setXRange(0, self._x_max, padding=0.02)

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
        self.acc_plot.enableAutoRange()
        run.items[2].setData(run.epochs, run.train_acc, connect="finite")
        run.items[3].setData(run.epochs, run.val_acc, connect="finite")
        finite = [(a, e) for a, e in zip(run.val_acc, run.epochs, strict=False) if math.isfinite(a)]
        if finite:
            acc, ep = max(finite)
            run.items[4].setData([ep], [acc])
            run.items[5].setText(tr("best {acc}%").format(acc=f"{acc:.2f}"))
            run.items[5].setPos(ep, acc)

    def best_epoch(self, run_id: int) -> int | None:
        """The epoch with the highest validation accuracy (the star on the plot)."""
        run = self.runs[run_id]
        finite = [(a, e) for a, e in zip(run.val_acc, run.epochs, strict=False) if math.isfinite(a)]
        return max(finite)[1] if finite else None

    # -- runs -------------------------------------------------------------------------------
    def set_run_visible(self, run_id: int, visible: bool) -> None:
        """Hide or show every curve of a run."""
        for item in self.runs[run_id].items:
            item.setVisible(visible)

    def _on_run_item_changed(self, item: QListWidgetItem) -> None:
        self.set_run_visible(item.data(Qt.ItemDataRole.UserRole),
                             item.checkState() == Qt.CheckState.Checked)

    def remove_run(self, run_id: int) -> None:
        """Take a run off the plots and the list."""
        run = self.runs.pop(run_id, None)
        if run is None:
            return
        self.loss_legend.removeItem(run.items[1])
        self.loss_legend.setVisible(bool(self.runs))
        if not self.runs:
            self._x_max = 64.0
        for item in run.items[:2]:
            self.loss_plot.removeItem(item)
        for item in run.items[2:]:
            self.acc_plot.removeItem(item)
        for row in range(self.run_list.count()):
            if self.run_list.item(row).data(Qt.ItemDataRole.UserRole) == run_id:
                self.run_list.takeItem(row)
                break

    def remove_selected(self) -> None:
        """Remove the run selected in the list."""
        item = self.run_list.currentItem()
        if item is not None:
            self.remove_run(item.data(Qt.ItemDataRole.UserRole))

    # -- export -----------------------------------------------------------------------------
    def export_png(self, path: str) -> None:
        """Both plots as one PNG image."""
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        from nndesk.fileio import atomic_write

        png = QByteArray()
        buf = QBuffer(png)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        if not self.grab().save(buf, "PNG"):
            raise OSError(f"could not render the plots for {path}")
        atomic_write(path, lambda f: f.write(png.data()))

    def export_csv(self, path: str) -> None:
        """Every run's history: one row per batch loss and one per epoch."""
        from nndesk.fileio import atomic_write_text

        rows = [["run", "kind", "x", "loss", "smoothed_loss", "train_acc", "val_acc",
                 "val_loss"]]
        for run in self.runs.values():
            rows += [[run.name, "batch", s, f"{v:.6g}", f"{m:.6g}", "", "", ""]
                     for s, v, m in zip(run.steps, run.losses, run.smooth, strict=False)]
            rows += [[run.name, "epoch", e, "", "", f"{a / 100:.6g}", f"{b / 100:.6g}",
                      f"{c:.6g}"]
                     for e, a, b, c in zip(run.epochs, run.train_acc, run.val_acc,
                                           run.val_loss, strict=False)]
        import io

        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        atomic_write_text(path, buf.getvalue())

    def _ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the plots"), "curves.png",
                                              tr("PNG image (*.png)"))
        if path:
            try:
                self.export_png(path)
            except OSError as err:
                self.error.emit(tr("Could not export the plots"),
                                tr("{err}\n\nChoose another folder.").format(err=err))

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the history"), "history.csv",
                                              tr("CSV table (*.csv)"))
        if path:
            try:
                self.export_csv(path)
            except OSError as err:
                self.error.emit(tr("Could not export the history"),
                                tr("{err}\n\nChoose another folder.").format(err=err))
