"""View ▸ Language while the window is open: the side docks fit their panels in the new
language as at a fresh start in it (QA: started in zh_CN at 1280x720, switched to English:
the designer and the canvas docks got horizontal scroll bars and cut texts, "Show each
model's answ", "Fine-tune", "test accura"), and no visible text is left in the old language.
A fresh start at 1280x720 (a screen of that size: the window's own start-up fit), in its own
process as tests/gui/test_dock_fit.py."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from gui_helpers import english_runs, screen_env

PROBE = """
import json, os, sys
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QScrollArea
from nndesk.gui.app import create_window
from nndesk.gui.retranslate import visible_texts
from nndesk.gui.session import panel_width

out, lang, switched = sys.argv[1:4]

def settle(app):
    for _ in range(8):
        app.processEvents()

def side_docks(w):
    sides = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
    return [d for d in w.findChildren(QDockWidget)
            if d.isVisible() and w.dockWidgetArea(d) in sides]

def hbar(dock):  # the dock's scroll area, or each part of its splitter (the designer's)
    inner = dock.widget()
    parts = [inner] if isinstance(inner, QScrollArea) else inner.findChildren(
        QScrollArea, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return any(s.horizontalScrollBar().isVisible() for s in parts)

def measure(w, what):
    return {"what": what, "docks": {d.objectName(): [d.width(), panel_width(d), hbar(d)]
                                    for d in side_docks(w)},
            "texts": visible_texts([w])}

os.environ["NNDESK_LANG"] = lang
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, out + lang)
app, w = create_window(None)
w.show()
settle(app)
print(json.dumps(measure(w, "fresh")), flush=True)
if switched != "-":
    w.findChild(QAction, f"language_{switched}").trigger()
    settle(app)
    print(json.dumps(measure(w, "switched")), flush=True)
    w.grab().save(out + f"-{lang}-to-{switched}.png")
os._exit(0)
"""

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _run(tmp_path, lang: str, switched: str = "-") -> dict[str, dict]:
    tmp_path.mkdir()
    env = screen_env(tmp_path, 1280, 720)
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "s"), lang, switched],
                          env=env, capture_output=True, text=True, timeout=600)  # hang guard
    assert done.returncode == 0, done.stderr
    return {s["what"]: s for s in map(json.loads, done.stdout.splitlines())
            if s.get("what")}


@pytest.mark.parametrize(("start", "switched"), [("zh_CN", "en"), ("en", "ja")])
def test_after_a_language_switch_the_docks_fit_as_at_a_fresh_start(tmp_path, start, switched):
    fresh = _run(tmp_path / "fresh", switched)["fresh"]
    after = _run(tmp_path / "switch", start, switched)["switched"]
    assert set(after["docks"]) == set(fresh["docks"]) == {"Network_designer", "Draw_a_digit"}
    for name, (width, needs, hbar) in after["docks"].items():
        assert needs == fresh["docks"][name][1], name   # the same panels as a fresh start
        assert width >= needs and not hbar, (name, after["docks"], fresh["docks"])
    texts = [(where, t) for where, t in after["texts"]
             if not where.startswith("QAction language_")]  # each language in its own words
    if switched == "en":
        left = [(where, t) for where, t in texts if CJK.search(t)]
    else:
        left = [(where, t) for where, t in texts if english_runs(t)]
    assert left == []
