"""A misclassified test digit on the canvas as a bitmap: drawn on with ink and the eraser, the
prediction follows, and the screen shows what the network reads."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import shown_digit_panel
from PySide6.QtCore import QPoint, Qt
from test_canvas import screen_ink

from nndesk.data.strokes import CANVAS_SIZE, bitmap_to_image, image_to_bitmap, render_canvas


def drag(qtbot, canvas, points, button=Qt.MouseButton.LeftButton) -> None:
    pts = [canvas.to_widget(x, y).toPoint() for x, y in points]
    qtbot.mousePress(canvas, button, pos=pts[0])
    for a, b in zip(pts, pts[1:], strict=False):
        for k in range(1, 5):
            p = a + (b - a) * (k / 4)
            qtbot.mouseMove(canvas, pos=QPoint(p.x(), p.y()))
    qtbot.mouseRelease(canvas, button, pos=pts[-1])


@pytest.fixture
def panel(qtbot, trained_softmax):
    panel = shown_digit_panel(qtbot)
    panel.state.set_model(trained_softmax[0], path="sr.npz")
    return panel


def test_a_test_digit_is_a_bitmap_to_draw_on_and_the_answer_follows(panel, qtbot,
                                                                    trained_softmax):
    net, d = trained_softmax
    state, canvas = panel.state, panel.canvas
    wrong = np.flatnonzero(net.predict(d.x_test[:500]).argmax(1) != d.t_test[:500])
    image = d.x_test[wrong[0]]
    state.show_image(image)  # what the evaluation view does on a click
    assert canvas.base is not None and not canvas.strokes
    np.testing.assert_array_equal(canvas.base, image_to_bitmap(image))
    np.testing.assert_array_equal(state.digit, image)
    np.testing.assert_allclose(state.probabilities, net.predict(image[None])[0], rtol=1e-5)

    # a stroke of ink across the middle: the input gets it, in place, and is predicted
    drag(qtbot, canvas, [(40, 140), (240, 140)])
    assert panel.wait_idle()
    inked = state.digit.copy()
    expected = bitmap_to_image(render_canvas(canvas.strokes, [False], canvas.base))
    np.testing.assert_array_equal(inked, expected)
    assert inked[0, 14, 5:23].min() > 0.9  # row 14 (y 140-149), x 50..229: inked
    assert not np.array_equal(inked, image)
    np.testing.assert_allclose(state.probabilities, net.predict(inked[None])[0], rtol=1e-5)

    # the right button erases: rub out the whole top half of the digit
    drag(qtbot, canvas, [(10, 15), (270, 15), (270, 40), (10, 40), (10, 65), (270, 65),
                         (270, 90), (10, 90), (10, 105), (270, 105)],
         button=Qt.MouseButton.RightButton)  # rows 25 apart: the 33-wide eraser overlaps
    assert panel.wait_idle()
    assert canvas.erasing == [False, True]
    assert state.digit[0, :10].max() == 0  # rows 0-9 (y 0-99): no ink left
    np.testing.assert_array_equal(state.digit[0, 13:], inked[0, 13:])  # the rest: as before
    np.testing.assert_allclose(state.probabilities, net.predict(state.digit[None])[0],
                               rtol=1e-5)

    # undo takes the erasure back; Clear empties; undo after Clear brings the bitmap back
    panel.undo_button.click()
    assert panel.wait_idle()
    np.testing.assert_array_equal(state.digit, inked)
    panel.clear_button.click()
    assert state.digit is None and canvas.base is None and canvas.is_empty()
    panel.undo_button.click()
    assert panel.wait_idle()
    np.testing.assert_array_equal(state.digit, inked)
    np.testing.assert_array_equal(canvas.base, image_to_bitmap(image))


def test_the_eraser_button_makes_the_left_button_erase(panel, qtbot, trained_softmax):
    image = trained_softmax[1].x_test[0]
    panel.state.show_image(image)
    panel.eraser_button.click()
    assert panel.canvas.eraser
    drag(qtbot, panel.canvas, [(0, 0), (279, 0), (279, 279)])
    assert panel.wait_idle() and panel.canvas.erasing == [True]
    panel.eraser_button.click()
    drag(qtbot, panel.canvas, [(140, 140)])
    assert panel.wait_idle() and panel.canvas.erasing == [True, False]


def test_the_screen_shows_the_edited_bitmap_the_network_reads(qtbot, trained_softmax):
    from nndesk.gui.canvas import DrawingCanvas

    canvas = DrawingCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(CANVAS_SIZE + 2, CANVAS_SIZE + 2)  # one screen pixel per canvas unit
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_bitmap(image_to_bitmap(trained_softmax[1].x_test[1]))
    drag(qtbot, canvas, [(60, 100), (220, 100)], Qt.MouseButton.RightButton)
    drag(qtbot, canvas, [(140, 40), (140, 240)])
    seen = screen_ink(canvas)
    bitmap = render_canvas(**canvas.drawing()).astype(np.float64) / 255
    inner = (slice(10, -10), slice(10, -10))
    assert bitmap[inner].sum() > 1000
    # away from the pen's antialiased edges and the pixels' block edges, all agree
    assert np.abs(seen - bitmap)[inner].mean() < 0.02
    assert np.quantile(np.abs(seen - bitmap)[inner], 0.95) < 0.1
