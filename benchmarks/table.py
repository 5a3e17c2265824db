"""The side-by-side table: one row per network and measure, ratios and the issue's targets."""

from __future__ import annotations

import numpy as np
from report import fmt

__all__ = ["HEADER", "STEPS_PER_EPOCH", "make_row", "rows_for"]

STEPS_PER_EPOCH = 550  # 55,000 training images / batch 100


def _target(label: str, metric: str) -> tuple[str, object] | None:
    """(text, check(nndesk value, ratio) -> bool) of the issue's target for this row."""
    if metric in ("step", "cpu") and (label in ("SimpleConvNet", "LeNet5", "DeepConvNet")
                                      or label.startswith("model ")):
        return "ratio <= 1.0", lambda v, r: r is not None and r <= 1.0   # issue 16
    if metric == "predict1" and label.startswith("model "):
        return "< 1 ms", lambda v, r: v < 1.0
    if metric in ("batch", "batch_cpu") and label == "SimpleConvNet":
        return ">= 10,000/s", lambda v, r: v >= 10_000
    if metric == "rss":
        return "< 600 MB", lambda v, r: v < 600
    return None


def rows_for(samples, infer_batch: int, batch: int, extra: list) -> list[list[str]]:
    """Table rows: per network, step, epoch, 1-image predict, batch throughput."""
    rows = []
    for label, libs in samples.items():
        for metric, name, unit in (("step", f"train step, batch {batch}", "ms"),
                                   ("cpu", "train step, CPU time", "ms"),
                                   ("epoch", "epoch, 550 steps extrapolated", "s"),
                                   ("predict1", "predict 1 image", "ms"),
                                   ("batch", f"predict({infer_batch} images)", "images/s"),
                                   ("batch_cpu", f"predict({infer_batch}), by CPU time",
                                    "images/s")):
            src = "step" if metric == "epoch" else metric
            fig = {}
            for lib, s in libs.items():
                med, best = float(np.median(s[src])), float(np.min(s[src]))
                if metric.startswith("batch"):
                    fig[lib] = (infer_batch / med, infer_batch / best, med)
                elif metric == "epoch":
                    fig[lib] = (med * STEPS_PER_EPOCH, best * STEPS_PER_EPOCH, med)
                else:
                    fig[lib] = (med * 1e3, best * 1e3, med)
            rows.append(make_row(label, f"{name} ({unit})", metric, fig))
    rows += extra
    return rows


def make_row(label: str, name: str, metric: str, fig: dict) -> list[str]:
    """One table row from {lib: (median, best, median seconds)}; ratio by cost (time, MB)."""
    n, t = fig.get("nndesk"), fig.get("torch")
    ratio = n[2] / t[2] if n and t else None
    target = _target(label, metric)
    verdict = ""
    if target is not None and n is not None:
        verdict = f"{target[0]}: {'met' if target[1](n[0], ratio) else 'NOT met'}"
    cells = [label, name]
    for f in (n, t):
        cells += [fmt(f[0]), fmt(f[1])] if f else ["-", "-"]
    return [*cells, f"{ratio:.2f}" if ratio else "-", verdict]


HEADER = ["network", "measure", "nndesk median", "nndesk best", "torch median", "torch best",
          "nndesk/torch", "target"]
