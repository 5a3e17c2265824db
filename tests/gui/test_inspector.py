"""The preprocessing inspector: the steps of what was drawn or opened, exactly what the network
gets; refreshed once per burst of strokes, and not at all while hidden."""

from __future__ import annotations

import numpy as np
from gui_helpers import digit_strokes
from PIL import Image
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QDockWidget

from nndesk.data import photos
from nndesk.data.preprocess import STEPS, preprocess
from nndesk.gui import i18n
from nndesk.gui.inspector_panel import STEP_TITLES, TILE, InspectorPanel
from nndesk.gui.main_window import MainWindow
from nndesk.gui.state import AppState


def _pixels(label) -> np.ndarray:
    img = label.pixmap().toImage()
    img = img.convertToFormat(img.Format.Format_Grayscale8)
    return np.frombuffer(img.constBits(), np.uint8).reshape(
        img.height(), img.bytesPerLine())[:, :img.width()].copy()


def test_titles_are_the_steps_of_preprocess():
    assert STEP_TITLES == STEPS


def test_shows_every_step_of_an_opened_photo(qtbot, tmp_path):
    state = AppState()
    panel = InspectorPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    path = tmp_path / "seven.png"
    Image.fromarray(photos.seven_uneven_light()).save(path)
    digit = preprocess(path)
    state.set_digit(digit, source=str(path))
    qtbot.waitUntil(lambda: panel.shown_source == str(path))
    assert all(not label.pixmap().isNull() for label in panel.images)
    last = _pixels(panel.images[-1])                  # the 28x28 scaled up with sharp pixels
    assert last.shape == (TILE - 2, TILE - 2)
    centres = ((np.arange(28) + 0.5) * (TILE - 2) / 28).astype(int)
    small = last[np.ix_(centres, centres)] / 255.0
    assert np.abs(small - digit[0]).max() < 0.01      # exactly what the network gets
    assert "28×28" in panel.images[-1].toolTip()
    assert "640×480" in panel.images[0].toolTip()


def test_blank_page_stops_early_and_says_so(qtbot):
    state = AppState()
    panel = InspectorPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    blank = np.full((120, 160), 230, np.uint8)
    state.set_digit(preprocess(blank), source=blank)
    qtbot.waitUntil(lambda: panel.shown_source is blank)
    shown = [not label.pixmap().isNull() for label in panel.images]
    assert shown == [True, True, False, False, False, False, False]
    assert "step 2" in panel.note.text() and "background removed" in panel.note.text()


def test_coalesces_bursts_and_costs_nothing_when_hidden(qtbot):
    state = AppState()
    panel = InspectorPanel(state)
    qtbot.addWidget(panel)
    frames = [np.zeros((100, 100), np.uint8) for _ in range(5)]
    for f in frames:
        f[20:80, 45:55] = 255
        state.set_digit(preprocess(f), source=f)     # hidden: nothing computed
    qtbot.wait(200)
    assert panel.refreshes == 0
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.shown_source is frames[-1])
    assert panel.refreshes == 1                       # the latest only, once
    for f in frames[:4]:                              # a burst of strokes while visible
        state.set_digit(preprocess(f), source=f)
    qtbot.waitUntil(lambda: panel.shown_source is frames[3])
    assert panel.refreshes == 2


def test_window_dock_follows_the_canvas(qtbot):
    """In the window: View ▸ Preprocessing steps shows the dock; a drawn 7 appears in it."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dock = window.findChild(QDockWidget, "Preprocessing_steps")
    assert dock is not None and not dock.isVisible()
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(dock.isVisible)
    _draw(qtbot, window.digit.canvas, digit_strokes("7"))
    qtbot.waitUntil(lambda: window.inspector.shown_source is not None)
    assert window.inspector.shown_source is window.state.source
    assert not window.inspector.images[-1].pixmap().isNull()


def _draw(qtbot, canvas, strokes):
    """Press, move through the points, release: as a hand with a mouse would."""
    for stroke in strokes:
        pts = [canvas.to_widget(x, y).toPoint() for x, y in stroke]
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=pts[0])
        for p in pts[1:]:
            qtbot.mouseMove(canvas, pos=QPoint(p.x(), p.y()))
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=pts[-1])


def test_chinese_titles(qtbot):
    i18n.set_language("zh_CN")
    panel = InspectorPanel(AppState())
    qtbot.addWidget(panel)
    assert "去除背景" in panel.captions[1].text()


def test_a_test_image_from_the_gallery_says_there_is_nothing_to_preprocess(qtbot):
    """QA 8: a test digit sent from the mistake gallery showed seven dark boxes and no word:
    it has no source image; only step 7 (the digit as the network gets it) is shown, and why."""
    state = AppState()
    panel = InspectorPanel(state)
    qtbot.addWidget(panel)
    panel.resize(400, 300)
    panel.show()
    qtbot.waitExposed(panel)
    digit = np.zeros((1, 28, 28), np.float32)
    digit[0, 6:22, 12:16] = 1.0
    state.show_image(digit, label=1)        # what the gallery's "show on the canvas" does
    qtbot.waitUntil(lambda: panel._shown_digit is digit)
    assert [cell.isVisible() for cell in panel.cells] == [False] * 6 + [True]
    centres = ((np.arange(28) + 0.5) * (TILE - 2) / 28).astype(int)
    small = _pixels(panel.images[-1])[np.ix_(centres, centres)] / 255.0
    assert np.abs(small - digit[0]).max() < 0.01
    assert "nothing to preprocess" in panel.note.text()
    assert panel.note.geometry().top() < panel.cells[-1].geometry().top()  # read first
    for code in ("zh_CN", "ja"):
        i18n.set_language(code)
        QCoreApplication.processEvents()     # the LanguageChange Qt posts to each widget
        assert panel.note.text() == i18n.tr("A test image is already 28×28 and centred: "
                                            "nothing to preprocess. The network gets it as it "
                                            "is (step 7).")
    i18n.set_language("en")
    state.set_digit(None)                    # the canvas cleared: the steps' cells come back
    qtbot.waitUntil(lambda: panel._shown_digit is None)
    assert all(cell.isVisible() for cell in panel.cells)
    assert "Draw a digit" in panel.note.text()
