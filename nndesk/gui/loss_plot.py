"""LossPlot: every run's loss per batch, raw (faint) and smoothed, on axes that stay still
while a run trains (a part of PlotsPanel, plots.py)."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from nndesk.gui.i18n import tr
from nndesk.gui.run_curves import Run, legend_under, style_plot

__all__ = ["LossPlot", "CHUNK", "DIVERGED_COLOR"]

CHUNK = 2048  # the live tail's length: older points move to the frozen item this many at a time
X_START = 64.0  # the x range before a run passes it (then doubled)
DIVERGED_COLOR = "#b42318"  # the divergence mark: the red of the window's warnings


class LossPlot(pg.PlotWidget):
    """Loss per batch (raw faint + smoothed), runs overlaid; the legend keys the line styles
    (colours are runs, named in the panel's run list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        style_plot(self, tr("Loss per batch"), tr("batch"), tr("loss"))
        self.x_max = X_START  # the x range; doubles as runs grow (see _fit_steps)
        self.y_max = 0.0  # the y range is 0..y_max (see _fit_loss)
        self.log_scale = False
        self.setXRange(0, self.x_max, padding=0.02)  # still from the first batch
        self.keys = legend_under(self)
        for name, color, width in ((tr("per batch"), QColor(91, 100, 114, 80), 1),
                                   (tr("smoothed"), QColor("#5b6472"), 2)):
            self.keys.addItem(pg.PlotDataItem(pen=pg.mkPen(color, width=width)), name)

    def add_run(self, run: Run) -> None:
        """A run's two items per curve: the frozen history (set once per CHUNK new points)
        and the live tail (set on every update)."""
        self._new_chunk(run, 0)
        self._new_chunk(run, 0)

    def _new_chunk(self, run: Run, first: int) -> None:
        faint = QColor(run.color)
        faint.setAlpha(60)
        raw = self.plot(pen=pg.mkPen(faint, width=1))
        smooth = self.plot(pen=pg.mkPen(run.color, width=2))
        for curve in (raw, smooth):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            curve.setVisible(run.visible)
        run.chunks.append((first, raw, smooth))

    def add_batches(self, run: Run, steps: list[float], losses: list[float]) -> None:
        """Append batch losses (non-finite ones are not drawn).

        Two items per curve: the frozen history and a live tail of at most CHUNK points. An
        update re-sets the tail only; every CHUNK points the history is set once and the tail
        restarts. pyqtgraph keeps a frozen item's downsampled, clipped path until the view
        changes, so the cost per update stays flat as the run grows
        (benchmarks/plot_redraw.py)."""
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

    def mark_diverged(self, run: Run, step: float, loss: float) -> None:
        """Where `run` diverged (the trainer stopped it and put back its last good weights):
        the batch that blew up joins the curve (when its loss is finite), a red cross marks
        it, and a dashed line labelled "diverged here" stands at that batch. QA: a run that
        diverged in its first batches left the plot empty (one point draws no line)."""
        if math.isfinite(loss) and (run.n == 0 or step > run.steps[run.n - 1]):
            self.add_batches(run, [step], [loss])
        color = QColor(DIVERGED_COLOR)
        if run.n:  # the cross on the last loss drawn: the one that blew up, or the last sane
            cross = self.plot([run.steps[run.n - 1]], [run.losses[run.n - 1]], pen=None,
                              symbol="x", symbolSize=14, symbolPen=pg.mkPen(color, width=2),
                              symbolBrush=color)
            run.marks.append(cross)
        line = pg.InfiniteLine(pos=step, angle=90, movable=False,
                               pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine))
        line.label = _MarkLabel(line, position=0.9, color=color,
                                fill=pg.mkBrush(255, 255, 255, 220))
        line.label.setText(tr("diverged here"))
        self.addItem(line)
        run.marks.append(line)
        self._fit_steps(step)

    def _fit_steps(self, step: float) -> None:
        """Grow the x range by doubling, not at every update: re-laying out the axes ten
        times a second cost a training epoch ~5% (GIL), measured."""
        if step <= self.x_max:
            return
        while self.x_max < step:
            self.x_max *= 2
        self.setXRange(0, self.x_max, padding=0.02)

    def _fit_loss(self, top: float) -> None:
        """Keep the loss axis still: 0 to a ceiling raised (to 1.5x) only when a loss passes
        it. Auto-range moved it at every update as the noisy minimum fell, and re-laying out
        that axis was most of the window thread's work while training (benchmarks/
        gui_vs_cli.md). Log scale: pyqtgraph's auto range."""
        if top > self.y_max:
            self.y_max = 1.5 * top if self.y_max else 1.1 * top
            if not self.log_scale:
                self.setYRange(0, self.y_max, padding=0)

    def set_log_scale(self, on: bool) -> None:
        """Loss on a logarithmic axis (auto range) or on the still 0..y_max one."""
        self.log_scale = on
        self.setLogMode(y=on)
        if on or not self.y_max:
            self.enableAutoRange(axis="y")
        else:
            self.setYRange(0, self.y_max, padding=0)

    @staticmethod
    def curves(run: Run) -> list:
        """A run's items on this plot: raw and smoothed curves of every chunk, and the marks
        of where it diverged."""
        return [c for _, raw, smooth in run.chunks for c in (raw, smooth)] + run.marks

    def remove_run(self, run: Run, last: bool) -> None:
        """Take a run's curves off; `last`: no run is left, so the axes start again."""
        if last:
            self.x_max, self.y_max = X_START, 0.0
            self.setXRange(0, self.x_max, padding=0.02)
            self.enableAutoRange(axis="y")
        for curve in self.curves(run):
            self.removeItem(curve)


class _MarkLabel(pg.InfLineLabel):
    """The divergence line's label: its text is set once (and anew by View ▸ Language), never
    rewritten from the line's value as pyqtgraph's labels are (that put the English back)."""

    def valueChanged(self) -> None:  # noqa: N802 (pyqtgraph's name)
        if self.isVisible():
            self.updatePosition()
