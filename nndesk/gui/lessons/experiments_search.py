"""The ch. 6 hyperparameter search's scatter: each run's validation accuracy at its
log10(learning rate), log10(weight decay), coloured worst dark to best yellow, with its scale;
and the best run found so far (what "Use the best" puts into the training settings)."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg

from nndesk.experiments import EXPERIMENTS, Run
from nndesk.gui.i18n import tr
from nndesk.gui.lessons.common import plot

__all__ = ["best_run", "draw_search", "search_plot"]


def search_plot() -> tuple[pg.PlotWidget, pg.ScatterPlotItem, pg.ColorBarItem]:
    """The empty scatter plot, its points item and its colour scale."""
    scatter_plot = plot(tr("Validation accuracy by setting"),
                        tr("log10(learning rate)"), tr("log10(weight decay)"))
    scatter = pg.ScatterPlotItem(size=12, pen=pg.mkPen("k"))
    scatter_plot.addItem(scatter)
    colour_bar = pg.ColorBarItem(values=(0, 100), colorMap="viridis", width=12,
                                 interactive=False)
    colour_bar.setImageItem([], insert_in=scatter_plot.getPlotItem())
    for pen in (colour_bar.axis.setPen, colour_bar.axis.setTextPen):
        pen("k")                                       # as the plot's own axes
    colour_bar.axis.setLabel(tr("validation accuracy %"), color="k")
    return scatter_plot, scatter, colour_bar


def draw_search(scatter: pg.ScatterPlotItem, colour_bar: pg.ColorBarItem,
                finals: dict[str, float]) -> None:
    """Show the search's runs with a latest accuracy in `finals` (run key -> accuracy)."""
    runs = {r.key: r for r in EXPERIMENTS["hyperparams"].runs}
    keys = [k for k in finals if k in runs]
    if not keys:
        return
    acc = np.array([finals[k] for k in keys])
    span = max(float(acc.max() - acc.min()), 1e-9)   # colour: worst dark, best yellow
    colors = pg.colormap.get("viridis").map((acc - acc.min()) / span, mode="qcolor")
    colour_bar.setLevels((100 * float(acc.min()), 100 * float(acc.min()) + 100 * span))
    scatter.setData([math.log10(runs[k].lr) for k in keys],
                    [math.log10(runs[k].weight_decay) for k in keys], brush=colors)


def best_run(finals: dict[str, float]) -> Run | None:
    """The search's run with the best latest validation accuracy, or None."""
    runs = {r.key: r for r in EXPERIMENTS["hyperparams"].runs}
    found = [(acc, runs[k]) for k, acc in finals.items() if k in runs]
    return max(found, key=lambda pair: pair[0])[1] if found else None
