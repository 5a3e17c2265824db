"""One run's curves as data (growing arrays, the debiased moving average), the epoch axis
the accuracy plot uses and the look both plots share. No widgets: LossPlot (loss_plot.py) and
AccuracyPlot (accuracy_plot.py) draw them, in PlotsPanel (plots.py)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg

__all__ = ["Run", "IntegerAxis", "SMOOTHING", "style_plot", "legend_under"]

SMOOTHING = 0.9  # weight of the past in the loss's moving average (TensorBoard's 0.9 default)


class IntegerAxis(pg.AxisItem):
    """An epoch axis: ticks on whole numbers only (a one-epoch run read "1.00000000000000")."""

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 (pyqtgraph's names)
        levels = []
        for spacing, values in super().tickValues(minVal, maxVal, size):
            spacing = max(1.0, round(spacing))
            ints = [v for v in values if float(v).is_integer()]
            if ints:
                levels.append((spacing, ints))
        if not levels:
            first, last = math.ceil(minVal), math.floor(maxVal)
            levels = [(1.0, list(range(first, last + 1)))]
        return levels

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [str(int(round(v))) for v in values]


@dataclass
class Run:
    """One run's numbers (growing arrays) and its plot items (created once, then setData)."""

    name: str
    color: str
    n: int = 0  # batch losses stored
    steps: np.ndarray = field(default_factory=lambda: np.empty(0))
    losses: np.ndarray = field(default_factory=lambda: np.empty(0))
    smooth: np.ndarray = field(default_factory=lambda: np.empty(0))
    ema: float = 0.0  # the biased moving average; smooth = ema / (1 - SMOOTHING**n)
    epochs: list[int] = field(default_factory=list)
    train_acc: list[float] = field(default_factory=list)
    val_acc: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    chunks: list = field(default_factory=list)  # [frozen, live]: (first index, raw, smoothed)
    items: list = field(default_factory=list)  # train, val, best star, best text
    marks: list = field(default_factory=list)  # on the loss plot: where the run diverged
    visible: bool = True
    settings: dict | None = None  # {"spec", "config"} the run trained with (compare runs)
    title: Callable[[], str] | None = None  # writes `name` in the window's language anew
    tip: Callable[[], str] | None = None  # writes its tooltip (the whole name) likewise

    def append(self, steps: np.ndarray, losses: np.ndarray) -> None:
        """Store finite losses and their debiased moving average (amortised O(1) each)."""
        k = len(steps)
        if self.n + k > len(self.steps):
            size = max(1024, 2 * (self.n + k))
            for name in ("steps", "losses", "smooth"):
                grown = np.empty(size)
                grown[:self.n] = getattr(self, name)[:self.n]
                setattr(self, name, grown)
        for j in range(k):
            self.ema = SMOOTHING * self.ema + (1 - SMOOTHING) * losses[j]
            self.smooth[self.n + j] = self.ema / (1 - SMOOTHING ** (self.n + j + 1))
        self.steps[self.n:self.n + k] = steps
        self.losses[self.n:self.n + k] = losses
        self.n += k


def style_plot(w: pg.PlotWidget, title: str, x: str, y: str) -> None:
    """The curves' plot look: white, a small title, labelled axes without SI prefixes, a faint
    grid, a minimum size."""
    w.setTitle(title, color="#2a2f3a", size="10pt")
    w.setLabel("bottom", x)
    w.setLabel("left", y)
    for side in ("bottom", "left"):
        w.getAxis(side).enableAutoSIPrefix(False)  # "batch (x0.001)" read as a bug
    w.showGrid(x=True, y=True, alpha=0.2)
    w.setMinimumSize(220, 180)


def legend_under(plot: pg.PlotWidget) -> pg.LegendItem:
    """A legend in a row under the plot: it never covers a curve or the best-epoch star."""
    legend = pg.LegendItem(labelTextColor="#2a2f3a", colCount=2)
    item = plot.getPlotItem()
    item.layout.addItem(legend, 4, 1)
    item.legend = legend
    return legend
