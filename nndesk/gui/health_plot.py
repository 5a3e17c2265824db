"""The layer-health view's curve of each layer's gradient RMS over a run, readable with one
measurement as with many: the x axis spans the batches measured (one point: a few batches
around it, no "(x0.001)" scale), the y axis (log) the values with room above them for the
legend, so no point hides under it."""

from __future__ import annotations

import math

import numpy as np

__all__ = ["fit_ranges", "LEGEND_ROOM"]

LEGEND_ROOM = 0.45  # share of the plot's height kept free above the highest point


def fit_ranges(plot, steps: np.ndarray, values: np.ndarray) -> tuple[tuple, tuple] | None:
    """Set `plot`'s (a pyqtgraph PlotItem, y in log mode) x range to the batches `steps`
    ((points,)) and its y range to `values` ((points, layers), > 0) in decades, the top
    LEGEND_ROOM of it left free; returns ((x0, x1), (log10 y0, log10 y1)), None without
    points (the ranges are then left as they are)."""
    finite = values[np.isfinite(values) & (values > 0)]
    if steps.size == 0 or finite.size == 0:
        return None
    lo, hi = float(steps.min()), float(steps.max())
    pad = max(1.0, 0.05 * (hi - lo))
    x = (max(lo - pad, 0.0) if lo >= 0 else lo - pad, hi + pad)
    y_lo, y_hi = math.log10(float(finite.min())), math.log10(float(finite.max()))
    y_lo, y_hi = math.floor(y_lo * 2) / 2 - 0.25, max(math.ceil(y_hi * 2) / 2, y_lo + 1)
    top = y_hi + (y_hi - y_lo) * LEGEND_ROOM / (1 - LEGEND_ROOM)
    plot.getAxis("bottom").enableAutoSIPrefix(False)
    plot.setXRange(*x, padding=0)
    plot.setYRange(y_lo, top, padding=0)
    return x, (y_lo, top)
