"""View ▸ Language with each bottom view open, after a run (QA 8: the preprocessing steps'
captions and Layer health's status line stayed in the language the window started in): after
every switch (en -> zh_CN -> ja -> en) no visible text holds another language's words."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

import nndesk.gui.health_panel as hp
from nndesk.gui.retranslate import visible_texts
from nndesk.gui.window_menus import VIEW_KEYS

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
KANA = re.compile(r"[\u3040-\u30ff]")
# plain English words of the window's sentences (no layer types, optimizers nor units)
ENGLISH = re.compile(r"\b(the|of|on|and|is|images?|training|ended|network|steps?|"
                     r"figures|being|trained|mode|gray|crop|mask|removed|kept)\b")


def _switch(window, code: str) -> None:
    window.findChild(QAction, f"language_{code}").trigger()
    QCoreApplication.processEvents()


def _wrong(window, code: str) -> list[tuple[str, str]]:
    """Visible texts holding another language than `code`."""
    out = []
    for where, text in visible_texts([window]):
        if where.startswith("QAction language_"):
            continue  # each language is named in its own ("日本語")
        if code == "en" and CJK.search(text):
            out.append((where, text))
        elif code == "zh_CN" and (KANA.search(text) or ENGLISH.search(text)):
            out.append((where, text))
        elif code == "ja" and ENGLISH.search(text):
            out.append((where, text))
    return out


@pytest.fixture
def after_a_run(window, small_data, dialogs, monkeypatch, qtbot):
    """A drawing's steps computed, Layer health shown through a 2-epoch run to its end."""
    monkeypatch.setattr(hp, "MIN_INTERVAL_MS", 0)
    monkeypatch.setattr(hp, "SHARE", 1.0)
    bitmap = np.zeros((280, 280), np.uint8)
    bitmap[60:220, 130:150] = 255  # a "1"
    window.state.set_digit(np.zeros((1, 28, 28), np.float32), source=bitmap)
    inspector = window.findChild(QDockWidget, "Preprocessing_steps")
    inspector.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: window.inspector.shown_source is bitmap, timeout=10_000)
    window.findChild(QDockWidget, "Layer_health").toggleViewAction().trigger()
    window.training.data = small_data
    window.state.set_config(epochs=2, batch_size=50, lr=0.01, tensorboard=False)
    with qtbot.waitSignal(window.training.finished, timeout=60_000):
        window.train_panel.train_button.click()
    qtbot.waitUntil(lambda: not window.training.busy, timeout=10_000)
    panel = window.health_panel
    qtbot.waitUntil(lambda: "the run has ended" in panel.status.text(), timeout=60_000)
    return window


def test_no_visible_text_stays_in_the_old_language(after_a_run, qtbot):
    window = after_a_run
    for name in VIEW_KEYS:
        dock = window.findChild(QDockWidget, name)
        if not dock.isVisible():
            dock.toggleViewAction().trigger()
        dock.raise_()
        QCoreApplication.processEvents()
        for code in ("zh_CN", "ja", "en"):
            _switch(window, code)
            wrong = _wrong(window, code)
            assert wrong == [], (name, code, wrong)
