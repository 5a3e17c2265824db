"""The side docks show their panels whole: no horizontal scroll bar, no widget cut at a side,
no designer column cut, on 1280x720, 1400x900 (on a 1600x1000 screen) and 1920x1080, in
English, Chinese and Japanese; a dock left narrower than its panel (a saved layout, the README
screenshot's 287 px canvas dock) is widened when the window is shown, without a minimum width
that would push the window off a small screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from gui_helpers import screen_env

# Runs in its own process: the screen's size is the offscreen platform's, set at start.
PROBE = """
import json, os, sys
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import (QAbstractScrollArea, QDockWidget, QScrollArea, QTableWidget,
                               QWidget)
from nndesk.gui.app import create_window
from nndesk.gui.session import widen_docks

out, size = sys.argv[1], sys.argv[2]

def settle(app):
    for _ in range(8):
        app.processEvents()

def window(lang):
    app, w = create_window(None)
    if size != "first":
        w.resize(*map(int, size.split("x")))
    w.show()
    settle(app)
    return app, w

def side_docks(w):
    sides = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
    return [d for d in w.findChildren(QDockWidget)
            if d.isVisible() and w.dockWidgetArea(d) in sides]

def scrolls(dock):  # the dock's scroll area, or each part of its splitter (the designer's)
    inner = dock.widget()
    if isinstance(inner, QScrollArea):
        return [inner]
    return inner.findChildren(QScrollArea, options=Qt.FindChildOption.FindDirectChildrenOnly)

def hbar(dock):
    return any(s.horizontalScrollBar().isVisible() for s in scrolls(dock))

def cut_widgets(dock):
    return [c for s in scrolls(dock) for c in cut_in(s)]

def cut_in(scroll):
    view, panel = scroll.viewport(), scroll.widget()
    cut = []
    for child in panel.findChildren(QWidget):
        if not child.isVisible():
            continue
        p, inner = child.parentWidget(), False
        while p is not None and p is not panel:  # inside a list or table: it scrolls there
            inner |= isinstance(p, QAbstractScrollArea)
            p = p.parentWidget()
        if inner:
            continue
        left = child.mapTo(view, QPoint(0, 0)).x()
        if left < 0 or left + child.width() > view.width():
            cut.append(type(child).__name__ + ":" + (getattr(child, "text", lambda: "")() or
                                                      child.objectName()))
    return cut

def measure(w, lang, **extra):
    seen = {"lang": lang, **extra, "window": [w.width(), w.height()],
            "screen": w.screen().availableGeometry().getRect(),
            "frame": w.frameGeometry().getRect(), "docks": {}}
    for d in side_docks(w):
        tables = [t for t in d.findChildren(QTableWidget) if t.isVisible()]
        seen["docks"][d.objectName()] = {
            "width": d.width(), "hbar": hbar(d),
            "cut": cut_widgets(d),
            "tables": [[t.horizontalHeader().length(), t.viewport().width(),
                        t.horizontalScrollBar().isVisible(),
                        [t.columnWidth(c) >= t.horizontalHeader().sectionSizeHint(c)
                         for c in range(t.columnCount())]] for t in tables]}
    return seen

for lang in sys.argv[3:]:
    os.environ["NNDESK_LANG"] = lang
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, out + lang)
    app, w = window(lang)
    w.designer.select(0)  # the longest settings form
    settle(app)
    print(json.dumps(measure(w, lang)), flush=True)
    w.grab().save(f"{out}-{lang}.png")
    if size == "1400x900":  # dragged narrow, then widened as the window does when shown
        for d in side_docks(w):
            w.resizeDocks([d], [200], Qt.Orientation.Horizontal)
        settle(app)
        cramped = [hbar(d) for d in side_docks(w)]
        widen_docks(w)
        settle(app)
        print(json.dumps(measure(w, lang, narrowed=cramped)), flush=True)
        w.grab().save(f"{out}-{lang}-widened.png")
    w.close()
os._exit(0)
"""

LANGUAGES = ["en", "zh_CN", "ja"]
SCREENS = [((1280, 720), "first"), ((1600, 1000), "1400x900"), ((1920, 1080), "first")]


@pytest.mark.parametrize(("screen", "size"), SCREENS)
def test_side_docks_show_their_panels_whole(tmp_path, screen, size):
    width, height = screen
    env = screen_env(tmp_path, width, height)
    shots = os.environ.get("NNDESK_DOCK_SHOTS")  # a folder: keep the screenshots there
    out = os.path.join(shots, f"{width}x{height}-{size}") if shots else str(tmp_path / "s")
    done = subprocess.run([sys.executable, "-c", PROBE, out, size, *LANGUAGES],
                          env=env, capture_output=True, text=True, timeout=900)  # hang guard
    assert done.returncode == 0, done.stderr
    seen = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert [s["lang"] for s in seen if "narrowed" not in s] == LANGUAGES
    if size == "1400x900":  # the docks dragged to 200 px did scroll sideways before widening
        assert [s["narrowed"] for s in seen if "narrowed" in s] == [[True, True]] * 3
    for s in seen:
        x, y, w, h = s["screen"]
        fx, fy, fw, fh = s["frame"]
        assert x <= fx and fx + fw <= x + w and fw <= w, s  # the window fits the screen
        assert set(s["docks"]) == {"Network_designer", "Draw_a_digit"}, s
        for name, dock in s["docks"].items():
            assert not dock["hbar"], (name, s)
            assert dock["cut"] == [], (name, s)
            for length, view, hbar, whole in dock["tables"]:  # the designer's layer list
                assert length <= view and not hbar, (name, s)
                assert all(whole), (name, s)  # every column as wide as its header text
