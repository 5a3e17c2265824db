"""The recurrent lesson reads the learner's own drawing: strokes drawn with the mouse on the
real canvas reach the lesson through the AppState, in the order and direction drawn."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt

from nndesk.gui.digit_panel import DigitPanel
from nndesk.gui.lessons.recurrent_page import MINE, RecurrentPage
from nndesk.gui.state import AppState


def _examples():
    t = np.linspace(-1, 1, 32)
    one = np.stack([np.zeros(32), t, np.zeros(32), np.ones(32), np.zeros(32)], 1)
    one[-1, 4] = 1
    return {1: one}


def _draw(qtbot, panel, strokes) -> None:
    canvas = panel.canvas
    for stroke in strokes:
        pts = [canvas.to_widget(x, y).toPoint() for x, y in stroke]
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=pts[0])
        for a, b in zip(pts, pts[1:], strict=False):
            for k in range(1, 6):
                p = a + (b - a) * (k / 5)
                qtbot.mouseMove(canvas, pos=QPoint(p.x(), p.y()))
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=pts[-1])
    assert panel.wait_idle()


def test_use_my_drawing_replays_the_canvas_strokes(qtbot, monkeypatch):
    monkeypatch.setattr(RecurrentPage, "loader", staticmethod(_examples))
    state = AppState()
    panel = DigitPanel(state)
    page = RecurrentPage(state)
    qtbot.addWidget(panel)
    qtbot.addWidget(page)
    panel.resize(360, 700)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: page.digit.count() == 1, timeout=5000)
    assert not page.mine.isEnabled()                         # nothing drawn yet
    # a 7 drawn as a hand does: the bar left to right, then down to the bottom left;
    # then a second stroke, the small cross bar, left to right
    _draw(qtbot, panel, [[(80, 60), (200, 60), (120, 230)], [(110, 145), (180, 145)]])
    assert page.mine.isEnabled()
    qtbot.mouseClick(page.mine, Qt.MouseButton.LeftButton)
    assert page.digit.currentData() == MINE and page.digit.currentText() == "my drawing"
    seq = page.seq
    assert seq.shape == (32, 5)
    ups = np.flatnonzero(seq[:, 4])
    assert len(ups) == 2 and ups[-1] == 31                   # the pen lifted twice
    first = seq[:ups[0] + 1]
    assert first[0, 0] < -0.5 and first[0, 1] < -0.5         # starts top left
    assert (first[:4, 2] > 0.95).all()                       # along the bar: to the right
    assert first[-2, 3] > 0.8 and first[-1, 1] > 0.8          # then down, to the bottom
    second = seq[ups[0] + 1:]
    assert (second[:-1, 2] > 0.95).all()                     # the cross bar: to the right
    np.testing.assert_allclose(page.ink.getData()[1], seq[:, 1])   # the path shown is it
    gaps = np.flatnonzero(np.asarray(page.ink.opts["connect"]) == 0)
    assert gaps.tolist() == ups.tolist()                     # no line where the pen was up
    assert page.traces["GRU"].values["z"].shape == (32, 16)
    # a newer drawing replaces "my drawing"; an empty canvas disables the button
    panel.canvas.clear()
    assert not page.mine.isEnabled()
    _draw(qtbot, panel, [[(140, 40), (140, 240)]])
    qtbot.mouseClick(page.mine, Qt.MouseButton.LeftButton)
    assert page.digit.count() == 2 and np.all(page.seq[:-1, 3] > 0.95)   # straight down
