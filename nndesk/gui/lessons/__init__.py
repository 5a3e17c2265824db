"""The Lessons menu and dock: the books' chapters, each page interactive (`panel.py`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from nndesk.gui.i18n import tr

__all__ = ["install_lessons"]


def install_lessons(window: QMainWindow, menu: QMenu) -> QAction:
    """Fill `menu` with one action per lesson; the first one builds the Lessons dock (floating
    over the window, dockable on the right) and every one shows its page there. Returns the
    dock's View menu item (checked while the dock is shown, like every other dock's; checked
    before any lesson was opened, it opens the first)."""
    from nndesk.gui.lessons.panel import LESSONS

    toggle = QAction(tr("Lessons"), window)
    toggle.setObjectName("view_Lessons")
    toggle.setCheckable(True)

    def show(key: str | None) -> None:
        dock = window.findChild(QDockWidget, "Lessons")
        if dock is None:
            key = key or next(iter(LESSONS))
            from nndesk.gui.lessons.panel import LessonsPanel

            dock = QDockWidget(tr("Lessons"), window)
            dock.setObjectName("Lessons")
            dock.setWidget(LessonsPanel(getattr(window, "state", None)))
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            # the pages are wide: a window of its own at first, dockable on the right
            dock.setFloating(True)
            # below the menu bar, inside the window: on a 720 px screen a centred 760 px
            # window covered the menus, and with them View ▸ Lessons that closes it (QA)
            bar = window.menuBar().geometry().bottom() + 1
            dock.resize(min(1180, window.width()), min(760, window.height() - bar))
            centre = window.geometry().center() - dock.rect().center()
            dock.move(centre.x(), max(centre.y(), window.geometry().top() + bar))
            dock.toggleViewAction().toggled.connect(toggle.setChecked)  # closed: unchecked
        dock.show()
        dock.raise_()
        toggle.setChecked(True)
        if key is not None:
            dock.widget().show_lesson(key)

    def toggled(on: bool) -> None:
        if on:
            show(None)
        elif (dock := window.findChild(QDockWidget, "Lessons")) is not None:
            dock.hide()

    toggle.triggered.connect(toggled)

    for key, (text, _, _) in LESSONS.items():
        action = QAction(tr(text), window)
        action.setObjectName(f"lesson_{key}")
        action.triggered.connect(lambda _=False, key=key: show(key))
        menu.addAction(action)
    return toggle
