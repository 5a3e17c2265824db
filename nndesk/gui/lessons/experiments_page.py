"""Ch. 6 lesson: the book's MNIST experiments (optimizers, init, BatchNorm, overfitting with
weight decay, L1 and Dropout, random hyperparameter search) with live curves, progress and
stop, the book's expected result beside ours. The run itself: `experiments_run.py`."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.experiments import EXPERIMENTS, LOSS_WINDOW, moving_average
from nndesk.gui.engine_text import translate_engine
from nndesk.gui.float_box import IntBox
from nndesk.gui.i18n import tr
from nndesk.gui.lessons.common import FittedLegend, header, plot
from nndesk.gui.lessons.experiments_run import ExperimentRun
from nndesk.gui.lessons.experiments_saved import read_saved, write_saved
from nndesk.gui.lessons.experiments_search import best_run as search_best
from nndesk.gui.lessons.experiments_search import draw_search, search_plot
from nndesk.gui.lessons.experiments_text import (  # noqa: F401 (metric_value, run_label: old home)
    BOOK,
    LABELS,
    curve_name,
    metric_value,
    ours_line,
    pen_for,
    run_label,
)
from nndesk.gui.live_text import LiveTexts
from nndesk.gui.nobreak import WrapLabel

__all__ = ["ExperimentsPage"]


class ExperimentsPage(QWidget):
    """Choose an experiment, run or stop it; the curves grow as the runs train."""

    def __init__(self, state=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.choice = QComboBox()
        for name in EXPERIMENTS:
            self.choice.addItem(tr(LABELS[name]) if name in LABELS else name, name)
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
        self.live = LiveTexts(ours=self.ours.setText)  # written anew at View ▸ Language
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
        self.scatter_plot, self.scatter, self.colour_bar = search_plot()
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
        self._saved = read_saved()
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
        self.book.setText(tr(BOOK[exp.name]) if exp.name in BOOK else "")
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
        write_saved(self._saved)

    def _clear(self) -> None:
        for item in self.curves.values():
            self.curve_plot.removeItem(item)
        self.legend.clear()
        self.curves, self.data, self.finals = {}, {}, {}
        self.scatter.setData([], [])
        self.live.forget("ours")
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
            draw_search(self.scatter, self.colour_bar, self.finals)
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
            item = self.curves[key] = self.curve_plot.plot(
                [], [], pen=pg.mkPen(color, width=width, style=style),
                name=curve_name(exp, run, metric))
        return item

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """View ▸ Language: the legend's run names and the results line in the new language."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            exp = EXPERIMENTS[self.choice.currentData()]
            for key, item in self.curves.items():
                label = self.legend.getLabel(item)
                if label is not None:
                    label.setText(curve_name(exp, *key.rsplit("/", 1)))
            self.live.refresh()

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
            self.live.show("ours", lambda: ours_line(payload, keys))
        self._set_buttons()

    def best_run(self):
        """The hyperparameter run with the best latest validation accuracy, or None."""
        return search_best(self.finals)

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
