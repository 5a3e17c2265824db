"""QA: the Lessons dock had no item in the View menu, unlike every other dock. Every dock of
the window has one, checked while the dock is shown; the Lessons item opens the first lesson
when none was opened yet."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget


def _view_menu(window):
    return next(a.menu() for a in window.menuBar().actions()
                if a.menu() and a.text().replace("&", "") == "View")


def _item(menu, text):
    return next(a for a in menu.actions() if a.text() == text)


def test_every_dock_has_its_view_item_the_lessons_one_too(qtbot, window):
    menu = _view_menu(window)
    lessons = _item(menu, "Lessons")
    assert lessons.isCheckable() and not lessons.isChecked()
    assert window.findChild(QDockWidget, "Lessons") is None  # built when first shown
    lessons.trigger()
    dock = window.findChild(QDockWidget, "Lessons")
    qtbot.waitUntil(dock.isVisible)
    assert lessons.isChecked() and dock.widget().chapters.currentRow() == 0  # the first
    texts = [a.text() for a in menu.actions()]
    docks = texts[:next(i for i, a in enumerate(menu.actions()) if a.isSeparator())]
    for d in window.findChildren(QDockWidget):  # one item per dock, the Lessons one included
        assert texts.count(d.windowTitle()) == 1, (d.objectName(), texts)
        assert d.windowTitle() in docks, (d.objectName(), texts)  # together, above Language
    dock.close()  # its own close button: the item follows
    qtbot.waitUntil(lambda: not dock.isVisible())
    assert not lessons.isChecked()
    lessons.trigger()
    qtbot.waitUntil(dock.isVisible)
    assert lessons.isChecked()
    lessons.trigger()
    qtbot.waitUntil(lambda: not dock.isVisible())
    # a lesson opened from the Lessons menu checks it too
    next(a for a in window.findChildren(type(lessons)) if a.objectName().startswith(
        "lesson_")).trigger()
    qtbot.waitUntil(dock.isVisible)
    assert lessons.isChecked()


def test_the_lessons_window_leaves_the_menu_bar_free(qtbot, window):
    """QA, 1280x720: the floating Lessons window (760 px high, centred) covered the menu bar,
    and with it View ▸ Lessons, the item that closes it."""
    window.resize(1280, 700)
    qtbot.wait(20)
    _item(_view_menu(window), "Lessons").trigger()
    dock = window.findChild(QDockWidget, "Lessons")
    qtbot.waitUntil(dock.isVisible)
    bar = window.menuBar()
    bar_bottom = bar.mapToGlobal(bar.rect().bottomLeft()).y()
    assert dock.isFloating()
    assert dock.geometry().top() > bar_bottom
    assert dock.geometry().height() <= window.height() - bar.height()  # fits under it
