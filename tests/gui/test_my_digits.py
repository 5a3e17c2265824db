"""Save as my digit, as the tester used it: draw, press Save. The label box shows the answer
the window gives the drawing (it stayed 0, and a 7 read "7, 100% sure" was saved as a 0); the
learner's own choice wins until the canvas is cleared; an unsure answer leaves "?", and Save
then asks for the digit instead of saving one."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import digit_strokes, shipped_model, shown_digit_panel
from PySide6.QtCore import Qt
from test_canvas import _calibrated, draw

from nndesk.data.folder import load_folder


@pytest.fixture
def panel(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("NNDESK_MY_DIGITS", str(tmp_path / "mine"))
    return shown_digit_panel(qtbot)


@pytest.fixture(scope="module")
def model():
    return shipped_model()


def _save(panel, qtbot) -> None:
    panel.my_digits.result = None
    panel.my_digits.save_button.click()
    qtbot.waitUntil(lambda: panel.my_digits.result is not None)


def test_the_label_follows_the_answer_shown_until_the_learner_sets_it(panel, qtbot, model,
                                                                      tmp_path):
    panel.state.set_model(model[0], path=None, metadata=model[1])
    box = panel.my_digits.label
    assert box.text() == "?"            # nothing drawn yet
    draw(qtbot, panel.canvas, digit_strokes("7"))
    assert panel.answer.text() == "7" and box.value() == 7
    _save(panel, qtbot)
    panel.canvas.clear()
    assert box.text() == "?"                                      # a new drawing: no label yet
    draw(qtbot, panel.canvas, digit_strokes("1"))
    assert panel.answer.text() == "1" and box.value() == 1
    box.setFocus()
    for _ in range(3):                                            # the learner's choice: 4
        qtbot.keyClick(box, Qt.Key.Key_Up)
    draw(qtbot, panel.canvas, [[(60, 240), (70, 250)]])          # more ink: the choice stays
    assert box.value() == 4
    _save(panel, qtbot)
    x, t = load_folder(tmp_path / "mine")
    assert sorted(t.tolist()) == [4, 7]


def test_an_unsure_answer_leaves_the_label_open_and_save_asks(panel, qtbot, model, tmp_path):
    panel.state.set_model(model[0], path=None, metadata=_calibrated(model, unsure_threshold=2))
    draw(qtbot, panel.canvas, digit_strokes("7"))
    assert panel.answer.text().endswith("?")                      # "7 or 1?"
    assert panel.my_digits.label.text() == "?"
    panel.my_digits.save_button.click()
    assert not (tmp_path / "mine").exists()                      # nothing saved as a 0
    assert panel.my_digits.status.text().startswith("Which digit is it?")
    assert panel.my_digits.label.hasFocus()


def test_a_test_digit_sent_to_the_canvas_is_saved_under_its_true_label(panel, qtbot, model):
    """A misread test digit from the evaluation view: the label box shows its true digit,
    not the network's answer, and keeps it while the learner fixes the drawing."""
    from nndesk.data.mnist import load_mnist

    panel.state.set_model(model[0], path=None, metadata=model[1])
    d = load_mnist()
    seven = d.x_test[np.flatnonzero(d.t_test == 7)[0]].reshape(1, 28, 28)
    panel.state.show_image(seven, label=3)  # a label the answer (7) cannot give
    assert panel.answer.text() == "7"
    assert panel.my_digits.label.value() == 3
    draw(qtbot, panel.canvas, [[(60, 240), (70, 250)]])  # an edit: the true label stays
    assert panel.my_digits.label.value() == 3
    panel.canvas.clear()
    assert panel.my_digits.label.text() == "?"


def test_an_opened_image_is_saved_as_the_digit_the_network_read(panel, qtbot, model, tmp_path,
                                                                 trained_softmax):
    """QA: a photo opened and read as 3 was "Nothing to save / draw a digit first"; a test
    digit sent from the evaluation could be saved. Every input the canvas shows can."""
    from PIL import Image

    from nndesk.data.strokes import image_to_bitmap

    _, d = trained_softmax
    digit = d.x_test[0, 0]  # a 7, as dark ink on light paper, photographed large
    photo = Image.fromarray((255 - 255 * digit).astype("uint8")).resize((300, 300))
    path = tmp_path / "photo.jpg"
    photo.convert("RGB").save(path, quality=90)
    panel.state.set_model(model[0], path=None, metadata=model[1])
    panel.open_image(str(path))
    assert panel.canvas.shows_image() and panel.state.digit is not None
    seen = panel.state.digit.copy()
    label = panel.my_digits.label.value()
    assert 0 <= label <= 9                              # the answer shown is the label
    _save(panel, qtbot)
    saved = sorted((tmp_path / "mine" / str(label)).iterdir())
    assert len(saved) == 1
    assert np.array_equal(np.asarray(Image.open(saved[0])), image_to_bitmap(seen))
