"""The confusion map's axis labels whole at 1280x720 (QA: with the Evaluation view open, the
map's "predicted digit" was cut at the window's bottom edge: the view's panel asked its scroll
area for its preferred height and scrolled). In each language, while the test set is being
evaluated and once it is done, each axis title of the map (true digit, predicted digit,
accuracy per digit) is whole inside the map and on screen, and the panel does not scroll.
Each language runs in its own process (the offscreen screen's size is set at start)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from gui_helpers import screen_env

PROBE = """
import json, os, sys, time
from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import QDockWidget, QScrollArea
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, sys.argv[1])
from nndesk.gui.app import create_window
app, w = create_window(None)
w.show()
def settle():
    for _ in range(10):
        app.processEvents()
settle()
w.build_views()
settle()
dock = w.findChild(QDockWidget, "Evaluation")
dock.toggleViewAction().trigger()
settle()
panel = dock.widget().widget()
heat = panel.heat

def measure(tag):
    view = dock.widget().viewport()  # (a plot's own visibleRegion is empty)
    at = heat.mapTo(w, QPoint(0, 0))
    out = {"tag": tag, "title": panel.title.text(),
           "scrolls": dock.widget().verticalScrollBar().isVisible()}
    for name in ("left", "bottom", "right"):
        label = heat.getAxis(name).label
        m = label.document().documentMargin()  # the text's own box, not its blank margin
        box = label.boundingRect().adjusted(m, m, -m, -m)
        rect = heat.mapFromScene(label.mapRectToScene(box)).boundingRect()
        shown = QRect(heat.mapTo(view, rect.topLeft()), rect.size())
        out[name] = {"text": label.toPlainText(), "rect": rect.getRect(),
                     # (its line box may pass the map's edge by a pixel's rounding)
                     "whole": heat.rect().adjusted(-1, -1, 1, 1).contains(rect)
                     and view.rect().contains(shown)
                     and at.y() + rect.bottom() < w.height()
                     and at.x() + rect.right() < w.width()}
    print(json.dumps(out), flush=True)

measure("evaluating")
end = time.monotonic() + 600  # a hang guard only
while panel.busy and time.monotonic() < end:
    app.processEvents()
    time.sleep(0.01)
settle()
measure("done")
os._exit(0)
"""


@pytest.mark.parametrize("lang", ["en", "zh_CN", "ja"])
def test_1280x720_the_confusion_maps_axis_labels_are_whole(tmp_path, lang, mnist_dir):
    env = screen_env(tmp_path, 1280, 720, NNDESK_LANG=lang, NNDESK_DATA_DIR=str(mnist_dir))
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "s")], env=env,
                          capture_output=True, text=True, timeout=900)  # a hang guard only
    assert done.returncode == 0, done.stderr
    seen = {s["tag"]: s for s in map(json.loads, filter(lambda line: line.startswith("{"),
                                                         done.stdout.splitlines()))}
    assert set(seen) == {"evaluating", "done"}, done.stdout
    for s in seen.values():
        assert not s["scrolls"], s
        for name in ("left", "bottom", "right"):
            assert s[name]["text"] and s[name]["whole"], (name, s[name], s["tag"])
