"""The window's translations: every tr() string has a Chinese entry, and the window uses it."""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path

import pytest

from nndesk.gui import i18n
from nndesk.paths import resources_dir

GUI = Path(i18n.__file__).resolve().parent


def _marked_strings() -> dict[str, str]:
    """Every literal passed to tr() or N_() in nndesk/gui/*.py -> where it is."""
    found: dict[str, str] = {}
    for path in sorted(GUI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("tr", "N_") and node.args):
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, f"{path.name}:{node.lineno}")
    return found


def _zh() -> dict[str, str]:
    return json.loads((resources_dir() / "translations" / "zh_CN.json").read_text("utf-8"))


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_marked_string_has_a_chinese_entry_and_none_is_unused():
    marked, zh = _marked_strings(), _zh()
    assert len(marked) > 100  # the scan works (menus, panels, dialogs)
    missing = {s: where for s, where in marked.items() if s not in zh}
    assert not missing, f"add to zh_CN.json: {missing}"
    assert not set(zh) - set(marked), f"unused in zh_CN.json: {set(zh) - set(marked)}"


def test_translations_keep_the_placeholders_and_are_chinese():
    for english, chinese in _zh().items():
        assert _fields(chinese) == _fields(english), english
        assert chinese.strip() and chinese != english, english
        if "&" in english:  # a menu mnemonic stays a mnemonic
            assert "&" in chinese, english


def test_tr_follows_the_language():
    try:
        assert i18n.available_languages() == ["en", "zh_CN"]
        assert i18n.tr("Train") == "Train"
        i18n.set_language("zh_CN")
        assert i18n.language() == "zh_CN"
        assert i18n.tr("Train") == "训练"
        assert i18n.tr("Layer {n}: {type}").format(n=2, type="ReLU") == "第 2 层：ReLU"
        assert i18n.tr("not a UI string") == "not a UI string"  # untranslated: the English
        with pytest.raises(ValueError):
            i18n.set_language("xx")
    finally:
        i18n.set_language("en")


def test_detect_language_order(monkeypatch):
    from PySide6.QtCore import QLocale, QSettings

    settings = QSettings("nndesk", "nndesk")
    monkeypatch.setenv("NNDESK_LANG", "zh_CN")
    assert i18n.detect_language(settings) == "zh_CN"
    monkeypatch.delenv("NNDESK_LANG")
    settings.setValue(i18n.SETTINGS_KEY, "zh_CN")
    assert i18n.detect_language(settings) == "zh_CN"
    settings.setValue(i18n.SETTINGS_KEY, "en")
    assert i18n.detect_language(settings) == "en"
    settings.remove(i18n.SETTINGS_KEY)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.detect_language(settings) == "zh_CN"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.detect_language(settings) == "en"


def _menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_window_is_english_by_default(window):
    assert _menu_titles(window) == ["&File", "&Training", "&Canvas", "&View", "&Help"]
    assert window.train_panel.train_button.text() == "Train"


def test_window_in_chinese(qtbot, monkeypatch):
    from PySide6.QtWidgets import QDockWidget

    from nndesk.gui.main_window import MainWindow

    monkeypatch.setenv("NNDESK_LANG", "zh_CN")
    w = MainWindow()
    qtbot.addWidget(w)
    w.build_views()
    assert _menu_titles(w) == ["文件(&F)", "训练(&T)", "画布(&C)", "视图(&V)", "帮助(&H)"]
    assert w.train_panel.train_button.text() == "训练"
    assert w.designer.add_button.text() == "添加层 ▾"
    assert w.plots.loss_plot.getPlotItem().titleLabel.text == "每个批次的损失"
    docks = {d.objectName(): d.windowTitle() for d in w.findChildren(QDockWidget)}
    assert docks == {"Network_designer": "网络设计", "Draw_a_digit": "画一个数字",
                     "Preprocessing_steps": "预处理步骤"}


def test_language_menu_saves_the_choice(window, monkeypatch):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    english = window.findChild(QAction, "language_en")
    chinese = window.findChild(QAction, "language_zh_CN")
    assert english.isChecked() and not chinese.isChecked()
    chinese.trigger()
    assert window.settings.value(i18n.SETTINGS_KEY) == "zh_CN"
    assert shown and "简体中文" in shown[0] and "next start" in shown[0]
    assert i18n.language() == "en"  # applies at the next start, not now
