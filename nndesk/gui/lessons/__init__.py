"""The Lessons menu and dock: the books' chapters, each page interactive (`panel.py`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from nndesk.gui.i18n import tr

__all__ = ["install_lessons"]


def install_lessons(window: QMainWindow, menu: QMenu) -> None:
    """Fill `menu` with one action per lesson; the first one builds the Lessons dock (floating
    over the window, dockable on the right) and every one shows its page there."""
    from nndesk.gui.lessons.panel import LESSONS

    def show(key: str) -> None:
        dock = window.findChild(QDockWidget, "Lessons")
        if dock is None:
            from nndesk.gui.lessons.panel import LessonsPanel

            dock = QDockWidget(tr("Lessons"), window)
            dock.setObjectName("Lessons")
            dock.setWidget(LessonsPanel(getattr(window, "state", None)))
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            # the pages are wide: a window of its own at first, dockable on the right
            dock.setFloating(True)
            dock.resize(min(1180, window.width()), min(760, window.height()))
            dock.move(window.geometry().center() - dock.rect().center())
        dock.show()
        dock.raise_()
        dock.widget().show_lesson(key)

    for key, (text, _, _) in LESSONS.items():
        action = QAction(tr(text), window)
        action.setObjectName(f"lesson_{key}")
        action.triggered.connect(lambda _=False, key=key: show(key))
        menu.addAction(action)
