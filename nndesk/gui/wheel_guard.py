"""The mouse wheel scrolls the panel under it, not the value of a box the pointer passes.

A spin box or a combo box inside a scrolling panel takes every wheel step once the pointer
is over it, and the designer's settings changed silently while the learner scrolled (a
Dense layer's units went from 100 to 104). `WheelGuard` (installed once on the application)
gives a box the wheel only when it has the keyboard focus (click it, or Tab to it); any
other wheel step goes to the panel around it. A real wheel event (spontaneous) gives a box
with Qt's `WheelFocus` policy the focus before any event filter sees it, so each box is set
to `StrongFocus` when it is polished (before it is first shown), not at its first wheel step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget

__all__ = ["WheelGuard", "install"]


class WheelGuard(QObject):
    """An application event filter: a wheel event over an unfocused spin box or combo box
    goes to the scrolling panel around it (none: it is dropped)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Polish and isinstance(obj, (QAbstractSpinBox,
                                                                   QComboBox)):
            if obj.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel gives no focus
            return False
        if (event.type() != QEvent.Type.Wheel
                or not isinstance(obj, (QAbstractSpinBox, QComboBox)) or obj.hasFocus()):
            return False
        if obj.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel gives it no focus
        area = obj.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if isinstance(area, QAbstractScrollArea):
            view: QWidget = area.viewport()
            pos = QPointF(view.mapFromGlobal(event.globalPosition().toPoint()))
            QCoreApplication.sendEvent(view, QWheelEvent(
                pos, event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                event.buttons(), event.modifiers(), event.phase(), event.inverted()))
        return True


_GUARD: WheelGuard | None = None


def install() -> None:
    """Install the guard on the running QApplication (once; later calls do nothing)."""
    global _GUARD
    app = QCoreApplication.instance()
    if app is not None and _GUARD is None:
        _GUARD = WheelGuard()
        app.installEventFilter(_GUARD)
