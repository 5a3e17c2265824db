"""An opened image file is drawn on, not thrown away: the first stroke (ink or eraser) lands
on the digit the network read in it, and Undo takes the stroke back, not the digit."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import shown_digit_panel
from PIL import Image
from PySide6.QtCore import Qt
from test_canvas_bitmap import drag

from nndesk.data.preprocess import preprocess
from nndesk.data.strokes import bitmap_to_image, image_to_bitmap, render_canvas


@pytest.mark.parametrize("button", [Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton])
def test_a_stroke_on_an_opened_image_edits_its_digit(qtbot, tmp_path, trained_softmax, button):
    net, d = trained_softmax
    panel = shown_digit_panel(qtbot)
    panel.state.set_model(net, path="sr.npz")
    path = tmp_path / "seven.png"   # dark ink on light paper, as a photo or a scan gives it
    Image.fromarray(255 - np.rint(d.x_test[0, 0] * 255).astype(np.uint8)).save(path)
    panel.open_image(str(path))
    assert panel.canvas.shows_image()
    read = preprocess(str(path))
    np.testing.assert_array_equal(panel.state.digit, read)

    drag(qtbot, panel.canvas, [(10, 10), (40, 20)], button=button)   # a corner, away from ink
    assert panel.wait_idle()
    canvas = panel.canvas
    assert not canvas.shows_image() and len(canvas.strokes) == 1
    np.testing.assert_array_equal(canvas.base, image_to_bitmap(read))
    edited = bitmap_to_image(render_canvas(canvas.strokes, canvas.erasing, canvas.base))
    np.testing.assert_array_equal(panel.state.digit, edited)
    assert panel.state.digit[0, 5:].sum() == pytest.approx(read[0, 5:].sum())  # ink kept
    np.testing.assert_allclose(panel.state.probabilities, net.predict(edited[None])[0],
                               rtol=1e-5)

    panel.undo_button.click()                   # the stroke goes; the digit stays
    assert panel.wait_idle()
    assert not canvas.strokes and not canvas.is_empty()
    np.testing.assert_array_equal(panel.state.digit, bitmap_to_image(canvas.base))


def _panel(qtbot):
    from gui_helpers import default_model

    from nndesk.gui.digit_panel import DigitPanel
    from nndesk.gui.files import read_model
    from nndesk.gui.state import AppState

    panel = DigitPanel(AppState())
    qtbot.addWidget(panel)
    panel.show()
    net, metadata = read_model(default_model())[:2]
    panel.state.set_model(net, path=str(default_model()), metadata=metadata)
    panel.answers.toggle.setChecked(True)
    return panel


def _pen_line(panel) -> str:
    assert panel.wait_idle()
    return panel.answers.lines[1].text()


def test_each_models_answer_says_why_the_pen_path_has_none(qtbot, tmp_path, monkeypatch,
                                                          trajectory_model):
    from gui_helpers import digit_strokes
    from test_canvas import draw

    from nndesk.data.strokes import render_strokes

    monkeypatch.setenv("NNDESK_TRAJECTORY_MODEL", str(trajectory_model))
    panel = _panel(qtbot)
    path = tmp_path / "seven.png"
    Image.fromarray(255 - render_strokes(digit_strokes("7"))).save(path)
    panel.open_image(str(path))
    assert _pen_line(panel) == "Pen path model: none (an opened image)"
    drag(qtbot, panel.canvas, [(10, 10), (40, 20)])
    assert _pen_line(panel) == "Pen path model: none (drawn on a bitmap)"
    panel.clear_button.click()
    draw(qtbot, panel.canvas, digit_strokes("7"))
    assert _pen_line(panel).startswith("Pen path model: ") and "none" not in _pen_line(panel)
    drag(qtbot, panel.canvas, [(10, 10), (40, 20)], button=Qt.MouseButton.RightButton)
    assert _pen_line(panel) == "Pen path model: none (eraser used)"


def test_without_a_trajectory_model_the_answer_says_so(qtbot, tmp_path, monkeypatch):
    from gui_helpers import digit_strokes
    from test_canvas import draw

    monkeypatch.setenv("NNDESK_TRAJECTORY_MODEL", str(tmp_path / "none.npz"))
    panel = _panel(qtbot)
    draw(qtbot, panel.canvas, digit_strokes("7"))
    assert _pen_line(panel) == "Pen path model: none (no trajectory model)"


def test_clear_puts_the_eraser_away(qtbot, trained_softmax):
    from gui_helpers import digit_strokes
    from test_canvas import draw

    panel = shown_digit_panel(qtbot)
    panel.state.set_model(trained_softmax[0], path="sr.npz")
    draw(qtbot, panel.canvas, digit_strokes("7"))
    panel.eraser_button.click()
    assert panel.canvas.eraser
    panel.clear_button.click()                  # the next stroke draws (it rubbed nothing out)
    assert not panel.eraser_button.isChecked() and not panel.canvas.eraser
    draw(qtbot, panel.canvas, digit_strokes("1"))
    assert panel.wait_idle() and panel.state.digit is not None


@pytest.mark.parametrize(("kind", "label", "candidates", "together"), [
    ("not_a_digit", None, (), "Together: not a digit"),
    ("unsure", None, (9, 4), "Together: 9 or 4?"),
    ("digit", 9, (9,), "Together: 9 (50.2%)"),
])
def test_the_together_row_says_what_the_big_answer_says(qtbot, kind, label, candidates,
                                                        together):
    from nndesk.gui.model_answers import ModelAnswers
    from nndesk.insight.reject import Verdict

    probs = np.full(10, 0.498 / 9)
    probs[9] = 0.502
    rows = ModelAnswers()
    qtbot.addWidget(rows)
    image = Verdict("digit", 9, (9,), probs)
    rows.show_answers(image, (probs, 0.3), Verdict(kind, label, candidates, probs))
    assert rows.lines[2].text() == together     # a spiral: "9 (50.2%)" beside "not a digit"
