"""Drawing: mouse strokes on the real canvas reach the model; clear, undo, empty canvas."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import default_model, digit_strokes
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from nndesk.gui.digit_panel import DigitPanel
from nndesk.gui.state import AppState


def draw(qtbot, canvas, strokes) -> None:
    """Press, move through every point, release: as a hand with a mouse would."""
    for stroke in strokes:
        pts = [canvas.to_widget(x, y).toPoint() for x, y in stroke]
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=pts[0])
        for a, b in zip(pts, pts[1:], strict=False):
            for k in range(1, 5):  # intermediate points: a real mouse reports many
                p = a + (b - a) * (k / 4)
                qtbot.mouseMove(canvas, pos=QPoint(p.x(), p.y()))
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=pts[-1])


@pytest.fixture
def panel(qtbot):
    state = AppState()
    panel = DigitPanel(state)
    qtbot.addWidget(panel)
    panel.resize(360, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_strokes_follow_the_mouse_and_render_the_input(panel, qtbot):
    draw(qtbot, panel.canvas, digit_strokes("1"))
    assert len(panel.canvas.strokes) == 1 and len(panel.canvas.strokes[0]) >= 10
    xs = [x for x, _ in panel.canvas.strokes[0]]
    ys = [y for _, y in panel.canvas.strokes[0]]
    assert abs(np.mean(xs) - 139) < 4 and min(ys) < 60 and max(ys) > 220
    digit = panel.state.digit
    assert digit.shape == (1, 28, 28) and digit.max() > 0.9
    assert panel.state.probabilities is None  # no model: no guess
    assert panel.preview.pixmap() is not None and not panel.preview.pixmap().isNull()


def test_undo_and_clear(panel, qtbot):
    draw(qtbot, panel.canvas, digit_strokes("7") + digit_strokes("1"))
    assert len(panel.canvas.strokes) == 2
    panel.undo_button.click()
    assert len(panel.canvas.strokes) == 1 and panel.state.digit is not None
    panel.clear_button.click()
    assert panel.canvas.strokes == [] and panel.state.digit is None
    assert panel.answer.text() == "?"


def test_esc_clears_and_ctrl_z_undoes_in_the_window(window, qtbot):
    canvas = window.digit.canvas
    draw(qtbot, canvas, digit_strokes("7") + digit_strokes("1"))
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(canvas.strokes) == 1
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.strokes == [] and window.state.digit is None


@pytest.fixture(scope="module")
def model():
    path = default_model()
    if not path.is_file():
        pytest.skip(f"{path} is absent (the shipped model is trained by `nndesk train`)")
    from nndesk.gui.files import read_model

    return read_model(path)


@pytest.mark.parametrize("digit", ["7", "1", "0"])
def test_drawn_digit_is_recognized_by_the_default_model(panel, qtbot, model, digit):
    panel.state.set_model(model[0], path=str(default_model()), metadata=model[1])
    draw(qtbot, panel.canvas, digit_strokes(digit))
    probs = panel.state.probabilities
    assert probs is not None and int(np.argmax(probs)) == int(digit), probs.round(3)
    expected = model[0].predict(panel.state.digit[None])[0]  # the engine's own answer
    np.testing.assert_allclose(probs, expected, rtol=1e-4, atol=1e-6)
    assert panel.answer.text() == digit
    assert panel.bars.probabilities is probs or np.allclose(panel.bars.probabilities, probs)
    assert np.median(panel.latencies_ms) < 50  # the target is 16 ms; CI machines are busy


def test_open_image_uses_the_same_preprocessing(panel, qtbot, tmp_path, model):
    from nndesk.data.strokes import render_strokes

    panel.state.set_model(model[0], path=None, metadata={})
    ink = 255 - render_strokes(digit_strokes("7"))  # dark ink on white paper, as photographed
    path = tmp_path / "seven.png"
    img = QImage(ink.tobytes(), ink.shape[1], ink.shape[0], ink.shape[1],
                 QImage.Format.Format_Grayscale8)
    assert img.save(str(path))
    panel.open_image(str(path))
    assert int(np.argmax(panel.state.probabilities)) == 7


def test_unreadable_image_is_a_message_not_a_crash(panel, qtbot, tmp_path):
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"not a png at all")
    with qtbot.waitSignal(panel.error) as blocker:
        panel.open_image(str(bad))
    assert "Cannot read" in blocker.args[0] and panel.state.digit is None


def test_dropping_an_image_file_emits_its_path(panel, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "digit.png"
    QImage(28, 28, QImage.Format.Format_Grayscale8).save(str(path))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(panel.canvas.image_dropped) as dropped:
        panel.canvas.dropEvent(event)
    assert dropped.args == [str(path)]
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    with qtbot.assertNotEmitted(panel.canvas.image_dropped):
        panel.canvas.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                                          Qt.MouseButton.LeftButton,
                                          Qt.KeyboardModifier.NoModifier))


def test_blank_image_says_no_digit(panel, qtbot, tmp_path):
    path = tmp_path / "blank.png"
    blank = QImage(64, 64, QImage.Format.Format_Grayscale8)
    blank.fill(255)
    blank.save(str(path))
    with qtbot.waitSignal(panel.error) as said:
        panel.open_image(str(path))
    assert said.args[0] == "No digit found" and panel.state.digit is None
