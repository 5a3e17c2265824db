"""A layout saved with bottom views open (QA: maximised, Evaluation, Why, Layer health and
Gradient check open) comes back with them open as tabs of the bottom area: the layout was
restored before those docks were made, and opening one then showed a small box over the menu
bar until the saved layout was deleted."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget

NAMES = ("Evaluation", "Why_this_answer", "Layer_health", "Gradient_check")


def _window(qtbot):
    from nndesk.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.build_views()
    qtbot.wait(50)
    return w


def test_bottom_views_open_at_quit_come_back_in_their_place(qtbot):
    first = _window(qtbot)
    for name in NAMES:
        first.findChild(QDockWidget, name).toggleViewAction().trigger()
        qtbot.wait(20)
    first.close()                                      # saves the layout
    w = _window(qtbot)
    docks = [w.findChild(QDockWidget, name) for name in NAMES]
    qtbot.waitUntil(lambda: any(d.isVisible() for d in docks))
    for dock in docks:
        assert not dock.isFloating()
        assert w.dockWidgetArea(dock).name == "BottomDockWidgetArea"
        dock.toggleViewAction().trigger() if not dock.isVisible() else dock.raise_()
        qtbot.waitUntil(lambda d=dock: not d.visibleRegion().isEmpty())
        top = dock.mapTo(w, dock.rect().topLeft()).y()
        assert top > w.menuBar().height() and dock.height() >= 200, dock.geometry()
        assert dock.width() >= 0.5 * w.width()
