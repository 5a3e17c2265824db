"""The Lessons menu and dock: the books' chapters, each page interactive (`panel.py`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from nndesk.gui.i18n import tr

__all__ = ["install_lessons"]


def install_lessons(window: QMainWindow, menu: QMenu) -> None:
    """Fill `menu` with one action per lesson; the first one builds the Lessons dock (tabbed
    over the right-hand dock) and every one shows its page there."""
    from nndesk.gui.lessons.panel import LESSONS

    def show(key: str) -> None:
        dock = window.findChild(QDockWidget, "Lessons")
        if dock is None:
            from nndesk.gui.lessons.panel import LessonsPanel

            dock = QDockWidget(tr("Lessons"), window)
            dock.setObjectName("Lessons")
            dock.setWidget(LessonsPanel(getattr(window, "state", None)))
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            others = [d for d in window.findChildren(QDockWidget) if d is not dock
                      and window.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea]
            if others:
                window.tabifyDockWidget(others[0], dock)
            window.resizeDocks([dock], [760], Qt.Orientation.Horizontal)
        dock.show()
        dock.raise_()
        dock.widget().show_lesson(key)

    for key, (text, _, _) in LESSONS.items():
        action = QAction(tr(text), window)
        action.setObjectName(f"lesson_{key}")
        action.triggered.connect(lambda _=False, key=key: show(key))
        menu.addAction(action)
