"""The ch. 6 experiments page's plot and texts (QA): distinct pens, the book's solid and
dashed lines, a fixed legend order, the real count of steps, the axes of the chosen
experiment, whole-number ticks, the search's scatter explained, "Use the best" rounded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from nndesk.experiments import EXPERIMENTS, LOSS_WINDOW
from nndesk.gui.lessons.panel import LessonsPanel


class Messages:
    """A run's thread's messages, handed over in the order given."""

    total, fraction, stopped, unit = 1, 0.0, False, "train_acc"

    def __init__(self, sent):
        self.sent = list(sent)

    def messages(self):
        sent, self.sent = self.sent, []
        return sent


@pytest.fixture
def page(qtbot):
    panel = LessonsPanel()
    qtbot.addWidget(panel)
    panel.resize(1180, 690)
    return panel.show_lesson("experiments")


def _choose(page, name):
    page.choice.setCurrentIndex(page.choice.findData(name))


@pytest.mark.parametrize("name", [n for n, e in EXPERIMENTS.items() if len(e.runs) <= 10])
def test_every_curve_has_its_own_pen(page, name):
    _choose(page, name)
    pens = {key: (item.opts["pen"].color().name(), item.opts["pen"].style())
            for key, item in page.curves.items()}
    exp = EXPERIMENTS[name]
    assert len(pens) == len(exp.runs) * len(exp.metrics)
    assert len(set(pens.values())) == len(pens), pens


def test_batchnorm_is_solid_and_no_batchnorm_dashed_as_in_the_book(page):
    _choose(page, "batchnorm")
    for key, item in page.curves.items():
        style = item.opts["pen"].style()
        expected = Qt.PenStyle.DashLine if "no BatchNorm" in key else Qt.PenStyle.SolidLine
        assert style == expected, key
    pairs = {}
    for key, item in page.curves.items():          # a scale's two runs share its colour
        pairs.setdefault(key.split(",")[0], set()).add(item.opts["pen"].color().name())
    assert all(len(c) == 1 for c in pairs.values()) and len(pairs) == 4


def test_legend_keeps_the_experiments_order_whatever_arrives_first(page):
    _choose(page, "overfit")
    exp = EXPERIMENTS["overfit"]
    sent = [("value", (run.key, metric, 0, 0.1)) for run in exp.runs for metric in exp.metrics]
    page._job = Messages(reversed(sent))
    page._drain()
    names = [label.text for _, label in page.legend.items]
    assert names == [f"{r} · {m}" for r in ("plain", "weight decay 0.1", "L1 0.005",
                                            "Dropout 0.2")
                     for m in ("training accuracy", "test accuracy")]


def test_switching_experiment_clears_the_axes_and_the_finished_status(page):
    _choose(page, "optimizers")
    page.status.setText("Finished.")
    page.progress.setValue(100)
    _choose(page, "overfit")
    assert page.status.text() == "" and page.progress.value() == 0
    low, high = page.curve_plot.getPlotItem().getViewBox().viewRange()[0]
    assert low <= 0 and 190 <= high <= 215                     # 200 epochs, not steps
    low, high = page.curve_plot.getPlotItem().getViewBox().viewRange()[1]
    assert low <= 0 and 95 <= high <= 110                      # accuracy in %


def test_loss_is_named_by_its_real_number_of_steps(page):
    from nndesk.gui.lessons.experiments_page import metric_value

    assert metric_value("final_loss", 1.549, 16) == "loss (mean of the last 16 steps) 1.549"
    _choose(page, "optimizers")
    axis = page.curve_plot.getAxis("left").labelText
    assert axis == f"loss (moving average of {LOSS_WINDOW} steps)"
    page._job = Messages([])
    page._job.unit = "train_loss"
    page._finish("done", [{"run": "SGD", "final_loss": 2.309, "loss_steps": 16}])
    assert "SGD: loss (mean of the last 16 steps) 2.309" in page.ours.text()
    assert "50" not in page.ours.text()


def test_smoothed_loss_is_the_one_moving_average(page):
    from nndesk.experiments import moving_average

    _choose(page, "optimizers")
    losses = [2.3, 2.1, 1.0, 0.5, 0.4]
    page._job = Messages([("value", ("Adam", "train_loss", i + 1, v))
                          for i, v in enumerate(losses)])
    page._drain()
    _, ys = page.curves["Adam/train_loss"].getData()
    assert list(ys) == pytest.approx(list(moving_average(losses)))


def test_counted_axes_have_whole_number_ticks(page):
    from nndesk.gui.run_curves import IntegerAxis

    _choose(page, "batchnorm")
    axis = page.curve_plot.getAxis("bottom")
    assert isinstance(axis, IntegerAxis)
    ticks = [v for _, values in axis.tickValues(0, 3, 600) for v in values]
    assert ticks and all(float(v).is_integer() for v in ticks)
    panel = page.parentWidget().parentWidget().parentWidget().parentWidget()
    soft = panel.show_lesson("activations")
    assert isinstance(soft.bars_plot.getAxis("bottom"), IntegerAxis)     # softmax's k


@pytest.mark.parametrize("lang", ["zh_CN", "ja"])
def test_the_search_scatter_is_translated_and_has_a_colour_scale(qtbot, lang):
    from nndesk.gui import i18n

    i18n.set_language(lang)
    panel = LessonsPanel()
    qtbot.addWidget(panel)
    page = panel.show_lesson("experiments")
    _choose(page, "hyperparams")
    for side in ("left", "bottom"):
        text = page.scatter_plot.getAxis(side).labelText
        assert "weight decay" not in text and "learning rate" not in text and "log10" in text
    bar = page.colour_bar                                   # what a colour means, translated
    assert bar.scene() is page.scatter_plot.scene()
    assert bar.axis.labelText == i18n.tr("validation accuracy %") != "validation accuracy %"


def test_use_the_best_writes_three_significant_digits_and_names_the_network(qtbot):
    from nndesk.gui.state import AppState

    state = AppState()
    panel = LessonsPanel(state)
    qtbot.addWidget(panel)
    page = panel.show_lesson("experiments")
    _choose(page, "hyperparams")
    run = EXPERIMENTS["hyperparams"].runs[3]
    page.finals = {run.key: 0.5}
    page.use_best()
    assert state.config["lr"] == float(f"{run.lr:.3g}") != run.lr    # 3 significant digits
    assert state.config["weight_decay"] == float(f"{run.weight_decay:.3g}")
    assert page.best_note.isVisibleTo(page) and "6 hidden layers" in page.best_note.text()
    _choose(page, "overfit")
    assert not page.best_note.isVisibleTo(page)
