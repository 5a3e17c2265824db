"""View ▸ Language with a finished ch. 6 experiment on screen: the legend's run names and the
"Ours: …" results line were built from pieces and kept the old language; both are written
anew from the run's numbers in the new one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from nndesk.experiments import EXPERIMENTS
from nndesk.gui import i18n
from nndesk.gui.i18n import tr
from nndesk.gui.lessons.experiments_page import metric_value, run_label


class Finished:
    """A run's thread that has sent its values and its summaries."""

    total, fraction, stopped, unit = 1, 1.0, False, "train_acc"

    def __init__(self, sent):
        self.sent = list(sent)

    def messages(self):
        sent, self.sent = self.sent, []
        return sent

    def stop(self):
        pass

    def join(self, timeout=None):
        pass


def _switch(window, code: str) -> None:
    window.findChild(QAction, f"language_{code}").trigger()
    QCoreApplication.processEvents()  # the LanguageChange events Qt posts to every widget


def test_a_finished_experiment_follows_the_language(window):
    window.findChild(QAction, "lesson_experiments").trigger()
    from nndesk.gui.lessons.panel import LessonsPanel

    page = window.findChild(LessonsPanel).show_lesson("experiments")
    page.choice.setCurrentIndex(page.choice.findData("overfit"))
    exp = EXPERIMENTS["overfit"]
    summaries = [{"run": r.key, "train_acc": 0.9, "test_acc": 0.75} for r in exp.runs]
    page._job = Finished([("value", (r.key, m, 1, 0.5)) for r in exp.runs for m in exp.metrics]
                         + [("done", summaries)])
    page._timer.start()
    page._drain()
    english_legend = [str(label.text) for _, label in page.legend.items]
    english_ours = page.ours.text()
    assert "weight decay 0.1 · test accuracy" in english_legend
    assert english_ours.startswith("Ours: plain: training accuracy 90.0%, test accuracy 75.0%")
    for code in ("zh_CN", "ja", "en"):
        _switch(window, code)
        assert i18n.language() == code
        legend = [str(label.text) for _, label in page.legend.items]
        assert legend == [f"{run_label(r.key)} · {tr(m)}" for r in exp.runs
                          for m in ("training accuracy", "test accuracy")]
        assert page.ours.text() == tr("Ours: ") + tr("; ").join(
            tr("{run}: {values}").format(run=run_label(r.key), values=tr(", ").join(
                [metric_value("train_acc", 0.9), metric_value("test_acc", 0.75)]))
            for r in exp.runs)
        if code != "en":  # the reader's punctuation, not ASCII's
            assert not any(mark in page.ours.text() for mark in (": ", ", ", "; "))
        if code != "en":
            assert set(legend).isdisjoint(english_legend) and page.ours.text() != english_ours
            assert "weight decay" not in page.ours.text() + " ".join(legend)
    assert legend == english_legend and page.ours.text() == english_ours


def test_after_a_switch_to_japanese_the_plot_and_legend_stay_in_the_page(window, qtbot):
    """The Lessons window as wide as a 1280x720 screen, a finished 59-epoch experiment, View ▸
    Language ▸ 日本語: the legend's three columns were given pyqtgraph's width (1079 px, the
    items' stretched widths added up) and the plot stayed that wide, past its view: the x
    axis stopped at 55 and the third column was cut."""
    from nndesk.gui.lessons.panel import LessonsPanel

    window.findChild(QAction, "lesson_experiments").trigger()
    panel = window.findChild(LessonsPanel)
    page = panel.show_lesson("experiments")
    page.choice.setCurrentIndex(page.choice.findData("overfit"))
    exp = EXPERIMENTS["overfit"]
    summaries = [{"run": r.key, "train_acc": 0.9, "test_acc": 0.75} for r in exp.runs]
    page._job = Finished([("value", (r.key, m, x, 0.5 + 0.002 * x + 0.01 * i))
                          for i, r in enumerate(exp.runs) for m in exp.metrics
                          for x in range(1, 60)] + [("done", summaries)])
    page._timer.start()
    page._drain()
    panel.resize(1280, 720)
    for code in ("zh_CN", "ja"):
        _switch(window, code)
        qtbot.wait(50)  # the legend's refit and the layouts settle
        view = page.curve_plot
        item = view.getPlotItem()
        assert item.geometry().width() <= view.width() + 0.5, code   # the plot in its view
        legend = page.legend.sceneBoundingRect()
        assert legend.right() <= view.width() + 0.5, (code, legend.right(), view.width())
        box = item.getViewBox()
        assert view.mapFromScene(box.sceneBoundingRect()).boundingRect().right() <= view.width()
        assert box.viewRange()[0][1] >= 59, code   # every epoch in view
