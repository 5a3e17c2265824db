"""The training panel fits the designer's dock at 1280x720 in every language (QA: its
two-column form was wider than the dock, the right column cut, the Japanese panel clipped):
its settings reflow to one column, every label whole and every editor inside the dock, Train
and Stop in view above them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel

LEFT_WIDTH = 380  # px the window gives the designer's dock (MainWindow._dock)


def _window(qtbot, monkeypatch, code):
    from nndesk.gui import i18n
    from nndesk.gui.main_window import MainWindow

    monkeypatch.setenv("NNDESK_LANG", code)
    i18n.set_language(code)
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(50)  # shown: the side docks widened to the designer's own width
    dock = w.findChild(QDockWidget, "Network_designer")
    w.resizeDocks([dock], [LEFT_WIDTH], Qt.Orientation.Horizontal)
    qtbot.wait(50)
    assert dock.width() <= LEFT_WIDTH + 30, dock.width()  # about what the window gives it
    return w, dock


def _check_fits(w, dock, qtbot):
    panel = w.train_panel
    scroll = w.left_splitter.widget(1)
    qtbot.waitUntil(lambda: panel.width() <= scroll.viewport().width())
    assert panel.minimumSizeHint().width() <= dock.width()
    assert panel.minimumSizeHint().width() <= scroll.viewport().width()
    assert not scroll.horizontalScrollBar().isVisible()
    view = scroll.viewport()
    for label, editor in panel.form.pairs:
        for widget in (label, editor):
            left = widget.mapTo(view, QPoint(0, 0)).x()
            assert 0 <= left and left + widget.width() <= view.width(), widget
        if isinstance(label, QLabel) and label.text():
            assert label.width() >= label.fontMetrics().horizontalAdvance(label.text()), \
                label.text()
    for button in (panel.train_button, panel.stop_button):  # in view, no scrolling needed
        seen = button.visibleRegion().boundingRect()
        assert seen.width() == button.width() and seen.height() == button.height(), \
            button.text()
        assert button.fontMetrics().horizontalAdvance(button.text()) < button.width()


@pytest.mark.parametrize("code", ["en", "zh_CN", "ja"])
def test_the_training_panel_fits_its_dock_at_1280x720(qtbot, monkeypatch, code):
    w, dock = _window(qtbot, monkeypatch, code)
    _check_fits(w, dock, qtbot)


def test_the_training_panel_still_fits_after_a_language_switch(qtbot, monkeypatch):
    """Chinese first (the narrowest texts), then Japanese live: no dock is widened then."""
    w, dock = _window(qtbot, monkeypatch, "zh_CN")
    w.findChild(QAction, "language_ja").trigger()
    qtbot.wait(20)
    _check_fits(w, dock, qtbot)


def test_a_run_brings_the_buttons_and_progress_back_into_view(window, qtbot):
    # QA: a field edited low in the settings left them scrolled there for the whole run
    from PySide6.QtWidgets import QScrollArea

    from nndesk.gui.state import IDLE, LOADING

    window.resize(1280, 720)
    qtbot.wait(100)
    panel = window.train_panel
    area = panel.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)      # the settings scroll in a short window
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: panel.train_button.visibleRegion().isEmpty())
    window.state.set_training(LOADING)
    try:
        qtbot.waitUntil(lambda: not panel.train_button.visibleRegion().isEmpty())
        assert not panel.progress.visibleRegion().isEmpty()
    finally:
        window.state.set_training(IDLE)
