"""The main window's menu bar: File, Training, Canvas, Lessons, View, Help, their actions and
shortcuts (a shortcut acts where the focus is when it is given a widget)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from nndesk.gui.export_dialog import MENU_TEXT as EXPORT_MENU
from nndesk.gui.export_dialog import open_export_dialog
from nndesk.gui.i18n import tr
from nndesk.gui.lessons import install_lessons
from nndesk.gui.window_dialogs import fill_language_menu

__all__ = ["add_action", "build_menus", "view_action", "VIEW_KEYS"]

VIEW_KEYS = {  # View ▸ the inspector views (dock object names); none taken by another action
    "Preprocessing_steps": "Ctrl+Shift+P", "Evaluation": "Ctrl+Shift+E",
    "Why_this_answer": "Ctrl+Shift+W", "Layer_health": "Ctrl+Shift+H",
    "Gradient_check": "Ctrl+Shift+D"}


def add_action(window: QMainWindow, menu: QMenu | None, text: str, slot, *keys,
               where: QWidget | None = None) -> QAction:
    """A menu item; with `where`, its shortcut acts only while the focus is in that widget
    (Delete in the designer removes a layer, on the canvas it clears the drawing)."""
    action = QAction(text, window)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
    if where is not None:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        where.addAction(action)
    action.triggered.connect(slot)
    if menu is not None:
        menu.addAction(action)
    return action


def build_menus(w) -> QMenu:
    """The menu bar of the MainWindow `w` (its panels, files and training controller made);
    returns the View menu, which the bottom views join once they exist."""
    bar = w.menuBar()
    keys = QKeySequence.StandardKey

    def act(menu, text, slot, *shortcuts, where=None):
        return add_action(w, menu, text, slot, *shortcuts, where=where)

    f = bar.addMenu(tr("&File"))
    act(f, tr("&Open model…"), w.files.open_model_dialog, keys.Open)
    act(f, tr("&Save model as…"), w.files.save_model_dialog, keys.Save)
    act(f, tr("Model &info…"), w.files.show_model_info, "Ctrl+I")
    f.addSeparator()
    act(f, tr("Open &design…"), w.files.open_design_dialog, "Ctrl+Shift+O")
    act(f, tr("Save d&esign as…"), w.files.save_design_dialog, "Ctrl+Shift+S")
    f.addSeparator()
    act(f, tr("Export curves as &PNG…"), lambda: w.plots and w.plots.ask_png())
    act(f, tr("Export history as &CSV…"), lambda: w.plots and w.plots.ask_csv())
    act(f, tr(EXPORT_MENU), lambda: open_export_dialog(w))
    f.addSeparator()
    act(f, tr("&Quit"), w.close, keys.Quit)
    t = bar.addMenu(tr("&Training"))
    act(t, tr("&Train"), w.request_training, "Ctrl+T")
    act(t, tr("&Pause / resume"), w.training.toggle_pause, "Ctrl+P")
    act(t, tr("&Stop"), w.training.stop, "Ctrl+.")
    c = bar.addMenu(tr("&Canvas"))
    act(c, tr("&Clear"), w.digit.canvas.clear, "Esc", "Delete", "Ctrl+L", where=w.digit)
    act(c, tr("&Undo stroke"), w.digit.canvas.undo, keys.Undo, where=w.digit)
    act(c, tr("&Open image…"), w.digit.open_button.click, "Ctrl+Shift+I")
    act(None, tr("&Remove layer"), w.designer.remove_layer, "Delete",
        where=w.designer.table)  # no menu: the designer's Remove button
    lessons = install_lessons(w, bar.addMenu(tr("&Lessons")))
    v = bar.addMenu(tr("&View"))
    for dock in w.findChildren(QDockWidget):
        v.addAction(view_action(dock))
    v.addAction(lessons)  # the Lessons dock is built when first shown
    v.addSeparator()
    fill_language_menu(v.addMenu(tr("&Language")), w, w.settings)
    h = bar.addMenu(tr("&Help"))
    act(h, tr("&Guide to the window…"), lambda: w.show_help("guide"), "F1")
    act(h, tr("&Keyboard shortcuts…"), lambda: w.show_help("shortcuts"))
    act(h, tr("Where the &books explain it…"), lambda: w.show_help("books"))
    act(h, tr("&About nndesk…"), lambda: w.show_help("about"))
    return v


def view_action(dock: QDockWidget) -> QAction:
    """The dock's View menu item, with its shortcut (VIEW_KEYS) when it has one."""
    action = dock.toggleViewAction()
    if dock.objectName() in VIEW_KEYS:
        action.setShortcut(QKeySequence(VIEW_KEYS[dock.objectName()]))
    return action
