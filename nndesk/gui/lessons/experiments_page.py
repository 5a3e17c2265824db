"""Ch. 6 lesson: the book's MNIST experiments (optimizers, init, BatchNorm, overfitting with
weight decay, L1 and Dropout, random hyperparameter search) with live curves, progress and
stop, the book's expected result beside ours. The run itself: `experiments_run.py`."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSettings, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.experiments import EXPERIMENTS, LOSS_WINDOW, Experiment, Run, moving_average
from nndesk.fileio import loads_json
from nndesk.gui.engine_text import translate_engine
from nndesk.gui.float_box import IntBox
from nndesk.gui.i18n import N_, tr, tr_n
from nndesk.gui.lessons.common import PENS, FittedLegend, header, plot
from nndesk.gui.lessons.experiments_run import ExperimentRun
from nndesk.gui.nobreak import WrapLabel

__all__ = ["ExperimentsPage"]

_BOOK = {
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
_LABELS = {"optimizers": N_("Optimizers (fig. 6-9)"),
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
_SAVED = "lessons/experiments"  # QSettings: {"choice": name, "sizes": {name: [epochs, images]}}


class ExperimentsPage(QWidget):
    """Choose an experiment, run or stop it; the curves grow as the runs train."""

    def __init__(self, state=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.choice = QComboBox()
        for name in EXPERIMENTS:
            self.choice.addItem(tr(_LABELS[name]) if name in _LABELS else name, name)
        self.epochs, self.images = IntBox(), IntBox()
        self.epochs.setRange(1, 500)
        self.images.setRange(50, 55_000)
        self.images.setSingleStep(100)
        self.run_button = QPushButton(tr("Run"))
        self.stop_button = QPushButton(tr("Stop"))
        self.best_button = QPushButton(tr("Use the best"))
        self.best_button.setToolTip(tr("Put the best run's learning rate and weight decay into "
                                       "the training settings (SGD)"))
        self.progress = QProgressBar()
        self.status = QLabel()
        self.book = WrapLabel()
        self.book.setWordWrap(True)
        self.ours = WrapLabel()
        self.ours.setWordWrap(True)
        row = QHBoxLayout()
        for w in (self.choice, QLabel(tr("epochs")), self.epochs, QLabel(tr("training images")),
                  self.images):
            row.addWidget(w)
        row.addStretch(1)
        buttons = QHBoxLayout()
        for w in (self.run_button, self.stop_button, self.best_button):
            buttons.addWidget(w)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.status, 2)
        self.curve_plot = plot(integer_x=True)
        self.curve_plot.getAxis("left").enableAutoSIPrefix(False)
        self.legend = FittedLegend(self.curve_plot, 4)  # under the plot, within its width
        self.scatter_plot = plot(tr("Validation accuracy by setting"),
                                 tr("log10(learning rate)"), tr("log10(weight decay)"))
        self.scatter = pg.ScatterPlotItem(size=12, pen=pg.mkPen("k"))
        self.scatter_plot.addItem(self.scatter)
        self.colour_bar = pg.ColorBarItem(values=(0, 100), colorMap="viridis", width=12,
                                          interactive=False)
        self.colour_bar.setImageItem([], insert_in=self.scatter_plot.getPlotItem())
        for pen in (self.colour_bar.axis.setPen, self.colour_bar.axis.setTextPen):
            pen("k")                                       # as the plot's own axes
        self.colour_bar.axis.setLabel(tr("validation accuracy %"), color="k")
        self.best_note = WrapLabel(tr(
            "The best settings were found on the search's own network (6 hidden layers of "
            "100, SGD, 400 images); Use the best puts them into the training settings of "
            "whatever design the designer holds."))
        self.best_note.setWordWrap(True)
        self.best_note.setStyleSheet("color: #555;")
        plots = QHBoxLayout()
        plots.addWidget(self.curve_plot, 3)
        plots.addWidget(self.scatter_plot, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(header(tr("Ch. 6 · figs. 6-9, 6-15, 6-18, 6-19, 6-20, 6-21, 6-23, "
                                   "6-24, 6-25"), tr("Training techniques on MNIST"), tr(
            "Each experiment trains the book's small networks from the same seed, changing one "
            "thing. It runs in the background; stop it at any time.")))
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addLayout(plots, 1)
        layout.addWidget(self.best_note)
        layout.addWidget(self.book)
        layout.addWidget(self.ours)
        self.curves: dict[str, pg.PlotDataItem] = {}  # "run/metric" -> its curve, its points
        self.data: dict[str, tuple[list[int], list[float]]] = {}
        self.finals: dict[str, float] = {}            # run -> latest val/test accuracy
        self._job: ExperimentRun | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._drain)
        self.choice.currentIndexChanged.connect(self._on_choice_changed)
        self.run_button.clicked.connect(lambda: self.start())  # not clicked(bool) as splits
        self.stop_button.clicked.connect(self.stop)
        self.best_button.clicked.connect(self.use_best)
        self._saved = _read_saved()
        index = self.choice.findData(self._saved["choice"])
        if index > 0:
            with QSignalBlocker(self.choice):
                self.choice.setCurrentIndex(index)
        self._on_choice_changed()
        for box in (self.epochs, self.images):  # the user's sizes are kept for the next time
            box.valueChanged.connect(self._remember)

    @property
    def running(self) -> bool:
        """From start() until the thread's last message has been shown."""
        return self._timer.isActive()

    def _on_choice_changed(self, _=None) -> None:
        exp = EXPERIMENTS[self.choice.currentData()]
        epochs, images = self._saved["sizes"].get(exp.name, (exp.epochs, exp.subset or 55_000))
        with QSignalBlocker(self.epochs), QSignalBlocker(self.images):
            self.epochs.setValue(epochs)
            self.images.setValue(images)
        self._remember()
        self.book.setText(tr(_BOOK.get(exp.name, "")) if exp.name in _BOOK else "")
        self.scatter_plot.setVisible(exp.name == "hyperparams")
        self.best_note.setVisible(exp.name == "hyperparams")
        per_step = "train_loss" in exp.metrics
        self.curve_plot.setTitle(self.choice.currentText(), color="k")
        self.curve_plot.setLabel("bottom", tr("step") if per_step else tr("epoch"), color="k")
        self.curve_plot.setLabel("left", tr("loss (moving average of {n} steps)").format(
            n=LOSS_WINDOW) if per_step else tr("accuracy %"), color="k")
        self._clear()
        self.status.setText("")      # the last run's "Finished." is not this experiment's
        self._set_buttons()

    def _remember(self, _=None) -> None:
        """Save the choice and its sizes: reopening the page (or nndesk) shows them again."""
        name = self.choice.currentData()
        self._saved["choice"] = name
        self._saved["sizes"][name] = (self.epochs.value(), self.images.value())
        QSettings("nndesk", "nndesk").setValue(_SAVED, json.dumps(
            {"choice": name, "sizes": {k: list(v) for k, v in self._saved["sizes"].items()}}))

    def _clear(self) -> None:
        for item in self.curves.values():
            self.curve_plot.removeItem(item)
        self.legend.clear()
        self.curves, self.data, self.finals = {}, {}, {}
        self.scatter.setData([], [])
        self.ours.setText("")
        self.progress.setValue(0)
        exp = EXPERIMENTS[self.choice.currentData()]
        per_step = "train_loss" in exp.metrics   # the empty plot: this experiment's axes
        steps = self.epochs.value() * -(-min(self.images.value(), 55_000) // exp.batch_size)
        box = self.curve_plot.getPlotItem().getViewBox()
        box.setRange(xRange=(1, max(2, steps)) if per_step else (0, self.epochs.value()),
                     yRange=(0, 2.5) if per_step else (0, 100), padding=0.02)
        box.enableAutoRange()       # the curves then take the room they need
        for run in exp.runs:        # the legend in the experiment's order, not arrival's
            for metric in exp.metrics:
                self._curve(f"{run.key}/{metric}")

    def _set_buttons(self) -> None:
        busy = self.running
        for w in (self.run_button, self.choice, self.epochs, self.images):
            w.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        self.best_button.setVisible(self.choice.currentData() == "hyperparams")
        self.best_button.setEnabled(not busy and bool(self.finals))

    def start(self, splits=None) -> None:
        """Run the chosen experiment in a thread (loading MNIST there unless `splits`)."""
        if self.running:
            return
        self._clear()
        self._job = ExperimentRun(self.choice.currentData(), self.epochs.value(),
                                  self.images.value(), splits)
        self._job.start()
        self._timer.start()
        self.status.setText(tr("Running…"))
        self._set_buttons()

    def stop(self) -> None:
        """Ask the run to stop between batches."""
        if self._job is not None:
            self._job.stop()
        self.status.setText(tr("Stopping…"))

    def _drain(self) -> None:
        """Take what the thread produced since the last tick (at most ~7 redraws a second)."""
        job, changed = self._job, set()
        for kind, payload in job.messages():
            if kind == "value":
                run, metric, x, y = payload
                key = f"{run}/{metric}"
                xs, ys = self.data.setdefault(key, ([], []))
                xs.append(x)
                ys.append(100 * y if metric.endswith("_acc") else y)  # % as in the results
                changed.add(key)
                if metric in ("val_acc", "test_acc"):
                    self.finals[run] = y
            elif kind == "status":
                self.status.setText(payload)
            else:
                self._finish(kind, payload)
        for key in changed:
            xs, ys = self.data[key]
            if key.endswith("/train_loss"):     # as the command line's figure
                ys = moving_average(ys, LOSS_WINDOW)
            self._curve(key).setData(xs, ys)
        if self.choice.currentData() == "hyperparams" and changed:
            self._draw_scatter()
        if job.total:
            self.progress.setValue(round(100 * job.fraction))

    def _curve(self, key: str) -> pg.PlotDataItem:
        item = self.curves.get(key)
        if item is None:
            run, metric = key.rsplit("/", 1)
            exp = EXPERIMENTS[self.choice.currentData()]
            runs = [r.key for r in exp.runs]
            color, style = (pen_for(exp, exp.runs[runs.index(run)], metric) if run in runs
                            else ("k", Qt.PenStyle.SolidLine))
            width = 1 if len(runs) > 10 else 2
            metrics = exp.metrics
            name = (run_label(run) if len(metrics) == 1 else
                    f"{run_label(run)} · {tr(_METRICS.get(metric, metric))}")
            name = name if len(runs) <= 10 else None
            item = self.curves[key] = self.curve_plot.plot(
                [], [], pen=pg.mkPen(color, width=width, style=style), name=name)
        return item

    def _draw_scatter(self) -> None:
        runs = {r.key: r for r in EXPERIMENTS["hyperparams"].runs}
        keys = [k for k in self.finals if k in runs]
        if not keys:
            return
        acc = np.array([self.finals[k] for k in keys])
        span = max(float(acc.max() - acc.min()), 1e-9)   # colour: worst dark, best yellow
        colors = pg.colormap.get("viridis").map((acc - acc.min()) / span, mode="qcolor")
        self.colour_bar.setLevels((100 * float(acc.min()), 100 * float(acc.min()) + 100 * span))
        self.scatter.setData([math.log10(runs[k].lr) for k in keys],
                             [math.log10(runs[k].weight_decay) for k in keys], brush=colors)

    def _finish(self, kind: str, payload) -> None:
        self._timer.stop()
        if kind == "error":
            self.status.setText(tr("The experiment failed: {error}").format(
                error=translate_engine(payload)))
        else:
            stopped = self._job.stopped
            self.status.setText(tr("Stopped.") if stopped else tr("Finished."))
            if not stopped:
                self.progress.setValue(100)
            self.summaries = payload
            metrics = EXPERIMENTS[self.choice.currentData()].metrics
            keys = ("final_loss",) if self._job.unit == "train_loss" else metrics
            if len(payload) > 6:   # the search: its five best runs, judged on validation
                payload = sorted(payload, key=lambda s: -s.get("val_acc", 0.0))[:5]
            self.ours.setText(tr("Ours: ") + "; ".join(
                f"{run_label(s['run'])}: " + ", ".join(metric_value(k, s[k], s.get(
                    "loss_steps", LOSS_WINDOW)) for k in keys
                                            if isinstance(s.get(k), float)
                                            and math.isfinite(s[k])) for s in payload))
        self._set_buttons()

    def best_run(self):
        """The hyperparameter run with the best latest validation accuracy, or None."""
        runs = {r.key: r for r in EXPERIMENTS["hyperparams"].runs}
        found = [(acc, runs[k]) for k, acc in self.finals.items() if k in runs]
        return max(found, key=lambda pair: pair[0])[1] if found else None

    def use_best(self) -> None:
        """Put the best run's settings into the window's training settings."""
        run = self.best_run()
        if run is None or self.state is None:
            return
        lr, decay = (float(f"{v:.3g}") for v in (run.lr, run.weight_decay))  # as one writes
        self.state.set_config(optimizer="SGD", lr=lr, weight_decay=decay)
        self.status.setText(tr("Training settings now: SGD, learning rate {lr}, weight decay "
                               "{wd}.").format(lr=f"{lr:g}", wd=f"{decay:g}"))

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop a run and wait for its thread (the window closing, a test ending)."""
        if self._job is not None:
            self._job.join(timeout)
        self._timer.stop()


def _read_saved() -> dict:
    """The experiment chosen last and the epochs and images set per experiment (checked:
    a value of the wrong shape or out of the boxes' range is dropped)."""
    from nndesk.gui.settings_check import read_setting

    text = read_setting(QSettings("nndesk", "nndesk"), _SAVED, str, "{}",
                        lambda v: len(v) < 10_000)
    try:
        saved = loads_json(text)
    except ValueError:
        saved = {}
    saved = saved if isinstance(saved, dict) else {}
    sizes = saved.get("sizes") if isinstance(saved.get("sizes"), dict) else {}
    return {"choice": saved.get("choice") if saved.get("choice") in EXPERIMENTS else None,
            "sizes": {name: (v[0], v[1]) for name, v in sizes.items()
                      if name in EXPERIMENTS and isinstance(v, list) and len(v) == 2
                      and all(type(n) is int for n in v)
                      and 1 <= v[0] <= 500 and 50 <= v[1] <= 55_000}}
