"""The mouse wheel scrolls the panel under it, not the value of a box the pointer passes.

A spin box or a combo box inside a scrolling panel takes every wheel step once the pointer
is over it, and the designer's settings changed silently while the learner scrolled (a
Dense layer's units went from 100 to 104). `WheelGuard`, an event filter on each spin box
and combo box, gives a box the wheel only when the learner chose it with the mouse: it has
the focus and got it by a click on it. Any other wheel step goes to the panel around it: a
box reached by Tab is being typed into, not chosen for the wheel (QA: 5000 typed into the
training images and Tab put the focus in the early stop below; scrolling the panel over it
then set early stop from "off" to 3). A real wheel event (spontaneous)
gives a box with Qt's `WheelFocus` policy the focus before any event filter sees it, so each
box is set to `StrongFocus` when it is polished (before it is first shown).

The boxes are found as they are polished, by the application's style (`_PolishHook`, a
`QProxyStyle` around the style in use: the same look): an application event filter did it
before, and ran Python ~24 times per mouse event on the canvas (PROFILE.md, issue 12); the
style's `polish` runs once per widget, and a box's own filter sees only that box's events.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QProxyStyle,
    QStyleFactory,
    QWidget,
)

__all__ = ["WheelGuard", "install"]

BOXES = (QAbstractSpinBox, QComboBox)
_CHOSEN = "nndesk_wheel_chosen"  # a box's property: its focus came from a click on it
_KEEPS = (Qt.FocusReason.ActiveWindowFocusReason,  # the focus back, as it was given before
          Qt.FocusReason.PopupFocusReason, Qt.FocusReason.MenuBarFocusReason)


class WheelGuard(QObject):
    """An event filter on a spin box or combo box: a wheel event goes to the scrolling panel
    around it (none: it is dropped) unless the box has the focus, given by a click on it."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind == QEvent.Type.FocusIn and isinstance(obj, BOXES):
            if event.reason() not in _KEEPS:
                obj.setProperty(_CHOSEN, event.reason() == Qt.FocusReason.MouseFocusReason)
            return False
        if (kind != QEvent.Type.Wheel or not isinstance(obj, BOXES)
                or (obj.hasFocus() and obj.property(_CHOSEN))):
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

    def guard(self, box: QWidget) -> None:
        """Guard `box` (a spin box or combo box): no focus by the wheel, no value by it while
        unfocused. Guarding it again changes nothing (Qt keeps one filter per object)."""
        if box.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel gives no focus
        box.installEventFilter(self)


class _PolishHook(QProxyStyle):
    """The application's style, unchanged, which also guards each box it polishes."""

    def __init__(self, guard: WheelGuard, base) -> None:
        super().__init__(base)
        self._guard = guard

    def polish(self, arg):  # one Python name for Qt's three overloads (widget, palette, app)
        if isinstance(arg, BOXES):
            self._guard.guard(arg)
        return super().polish(arg)


_GUARD: WheelGuard | None = None
_HOOK: _PolishHook | None = None


def install() -> None:
    """Guard every spin box and combo box of the running QApplication from now on (once;
    later calls do nothing): the boxes polished already at once, the others as they are."""
    global _GUARD, _HOOK
    app = QCoreApplication.instance()
    if not isinstance(app, QApplication) or _GUARD is not None:
        return
    _GUARD = WheelGuard()
    _HOOK = _PolishHook(_GUARD, QStyleFactory.create(app.style().name()))
    app.setStyle(_HOOK)
    for widget in app.allWidgets():
        if isinstance(widget, BOXES):
            _GUARD.guard(widget)
