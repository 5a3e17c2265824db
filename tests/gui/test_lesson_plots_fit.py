"""The lessons' plots fit the page at 1280x720 in every language: the whole x range and every
legend entry inside the visible page (QA: in Japanese the 4-column legend was wider than the
page, so the overfitting plot stopped near epoch 52 and two entries were cut off)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

from nndesk.experiments import EXPERIMENTS
from nndesk.gui.lessons.panel import LessonsPanel

# the Lessons dock's size in a 1280x720 window (lessons/__init__.py: min(1180, width), ...)
DOCK = (1180, 690)


class FakeRun:
    """An experiment's messages as its thread sends them: every curve, every epoch."""

    total, fraction, stopped, unit = 1, 1.0, False, "train_acc"

    def __init__(self, name: str, epochs: int) -> None:
        exp = EXPERIMENTS[name]
        self.sent = [("value", (run.key, metric, e, 0.1 + 0.8 * e / epochs * (i + 1) / 9))
                     for i, run in enumerate(exp.runs) for metric in exp.metrics
                     for e in range(epochs + 1)]

    def messages(self):
        sent, self.sent = self.sent, []
        return sent


def _visible(page, widget) -> QRect:
    """The part of the page's scroll area's viewport that `widget` covers, in its own terms."""
    scroll = page.parentWidget().parentWidget()      # viewport, then the scroll area
    port = scroll.viewport()
    top_left = widget.mapTo(port, QPoint(0, 0))
    return QRect(-top_left, port.size()).intersected(widget.rect())


@pytest.mark.parametrize("lang", ["en", "zh_CN", "ja"])
@pytest.mark.parametrize("name,epochs", [("overfit", 60), ("batchnorm", 10)])
def test_experiment_plot_and_legend_fit_the_page(qtbot, lang, name, epochs):
    from nndesk.gui import i18n

    i18n.set_language(lang)
    panel = LessonsPanel()
    qtbot.addWidget(panel)
    panel.resize(*DOCK)
    panel.show()
    qtbot.waitExposed(panel)
    page = panel.show_lesson("experiments")
    page.choice.setCurrentIndex(page.choice.findData(name))
    page._job = FakeRun(name, epochs)
    page._drain()
    qtbot.wait(50)                       # the legend's refit and the layout settle
    view = page.curve_plot
    seen = _visible(page, view).adjusted(-1, -1, 1, 1)   # scene to pixels rounds
    box = view.getPlotItem().getViewBox()
    shown = view.mapFromScene(box.sceneBoundingRect()).boundingRect()
    assert seen.contains(shown), (lang, shown, seen)      # the plot area is all in view ...
    low, high = box.viewRange()[0]
    assert low <= 0 and high >= epochs, (lang, low, high)   # ... and holds every epoch
    entries = page.legend.items
    assert len(entries) == len(page.curves) == len(EXPERIMENTS[name].runs) * len(
        EXPERIMENTS[name].metrics)
    for _, label in entries:
        rect = view.mapFromScene(label.sceneBoundingRect()).boundingRect()
        assert seen.contains(rect), (lang, label.text, rect, seen)
    assert not page.legend.sceneBoundingRect().intersects(box.sceneBoundingRect())  # under it


@pytest.mark.parametrize("lang", ["en", "zh_CN", "ja"])
def test_every_lesson_legend_is_inside_its_page(qtbot, lang):
    """Every legend of every lesson's tabs, in each language, inside the visible page."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QTabWidget

    from nndesk.gui import i18n
    from nndesk.gui.lessons.panel import LESSONS

    i18n.set_language(lang)
    panel = LessonsPanel()
    qtbot.addWidget(panel)
    panel.resize(*DOCK)
    panel.show()
    qtbot.waitExposed(panel)
    checked = 0
    for key in LESSONS:
        page = panel.show_lesson(key)
        tabs = page.findChild(QTabWidget)
        for t in range(tabs.count() if tabs else 1):
            if tabs:
                tabs.setCurrentIndex(t)
            qtbot.wait(20)
            for view in page.findChildren(pg.PlotWidget):
                legend = view.getPlotItem().legend
                if not view.isVisible() or legend is None:
                    continue
                seen = _visible(page, view).adjusted(-1, -1, 1, 1)
                box = view.getPlotItem().getViewBox()
                assert not legend.sceneBoundingRect().intersects(box.sceneBoundingRect()), key
                for _, label in legend.items:
                    rect = view.mapFromScene(label.sceneBoundingRect()).boundingRect()
                    assert seen.contains(rect), (key, t, label.text, rect, seen)
                    checked += 1
    assert checked >= 6   # learning, Nielsen, recurrent (the experiments: above)
