"""A canvas that holds a bitmap under its strokes: the test digit comes back exactly, ink and
eraser strokes land where they are drawn, in order."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.data.strokes import (
    ERASER_WIDTH,
    bitmap_to_image,
    image_to_bitmap,
    render_canvas,
    render_strokes,
)


def test_a_test_digit_survives_the_canvas_bit_for_bit(mnist_dir):
    from nndesk.data.mnist import load_mnist

    x = load_mnist(flatten=False, data_dir=mnist_dir, val_split=0).x_test[:50]
    for image in x:
        bitmap = image_to_bitmap(image)
        assert bitmap.shape == (280, 280) and bitmap.dtype == np.uint8
        assert (bitmap[:10, :10] == bitmap[0, 0]).all()  # input pixel (0, 0): a 10x10 square
        np.testing.assert_array_equal(bitmap_to_image(render_canvas([], base=bitmap)), image[None]
                                      if image.ndim == 2 else image)


def test_without_a_bitmap_or_eraser_it_is_the_plain_rendering():
    strokes = [[(60, 60), (220, 60), (90, 230)], [(120, 140), (200, 140)]]
    np.testing.assert_array_equal(render_canvas(strokes), render_strokes(strokes))
    timed = [[(x, y, 0.01 * i) for i, (x, y) in enumerate(s)] for s in strokes]
    np.testing.assert_array_equal(render_canvas(timed), render_strokes(strokes))


def test_ink_and_eraser_land_where_drawn_in_order():
    base = np.zeros((280, 280), np.uint8)
    base[100:180, 100:180] = 255  # an ink square
    r = ERASER_WIDTH / 2
    out = render_canvas([[(140, 140)]], erase=[True], base=base)
    yy, xx = np.mgrid[:280, :280]
    dist = np.hypot(xx - 140, yy - 140)
    assert (out[dist < r - 1.5] == 0).all()  # rubbed out under the eraser's disc
    square = np.zeros_like(base, bool)
    square[100:180, 100:180] = True
    assert (out[square & (dist > r + 1.5)] == 255).all()  # the rest of the square untouched
    assert (out[~square] == 0).all()
    # a stroke of ink drawn after the erasure shows again; drawn before, it is rubbed out
    after = render_canvas([[(140, 140)], [(140, 140)]], erase=[True, False], base=base)
    before = render_canvas([[(140, 140)], [(140, 140)]], erase=[False, True], base=base)
    assert after[140, 140] == 255 and before[140, 140] == 0
    ink = np.zeros_like(base)
    on_blank = render_canvas([[(20, 20), (60, 20)]], erase=[False], base=ink)
    np.testing.assert_array_equal(on_blank, render_strokes([[(20, 20), (60, 20)]]))


def test_bad_shapes_are_value_errors():
    with pytest.raises(ValueError):
        image_to_bitmap(np.zeros((28, 27)))
    with pytest.raises(ValueError):
        bitmap_to_image(np.zeros((280, 270), np.uint8))
    with pytest.raises(ValueError):
        render_canvas([[(1, 1)]], erase=[True, False])
    with pytest.raises(ValueError):
        render_canvas([[(1, 1)]], base=np.zeros((28, 28), np.uint8))


# -- the renderer the preparer keeps: only the new pen marks, the same pixels ---------------
def test_the_incremental_renderer_gives_render_canvas_bit_for_bit_at_every_point():
    from nndesk.data.strokes import CanvasRenderer

    rng = np.random.default_rng(3)
    renderer = CanvasRenderer()
    for trial in range(12):
        base = image_to_bitmap(rng.random((28, 28))) if trial % 3 == 0 else None
        strokes, erase = [], []
        for _ in range(int(rng.integers(1, 4))):
            strokes.append([])
            erase.append(bool(rng.random() < 0.3))
            for p in range(int(rng.integers(1, 9))):  # points anywhere, the edges too
                strokes[-1].append((*rng.uniform(-5, 285, 2), 8.0 * p))
                got = renderer.render(strokes, erase, base)
                np.testing.assert_array_equal(got, render_canvas(strokes, erase, base))
        if trial % 4 == 1:  # an undo: the last stroke goes, everything is drawn anew
            np.testing.assert_array_equal(renderer.render(strokes[:-1], erase[:-1], base),
                                          render_canvas(strokes[:-1], erase[:-1], base))
    assert renderer.full_renders <= 12 + 3  # one per new drawing and per undo, not per point


def test_the_renderer_hands_out_copies_and_starts_again_on_a_new_base():
    from nndesk.data.strokes import CanvasRenderer

    renderer = CanvasRenderer()
    first = renderer.render([[(50.0, 50.0), (200.0, 50.0)]])
    first[:] = 0  # the caller's array: the renderer's own is untouched
    again = renderer.render([[(50.0, 50.0), (200.0, 50.0), (200.0, 200.0)]])
    np.testing.assert_array_equal(again, render_strokes([[(50, 50), (200, 50), (200, 200)]]))
    base = np.full((280, 280), 255, np.uint8)
    rubbed = renderer.render([[(140.0, 140.0)]], [True], base)
    assert rubbed[140, 140] == 0 and rubbed[0, 0] == 255 and renderer.full_renders == 2
