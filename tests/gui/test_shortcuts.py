"""Keyboard shortcuts (QA): each inspector view of the View menu has one, pressing it opens the
view, and no two actions of the window answer the same keys where both can act."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

INSPECTORS = ("Preprocessing_steps", "Evaluation", "Why_this_answer", "Layer_health",
              "Gradient_check")


def _scope(action: QAction) -> list[QWidget] | None:
    """The widgets a widget-scoped action acts in; None for a window-wide one."""
    if action.shortcutContext() != Qt.ShortcutContext.WidgetWithChildrenShortcut:
        return None
    return [o for o in action.associatedObjects()
            if isinstance(o, QWidget) and not isinstance(o, QMenu)]


def _overlap(a: list[QWidget] | None, b: list[QWidget] | None) -> bool:
    if a is None or b is None:
        return True
    return any(x is y or x.isAncestorOf(y) or y.isAncestorOf(x) for x in a for y in b)


def test_no_two_actions_share_a_shortcut(window):
    keyed = [(a, k.toString()) for a in window.findChildren(QAction) for k in a.shortcuts()
             if not k.isEmpty()]
    assert len(keyed) > 15  # the menus' actions and the views' are all here
    clashes = [(a.text(), b.text(), key) for i, (a, key) in enumerate(keyed)
               for b, other in keyed[i + 1:]
               if a is not b and key == other and _overlap(_scope(a), _scope(b))]
    assert clashes == []
    # the views' keys: none is a standard key either (Ctrl+Shift+G: find previous)
    standard = {k.toString() for sk in QKeySequence.StandardKey
                for k in QKeySequence.keyBindings(sk)}
    for name in INSPECTORS:
        key = window.findChild(QDockWidget, name).toggleViewAction().shortcut().toString()
        assert key not in standard, (name, key)


def test_each_inspector_view_opens_with_its_shortcut(window, qtbot):
    view_menu = window.view_menu.actions()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    for name in INSPECTORS:
        dock = window.findChild(QDockWidget, name)
        action = dock.toggleViewAction()
        assert action in view_menu
        keys = action.shortcut()
        assert not keys.isEmpty(), name
        assert not dock.isVisible()
        combo = keys[0]
        qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())
        qtbot.waitUntil(dock.isVisible)
        qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())  # again: hidden
        qtbot.waitUntil(lambda d=dock: not d.isVisible())
