"""AccuracyPlot: every run's training and validation accuracy per epoch, the best validation
epoch starred (a part of PlotsPanel, plots.py)."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QWidget

from nndesk.gui.i18n import tr
from nndesk.gui.label_place import place_labels
from nndesk.gui.run_curves import IntegerAxis, Run, legend_under, style_plot

__all__ = ["AccuracyPlot", "ACC_RANGE", "PercentAxis", "best_epoch", "train_marks",
           "accuracy_range", "curve_data"]

ACC_RANGE = ((0.5, 5.5), (0.0, 100.0))  # the axes before (or without) data


def train_marks(color: str) -> dict:
    """A training curve's point marks: hollow circles, as large as the validation's filled
    ones. A one-epoch run's training accuracy is a single point with no line to draw (QA:
    a 4-pixel dot on the plot, nothing at all in Compare runs)."""
    return {"symbol": "o", "symbolSize": 7, "symbolBrush": pg.mkBrush("w"),
            "symbolPen": pg.mkPen(color, width=1.5)}


def curve_data(epochs: list, accs: list) -> tuple[list, list]:
    """A curve's points for setData: none when no accuracy is finite (a diverged run's);
    pyqtgraph's marks warn on an all-NaN curve ("All-NaN slice encountered")."""
    return (epochs, accs) if any(math.isfinite(a) for a in accs) else ([], [])


def accuracy_range(runs: Iterable[Run]) -> tuple[tuple, tuple] | None:
    """(x range, y range) showing every epoch and every finite accuracy (training and
    validation) of `runs` with room above for the "best" texts; None without an epoch."""
    runs = [r for r in runs if r.epochs]
    if not runs:
        return None
    last = max(max(r.epochs) for r in runs)
    values = [a for r in runs for a in r.train_acc + r.val_acc if math.isfinite(a)]
    low = min(values) if values else 0.0
    top = max(values) if values else 100.0
    pad = max(1.0, 0.08 * (top - low))
    return (0.5, max(last, 2) + 0.5), (max(0.0, low - pad), min(100.0, top + 2 * pad) + pad)


def best_epoch(run: Run) -> int | None:
    """The epoch with the highest validation accuracy (the star on the plot); the first of
    equal ones; None before a validated epoch."""
    finite = [(a, -e) for a, e in zip(run.val_acc, run.epochs, strict=False)
              if math.isfinite(a)]
    return -max(finite)[1] if finite else None


class PercentAxis(pg.AxisItem):
    """An accuracy axis that ends at 100%: no tick, tick label or grid line above it (it read
    "100.5" over the room left above the curves for the "best" labels)."""

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 (pyqtgraph's names)
        levels = []
        for spacing, values in super().tickValues(minVal, maxVal, size):
            kept = [v for v in values if 0.0 <= v <= 100.0 + 1e-9]
            if kept:
                levels.append((spacing, kept))
        return levels


class AccuracyPlot(pg.PlotWidget):
    """Accuracy per epoch (percent): validation solid, training dashed, runs overlaid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w", axisItems={"bottom": IntegerAxis("bottom"),
                                                          "left": PercentAxis("left")})
        style_plot(self, tr("Accuracy per epoch"), tr("epoch"), tr("accuracy %"))
        self.keys = legend_under(self)
        self.keys.addItem(pg.PlotDataItem(pen=pg.mkPen("#5b6472", width=2), symbol="o",
                                          symbolSize=6, symbolBrush="#5b6472", symbolPen=None),
                          tr("validation"))
        self.keys.addItem(pg.PlotDataItem(pen=pg.mkPen("#5b6472", width=2,
                                                        style=Qt.PenStyle.DashLine),
                                          **train_marks("#5b6472")), tr("train"))
        self.runs: list[Run] = []  # the runs drawn here, for their "best" texts' language
        self.reset_range()
        view = self.getViewBox()  # a new scale or size: the labels find their places again
        view.sigResized.connect(self.place_best_labels)
        view.sigRangeChanged.connect(self.place_best_labels)

    def add_run(self, run: Run) -> None:
        """A run's items: training and validation curves, the best epoch's star and text."""
        color = run.color
        train = self.plot(pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine),
                          **train_marks(color))
        val = self.plot(pen=pg.mkPen(color, width=2), symbol="o", symbolSize=6,
                        symbolBrush=color, symbolPen=None)
        best = pg.ScatterPlotItem(symbol="star", size=16, brush=pg.mkBrush(color),
                                  pen=pg.mkPen("#2a2f3a", width=0.8))
        self.addItem(best)
        best_text = pg.TextItem(color=color, anchor=(0, 0))  # placed: place_best_labels
        self.addItem(best_text)
        run.items = [train, val, best, best_text]
        self.runs.append(run)

    def add_epoch(self, run: Run, runs: Iterable[Run], epoch: int, train_acc: float | None,
                  val_acc: float | None, val_loss: float | None = None) -> None:
        """Append one epoch's accuracies (fractions 0..1) to `run`, mark its best validation
        epoch, and fit the axes to `runs` (all of them)."""
        nan = float("nan")
        run.epochs.append(epoch)
        run.train_acc.append(100 * train_acc if train_acc is not None else nan)
        run.val_acc.append(100 * val_acc if val_acc is not None else nan)
        run.val_loss.append(val_loss if val_loss is not None else nan)
        run.items[0].setData(*curve_data(run.epochs, run.train_acc), connect="finite")
        run.items[1].setData(*curve_data(run.epochs, run.val_acc), connect="finite")
        self._show_best(run)
        self.fit(runs)

    @staticmethod
    def _show_best(run: Run) -> None:
        """The star and "best 97.10%" on the run's best validation epoch (none before one)."""
        best = best_epoch(run)
        if best is not None:
            acc = run.val_acc[run.epochs.index(best)]
            run.items[2].setData([best], [acc])
            run.items[3].setText(tr("best {acc}%").format(acc=f"{acc:.2f}"))
            run.items[2].setToolTip(run.items[3].toPlainText())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """View ▸ Language: each "best …%" written anew from its run's numbers."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            for run in self.runs:
                self._show_best(run)
            self.place_best_labels()  # the texts' widths changed

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """A widget narrower than its plot shows less of it: the labels find places again."""
        super().resizeEvent(event)
        self.place_best_labels()

    def place_best_labels(self) -> None:
        """Each shown run's "best …%" beside its star where it covers no other label, star or
        curve and is not cut by the plot's edge (label_place.place_labels, in pixels); they
        overlapped each other and the curves, and the last epoch's was cut at the right. A
        plot too short for all leaves out the labels of the lower accuracies first (each
        star's tooltip says its label)."""
        runs = self.__dict__.get("runs", ())  # none yet while the plot is being made
        shown = sorted((r for r in runs if r.visible and best_epoch(r) is not None),
                       key=lambda r: -r.val_acc[r.epochs.index(best_epoch(r))])  # room: the
        #                                                        best runs' labels come first
        view = self.getViewBox() if shown else None
        if view is None or view.width() <= 0:
            return

        def pixel(x: float, y: float) -> tuple[float, float]:
            p = view.mapViewToScene(QPointF(x, y))
            return p.x(), p.y()

        segments = []
        for run in self.runs:
            if run.visible:
                for accs in (run.train_acc, run.val_acc):
                    pts = [pixel(e, a) for e, a in zip(run.epochs, accs, strict=False)
                           if math.isfinite(a)]
                    segments += [(*a, *b) for a, b in zip(pts, pts[1:], strict=False)]
                    segments += [seg for x, y in pts for seg in  # each point's mark: a
                                 ((x - 4, y, x + 4, y), (x, y - 4, x, y + 4))]  # lone one too
        points = [pixel(best_epoch(r), r.val_acc[r.epochs.index(best_epoch(r))]) for r in shown]
        margin = [r.items[3].textItem.document().documentMargin() for r in shown]
        sizes = [(r.items[3].textItem.boundingRect().width() - 2 * m,  # the ink, not the
                  r.items[3].textItem.boundingRect().height() - 2 * m)  # empty margin
                 for r, m in zip(shown, margin, strict=True)]
        # the part on screen: a widget narrower than its plot (axes and legend) cuts it
        seen = self.mapToScene(self.viewport().rect()).boundingRect()
        area = view.sceneBoundingRect().intersected(seen)
        boxes = place_labels(points, sizes, (area.x(), area.y(), area.width(), area.height()),
                             segments)
        for run, m, box in zip(shown, margin, boxes, strict=True):
            run.items[3].setVisible(box is not None)  # no room left: the star's tooltip says it
            if box is not None:
                run.items[3].setPos(view.mapSceneToView(QPointF(box[0] - m, box[1] - m)))

    def fit(self, runs: Iterable[Run]) -> None:
        """Whole epochs across, the visible runs' accuracies up and down (0..100 if none)."""
        ranges = accuracy_range(r for r in runs if r.visible)
        if ranges is None:
            self.reset_range()
            return
        self.setRange(xRange=ranges[0], yRange=ranges[1], padding=0)
        self.place_best_labels()  # a run shown or hidden: the range may stay the same

    def reset_range(self) -> None:
        """The axes without data: ACC_RANGE, auto range off."""
        self.disableAutoRange()
        self.setRange(xRange=ACC_RANGE[0], yRange=ACC_RANGE[1], padding=0)

    def remove_run(self, run: Run) -> None:
        """Take a run's items off (the caller fits the axes to the runs left)."""
        for item in run.items:
            self.removeItem(item)
        if run in self.runs:
            self.runs.remove(run)
