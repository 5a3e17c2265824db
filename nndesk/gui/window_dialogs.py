"""The main window's own questions, its language menu and its Help dialog, kept out of
`main_window.py` (which only builds and wires): resume an interrupted
run, a worse new model, View ▸ Language, Help."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox, QWidget

from nndesk.gui.i18n import LANGUAGE_NAMES, SETTINGS_KEY, language, set_language, tr

__all__ = ["fill_language_menu", "choose_language", "resume_checkpoint", "keep_worse_model",
           "after_pen_lifts", "open_help"]


def fill_language_menu(menu: QMenu, window: QWidget, settings: QSettings) -> None:
    """View ▸ Language: one checkable action per language (object name `language_<code>`);
    choosing one switches at once and is saved for the next start."""
    group = QActionGroup(window)
    for code, name in LANGUAGE_NAMES.items():
        action = QAction(name, window, checkable=True)
        action.setObjectName(f"language_{code}")
        action.setChecked(code == language())
        action.triggered.connect(
            lambda _=False, code=code: choose_language(code, window, settings))
        group.addAction(action)
        menu.addAction(action)


def choose_language(code: str, window: QWidget, settings: QSettings) -> None:
    """Switch now (every visible text is re-read; training goes on) and from now on."""
    from nndesk.gui.pg_i18n import retranslate_pyqtgraph
    from nndesk.gui.retranslate import retranslate_widgets

    old = language()
    settings.setValue(SETTINGS_KEY, code)
    settings.sync()
    set_language(code)
    retranslate_widgets([w for w in QApplication.topLevelWidgets()
                         if w is window or w.isVisible()], old, language())
    retranslate_pyqtgraph(window)
    for action in window.findChildren(QAction):
        if action.objectName().startswith("language_"):
            action.setChecked(action.objectName() == f"language_{language()}")
    if isinstance(window, QMainWindow) and window.isVisible():
        from nndesk.gui.session import widen_docks

        # once the panels are laid out anew: their new texts may be wider (QA, zh_CN -> en:
        # the digit dock's "Show each model's answers" and percentages were cut under a
        # sideways scroll bar)
        QApplication.sendPostedEvents()  # the panels' LanguageChange and layout requests
        widen_docks(window)


def resume_checkpoint(parent: QWidget, settings: QSettings) -> str | None:
    """After a close during training: the checkpoint to resume when the user says so, else
    None (the saved path is forgotten either way)."""
    from nndesk.gui.files import describe_checkpoint
    from nndesk.gui.settings_check import read_setting

    path = read_setting(settings, "resume/checkpoint", str)
    settings.remove("resume/checkpoint")
    if not path or not Path(path).is_file():
        return None
    run = describe_checkpoint(path)
    if run is None:
        return None
    answer = QMessageBox.question(
        parent, tr("Resume training?"), tr("Training was interrupted when the window closed:\n"
                                          "{run}.\n\nResume that run now?\n\n"
                                          "(checkpoint: {path})").format(run=run, path=path))
    return path if answer == QMessageBox.StandardButton.Yes else None


def keep_worse_model(parent: QWidget | None) -> Callable[[float, float | None], bool]:
    """A question for the training controller: `ask(new, old)` (test accuracies, 0..1; `old`
    None when the canvas's model has none recorded) is True when the user takes the new
    model onto the canvas (`run_watch.keeps_model_before` says when it is asked)."""

    def ask(new: float, old: float | None) -> bool:
        after_pen_lifts()  # a question never cuts a stroke short (QA: a 7 lost its lower half)
        if old is None:
            text = tr("The model just trained reaches {new}% on the test images; the model "
                      "the canvas uses now has no test accuracy recorded, so it may be "
                      "better.\n\nUse the new model on the canvas? (No keeps the current "
                      "one; the new one is saved either way.)").format(new=f"{100 * new:.2f}")
        else:
            text = tr("The model just trained reaches {new}% on the test images; the model "
                      "the canvas uses now reaches {old}%.\n\nUse the new model on the "
                      "canvas? (No keeps the current one; the new one is saved either "
                      "way.)").format(new=f"{100 * new:.2f}", old=f"{100 * old:.2f}")
        return QMessageBox.question(parent, tr("Use the new model?"), text
                                    ) == QMessageBox.StandardButton.Yes

    return ask


def after_pen_lifts(max_s: float = 60.0) -> None:
    """Return once no mouse button is held (the window's events handled meanwhile, so the
    stroke goes on being drawn), or after `max_s` seconds: a modal dialog opened under a
    drawing pen takes its mouse and ends the stroke where it is."""
    if QApplication.mouseButtons() == Qt.MouseButton.NoButton:
        return
    loop, poll = QEventLoop(), QTimer()
    poll.timeout.connect(lambda: QApplication.mouseButtons() == Qt.MouseButton.NoButton
                         and loop.quit())
    poll.start(20)
    QTimer.singleShot(int(max_s * 1000), loop.quit)
    loop.exec()
    poll.stop()


def open_help(window: QMainWindow, state, settings: QSettings, tab: str = "guide"):
    """The Help dialog on `tab` (guide, shortcuts read from the window's menus, books,
    about), deleted when closed; returns it."""
    from nndesk.gui.help import HelpDialog, about_facts

    actions = [a for menu in window.menuBar().actions() if menu.menu()
               for a in menu.menu().actions()]
    dialog = HelpDialog(window, actions, about_facts(state, settings), tab)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
