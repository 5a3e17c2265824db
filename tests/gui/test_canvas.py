"""Drawing: mouse strokes on the real canvas reach the model; clear, undo, empty canvas."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from gui_helpers import default_model, digit_strokes, shipped_model, shown_digit_panel
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QImage

from nndesk.gui.digit_panel import DigitPanel


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
    panel = canvas.parent()
    while not isinstance(panel, DigitPanel):
        panel = panel.parent()
    assert panel.wait_idle(), "the drawing was not prepared (background thread)"


@pytest.fixture
def panel(qtbot):
    return shown_digit_panel(qtbot)


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


@pytest.mark.parametrize("how", ["button", "esc", "delete", "ctrl_l"])
def test_clear_can_be_undone_in_the_window(window, qtbot, how):
    canvas, panel = window.digit.canvas, window.digit
    draw(qtbot, canvas, digit_strokes("7") + digit_strokes("1"))
    drawn = [list(s) for s in canvas.strokes]
    seen = window.state.digit.copy()
    if how == "button":
        panel.clear_button.click()
    else:
        key, mod = {"esc": (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                    "delete": (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
                    "ctrl_l": (Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)}[how]
        qtbot.keyClick(canvas, key, mod)
    assert canvas.strokes == [] and window.state.digit is None
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert canvas.strokes == drawn  # both strokes, every point
    assert panel.wait_idle()
    np.testing.assert_array_equal(window.state.digit, seen)  # the prediction follows
    panel.undo_button.click()  # then undo goes on stroke by stroke
    assert canvas.strokes == drawn[:1]
    panel.undo_button.click()
    panel.undo_button.click()  # nothing more to undo: stays empty
    assert canvas.strokes == [] and window.state.digit is None
    assert "Clear" in panel.undo_button.toolTip()  # the tooltip says what undo can do


def test_undo_after_clear_and_a_new_stroke_removes_that_stroke_first(panel, qtbot):
    draw(qtbot, panel.canvas, digit_strokes("7"))
    old = [list(s) for s in panel.canvas.strokes]
    panel.clear_button.click()
    draw(qtbot, panel.canvas, digit_strokes("1"))
    panel.undo_button.click()
    assert panel.canvas.strokes == []
    panel.undo_button.click()
    assert panel.canvas.strokes == old


@pytest.fixture(scope="module")
def model():
    return shipped_model()


@pytest.mark.parametrize("digit", ["7", "1", "0"])
def test_drawn_digit_is_recognized_by_the_default_model(panel, qtbot, model, digit):
    panel.state.set_model(model[0], path=str(default_model()), metadata=model[1])
    draw(qtbot, panel.canvas, digit_strokes(digit))
    probs = panel.state.probabilities
    assert probs is not None and int(np.argmax(probs)) == int(digit), probs.round(3)
    expected = model[0].predict(panel.state.digit[None])[0]  # the engine's own answer
    np.testing.assert_allclose(probs, expected, rtol=1e-4, atol=1e-6)
    assert panel.answer.text() == digit
    temperature = model[1]["calibration"]["temperature"]  # the bars show calibrated ones
    logits = model[0].forward_all(panel.state.digit[None])[-1][0].astype(np.float64)
    calibrated = np.exp(logits / temperature) / np.exp(logits / temperature).sum()
    np.testing.assert_allclose(panel.bars.probabilities, calibrated, rtol=1e-5, atol=1e-12)


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


def test_a_dot_says_no_digit_found_where_the_network_input_would_be(panel, qtbot):
    draw(qtbot, panel.canvas, [[(140.0, 140.0), (141.0, 141.0)]])  # a small dot
    assert panel.canvas.strokes and panel.state.digit is None  # preprocessing found no digit
    assert panel.preview.text() == "no digit found"
    pixels = panel.preview.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    inside = [pixels.pixelColor(x, y).value() for x in range(10, 100, 7) for y in (5, 105)]
    assert min(inside) > 200  # a light box with words, not a black square
    draw(qtbot, panel.canvas, digit_strokes("1"))  # a digit: the 28x28 input again
    assert panel.state.digit is not None and panel.preview.text() == ""
    assert not panel.preview.pixmap().isNull()
    panel.clear_button.click()  # nothing drawn: nothing to say
    assert panel.preview.text() == "" and panel.preview.pixmap().isNull()


def test_unreadable_image_is_a_message_not_a_crash(panel, qtbot, tmp_path):
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"not a png at all")
    with qtbot.waitSignal(panel.error) as blocker:
        panel.open_image(str(bad))
    assert "Cannot read" in blocker.args[0] and panel.state.digit is None
    # QA 8: one sentence naming the file once, no library text, the formats the dialog offers
    text = blocker.args[1]
    assert text.count("broken.png") == 1 and str(tmp_path) not in text
    assert "cannot identify" not in text and "\n" not in text
    from nndesk.gui.canvas import IMAGE_SUFFIXES

    offered = {s.lstrip(".").upper().replace("JPG", "JPEG").replace("TIF", "TIFF")
               .replace("TIFFF", "TIFF") for s in IMAGE_SUFFIXES}
    assert all(fmt in text.upper() for fmt in offered), text


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


# -- what you see is what it reads ---------------------------------------------------------
def screen_ink(canvas) -> np.ndarray:
    """The canvas's paper as ink amounts in [0, 1] (0 = paper white, 1 = the ink colour)."""
    from nndesk.gui.canvas import INK

    img = canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    w, h = img.width(), img.height()
    rgb = np.frombuffer(img.constBits(), np.uint8).reshape(h, img.bytesPerLine())
    red = rgb[:, : 4 * w].reshape(h, w, 4)[:, :, 2].astype(np.float64)  # BGRA in memory
    r = canvas.paper_rect()
    x0, y0 = round(r.x()), round(r.y())
    paper = red[y0:y0 + round(r.height()), x0:x0 + round(r.width())]
    return (255.0 - paper) / (255.0 - INK.red())


@pytest.mark.parametrize("strokes", [
    [[(170, 230), (170, 50), (80, 170), (210, 170)]],              # the fast 4
    [[(60, 60), (220, 60), (90, 230)], [(120, 140), (200, 140)]],  # a crossed 7, sparse
    [[(140, 140)]],                                                # a dot
])
def test_the_screen_shows_the_bitmap_the_network_reads(qtbot, strokes):
    from nndesk.data.strokes import CANVAS_SIZE, render_strokes
    from nndesk.gui.canvas import DrawingCanvas

    canvas = DrawingCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(CANVAS_SIZE + 2, CANVAS_SIZE + 2)  # paper exactly 280 px: one px per unit
    canvas.show()
    qtbot.waitExposed(canvas)
    assert canvas.paper_rect().width() == CANVAS_SIZE
    for stroke in strokes:  # the mouse visits only these points (a fast hand)
        pts = [canvas.to_widget(x, y).toPoint() for x, y in stroke]
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=pts[0])
        for p in pts[1:]:
            qtbot.mouseMove(canvas, pos=p)
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=pts[-1])
    assert canvas.strokes == [[(float(x), float(y)) for x, y in s] for s in strokes]
    seen = screen_ink(canvas)
    bitmap = render_strokes(canvas.strokes).astype(np.float64) / 255
    # Pixels away from any antialiased edge (their 3x3 neighbourhood all ink or all paper)
    # must agree; only the edge pixels may differ, and only a little in total.
    pad = np.pad(bitmap, 1, mode="edge")
    windows = np.lib.stride_tricks.sliding_window_view(pad, (3, 3))
    solid_ink = windows.min(axis=(2, 3)) == 1.0
    solid_paper = windows.max(axis=(2, 3)) == 0.0
    inner = (slice(10, -10), slice(10, -10))  # not the paper's rounded frame (no ink there)
    assert bitmap[inner].sum() == pytest.approx(bitmap.sum())
    assert solid_ink.sum() > 0.5 * bitmap.sum()  # the test looks at most of the ink
    assert seen[solid_ink].min() > 0.9, "ink the network reads is blank on screen"
    assert seen[inner][solid_paper[inner]].max() < 0.1, "ink on screen the network does not read"
    assert np.abs(seen - bitmap)[inner].sum() < 0.05 * bitmap.sum()


# -- no input event is lost ----------------------------------------------------------------
def test_a_stroke_drawn_while_the_first_input_is_prepared_keeps_every_point(
        window, qtbot, model, monkeypatch):
    """The issue's first stroke after launch: a quick 7 through three points, sent while the
    first preprocessing (imports, a cold start) is still running, must stay a 7."""
    import nndesk.data.preprocess as pp
    from nndesk.data.strokes import render_strokes

    real, gate, threads = pp.preprocess, threading.Event(), []

    def held_up(image):
        threads.append(threading.current_thread())
        gate.wait(10)  # the first preparation takes as long as the stroke (here: until set)
        return real(image)

    monkeypatch.setattr(pp, "preprocess", held_up)
    # Qt must not merge mouse moves that queue up while the event loop is busy
    assert not QCoreApplication.testAttribute(
        Qt.ApplicationAttribute.AA_CompressHighFrequencyEvents)
    window.state.set_model(model[0], path=str(default_model()), metadata=model[1])
    qtbot.waitUntil(lambda: len(threads) == 1)  # the warm-up is being prepared: held up
    canvas, panel = window.digit.canvas, window.digit
    seven = [(40, 40), (240, 40), (60, 240)]
    pts = [canvas.to_widget(x, y).toPoint() for x, y in seven]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=pts[0])
    qtbot.mouseMove(canvas, pos=pts[1])
    qtbot.mouseMove(canvas, pos=pts[2])
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=pts[2])
    assert len(canvas.strokes) == 1 and len(canvas.strokes[0]) == 3  # both corners kept
    assert np.allclose(canvas.strokes[0], seven, atol=1.0)  # (widget px -> canvas units)
    assert panel.busy and window.state.digit is None  # nothing waited for the preparation
    gate.set()
    assert panel.wait_idle()
    assert threading.main_thread() not in threads  # never prepared on the GUI thread
    assert panel.answer.text() == "7"
    np.testing.assert_array_equal(window.state.digit, real(render_strokes(canvas.strokes)))


# -- "not a digit" and "7 or 1?" -----------------------------------------------------------
def _calibrated(model, **changes) -> dict:
    """The model's metadata with a calibration; `changes` override its fields."""
    from nndesk.insight.reject import KEY

    cal = {"temperature": 1.5, "reject_layers": [-1], "reject_weights": [0.0] * 10,
           "reject_bias": 0.0, "reject_threshold": 1.0, "unsure_threshold": 0.0, **changes}
    return {**model[1], KEY: cal}


def test_the_panel_says_not_a_digit(panel, qtbot, model):
    meta = _calibrated(model, reject_bias=5.0)  # the reject unit says "not a digit" to all
    panel.state.set_model(model[0], path=str(default_model()), metadata=meta)
    draw(qtbot, panel.canvas, digit_strokes("7"))
    assert panel.answer.text() == "not a digit"
    assert not panel.bars.highlight  # no digit is marked as the answer
    panel.state.set_model(model[0], path=None, metadata=_calibrated(model))  # bias 0: a digit
    assert panel.answer.text() == "7"
    logits = model[0].forward_all(panel.state.digit[None])[-1][0]
    expected = np.exp(logits / 1.5) / np.exp(logits / 1.5).sum()  # temperature 1.5
    np.testing.assert_allclose(panel.bars.probabilities, expected, rtol=1e-5)
    assert panel.confidence.text() == f"{100 * expected[7]:.1f}% sure"


def test_the_panel_says_which_two_when_unsure(panel, qtbot, model):
    panel.state.set_model(model[0], path=None, metadata=_calibrated(model, unsure_threshold=2))
    draw(qtbot, panel.canvas, digit_strokes("7"))
    ranking = np.argsort(-model[0].predict(panel.state.digit[None])[0])
    assert panel.answer.text() == f"{ranking[0]} or {ranking[1]}?"
    assert panel.confidence.text().startswith("not sure: 7 ")


def test_a_training_snapshot_does_not_use_the_files_calibration(panel, qtbot, model):
    panel.state.set_model(model[0], path=None, metadata=_calibrated(model, reject_bias=5.0))
    draw(qtbot, panel.canvas, digit_strokes("7"))
    panel.state.set_model(model[0], source="snapshot")
    assert panel.answer.text() == "7"


# -- my handwriting ------------------------------------------------------------------------
def test_save_my_digit_into_the_folder_eval_reads(panel, qtbot, model, tmp_path, monkeypatch):
    from nndesk.data.folder import load_folder

    monkeypatch.setenv("NNDESK_MY_DIGITS", str(tmp_path / "mine"))
    panel.state.set_model(model[0], path=None, metadata={})
    qtbot.waitUntil(lambda: panel.my_digits.result is not None)
    assert panel.my_digits.status.text() == "your handwriting: no digits saved yet"
    for digit, label in (("7", 7), ("1", 1), ("0", 3)):  # the 0 saved as a 3: a wrong one
        draw(qtbot, panel.canvas, digit_strokes(digit))
        panel.my_digits.label.setValue(label)
        panel.my_digits.result = None
        panel.my_digits.save_button.click()
        qtbot.waitUntil(lambda: panel.my_digits.result is not None)
        panel.canvas.clear()
    x, t = load_folder(tmp_path / "mine")  # the real files, as `nndesk eval --folder` reads
    assert sorted(t.tolist()) == [1, 3, 7]
    assert panel.my_digits.result == {"n": 3, "accuracy": pytest.approx(2 / 3)}
    assert panel.my_digits.status.text() == "your handwriting: 3 digits, accuracy 66.7%"


# -- a mouse move repaints only around its segment -----------------------------------------
def test_repainting_only_around_each_new_segment_gives_the_whole_picture(qtbot):
    """Each move asks for a repaint of its segment's square only, and the paint draws only
    the segments that reach it: the picture built that way, square by square as the window's
    backing store keeps it, is the canvas painted whole."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QPainter, QRegion

    from nndesk.gui.canvas import DrawingCanvas

    canvas = DrawingCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(400, 400)
    canvas.show()
    qtbot.waitExposed(canvas)
    asked: list[QRect] = []
    real_update = canvas.update
    canvas.update = lambda *a: asked.append(a[0] if a else canvas.rect()) or real_update(*a)
    built = QImage(canvas.size(), QImage.Format.Format_RGB32)
    canvas.render(built)  # the empty paper
    four = [[(170, 230), (170, 50), (80, 170), (210, 170)], [(60, 60), (75, 90), (90, 70)]]
    for stroke in four:
        pts = [canvas.to_widget(x, y).toPoint() for x, y in stroke]
        for i, p in enumerate(pts):
            asked.clear()
            if i == 0:
                qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=p)
            else:
                for k in range(1, 6):  # 5 moves per segment
                    q = pts[i - 1] + (p - pts[i - 1]) * (k / 5)
                    asked.clear()
                    qtbot.mouseMove(canvas, pos=QPoint(q.x(), q.y()))
                    assert asked and all(a.width() < 200 for a in asked)  # a small square
                    painter = QPainter(built)
                    canvas.render(painter, asked[0].topLeft(), QRegion(asked[0]))
                    painter.end()
                continue
            painter = QPainter(built)
            canvas.render(painter, QPoint(0, 0), QRegion(asked[0]))
            painter.end()
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=pts[-1])
    whole = QImage(canvas.size(), QImage.Format.Format_RGB32)
    canvas.render(whole)
    a, b = (np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), -1).astype(int)
            for img in (built, whole))
    ink = (255 - b).sum()
    assert ink > 0 and np.abs(a - b).sum() < 0.01 * ink  # antialiased edges at most
    assert np.abs(a - b).max() <= 64
