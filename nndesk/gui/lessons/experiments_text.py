"""The ch. 6 experiments page's words and pens: the book's expected results, the runs' and
measures' names in the reader's language, the curves' colours and lines, the results line.
Each is built from the run's numbers when asked, so View ▸ Language can write it anew."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import Qt

from nndesk.experiments import LOSS_WINDOW, Experiment, Run
from nndesk.gui.i18n import N_, tr, tr_n
from nndesk.gui.lessons.common import PENS

__all__ = ["BOOK", "LABELS", "curve_name", "metric_value", "ours_line", "pen_for", "run_label"]

BOOK = {
    "optimizers": N_("Book (fig. 6-9): SGD learns the slowest; Momentum, AdaGrad and Adam all "
                     "beat it, AdaGrad a little the fastest."),
    "init": N_("Book (fig. 6-15): with std 0.01 the loss hardly moves; Xavier and He learn, "
               "He the fastest."),
    "batchnorm": N_("Book (figs. 6-18, 6-19): with Batch Normalization the training accuracy "
                    "rises faster at almost every init scale; without it a bad scale does not "
                    "learn at all."),
    "overfit": N_("Book: plain training reaches 100% on the 300 images but far less on test "
                  "data (fig. 6-20); weight decay 0.1 narrows the gap (fig. 6-21), so does "
                  "Dropout (fig. 6-23). L1 does the same by pushing weights to 0."),
    "hyperparams": N_("Book (figs. 6-24, 6-25): the best runs have a learning rate near "
                      "0.001-0.01 and weight decay near 1e-8-1e-6; narrow the ranges and "
                      "search again."),
}
LABELS = {"optimizers": N_("Optimizers (fig. 6-9)"),
          "init": N_("Initial weights (fig. 6-15)"),
          "batchnorm": N_("Batch Normalization (figs. 6-18, 6-19)"),
          "overfit": N_("Overfitting: weight decay, L1, Dropout (figs. 6-20, 6-21, 6-23)"),
          "hyperparams": N_("Hyperparameter search (figs. 6-24, 6-25)")}
_SOLID = ("train_loss", "train_acc")
_METRICS = {"train_loss": N_("training loss"), "train_acc": N_("training accuracy"),
            "val_acc": N_("validation accuracy"), "test_acc": N_("test accuracy")}
_RUN_WORDS = [  # the experiments' run keys (nndesk.experiments) in the reader's language
    (r"init std (\S+), BatchNorm", N_("init std {0}, BatchNorm")),
    (r"init std (\S+), no BatchNorm", N_("init std {0}, no BatchNorm")),
    (r"weight decay (\S+)", N_("weight decay {0}")),
    (r"dropout (\S+)", N_("Dropout {0}")),
    (r"plain", N_("plain")),
    (r"lr (\S+), decay (\S+)", N_("lr {0}, decay {1}")),
]


def run_label(key: str) -> str:
    """A run's name as shown in the legend and the results line ("SGD", "Xavier" as is)."""
    for pattern, words in _RUN_WORDS:
        found = re.fullmatch(pattern, key)
        if found:
            return tr(words).format(*found.groups())
    return key


def metric_value(metric: str, value: float, steps: int = LOSS_WINDOW) -> str:
    """"test accuracy 97.3%" / "loss (mean of the last 16 steps) 0.154" (`steps`: how many
    the final loss is the mean of), in the reader's language."""
    text = f"{value:.1%}" if metric.endswith("_acc") else f"{value:.3f}"
    if metric == "final_loss":
        return f"{tr_n('loss (mean of the last %n step(s))', steps)} {text}"
    return f"{tr(_METRICS[metric])} {text}" if metric in _METRICS else f"{metric} {text}"


def _has_batchnorm(run: Run) -> bool:
    return any(layer["type"] == "BatchNorm" for layer in run.spec["layers"])


def pen_for(exp: Experiment, run: Run, metric: str) -> tuple[str, Qt.PenStyle]:
    """A curve's colour and line: one colour per run, or per init scale when the runs come in
    pairs (BatchNorm: with and without at each scale, as figs. 6-18/6-19 pair them);
    dashed for held-out data and for the run without BatchNorm (the book's dashed line)."""
    panels = list(dict.fromkeys(r.panel for r in exp.runs))
    paired = "" not in panels and len(panels) < len(exp.runs)
    index = panels.index(run.panel) if paired else exp.runs.index(run)
    dashed = metric not in _SOLID or (paired and not _has_batchnorm(run))
    return PENS[index % len(PENS)], Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine


def curve_name(exp: Experiment, run: str, metric: str) -> str | None:
    """A curve's legend entry: the run, and the measure when there are several (none for
    the search's many runs)."""
    if len(exp.runs) > 10:
        return None
    if len(exp.metrics) == 1:
        return run_label(run)
    return f"{run_label(run)} · {tr(_METRICS.get(metric, metric))}"


def ours_line(summaries: list[dict], keys) -> str:
    """"Ours: SGD: test accuracy 97.3%; …": each run's finite final values of `keys`."""
    # the punctuation is the reader's too: 「抑制なし：…、…；荷重減衰 0.1：…」
    return tr("Ours: ") + tr("; ").join(
        tr("{run}: {values}").format(run=run_label(s["run"]), values=tr(", ").join(
            metric_value(k, s[k], s.get("loss_steps", LOSS_WINDOW)) for k in keys
            if isinstance(s.get(k), float) and math.isfinite(s[k])))
        for s in summaries)
