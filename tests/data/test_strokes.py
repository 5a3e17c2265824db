"""render_strokes: the canvas bitmap every part shares."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.data.strokes import CANVAS_SIZE, PEN_WIDTH, render_strokes


def test_blank_and_shape():
    img = render_strokes([])
    assert img.shape == (CANVAS_SIZE, CANVAS_SIZE) and img.dtype == np.uint8
    assert img.max() == 0
    assert render_strokes([[]], size=50).shape == (50, 50)


def test_line_has_the_pen_width_and_soft_edges():
    img = render_strokes([[(60, 140), (220, 140)]], width=20).astype(np.float64) / 255
    column = img[:, 140]
    assert column.sum() == pytest.approx(20, abs=0.3)            # ink across = pen width
    assert ((column > 0) & (column < 1)).any()                  # antialiased edge
    assert img[140, 140] == 1 and img[100, 140] == 0
    # round caps: the ink reaches half a pen width past each end point
    row = img[140]
    assert np.flatnonzero(row)[0] == pytest.approx(60 - 10, abs=1)
    assert np.flatnonzero(row)[-1] == pytest.approx(220 + 10, abs=1)


def test_a_single_point_is_a_round_dot():
    img = render_strokes([[(100, 100)]], width=30).astype(np.float64) / 255
    assert img.sum() == pytest.approx(np.pi * 15**2, rel=0.03)
    ys, xs = np.nonzero(img > 0.5)
    assert ys.mean() == pytest.approx(100, abs=0.5) and xs.mean() == pytest.approx(100, abs=0.5)


def test_joins_are_round_and_strokes_add_up():
    corner = render_strokes([[(50, 50), (200, 50), (200, 200)]], width=PEN_WIDTH)
    r = PEN_WIDTH / 2
    d = int(r * 0.6)    # diagonal from the vertex: inside the round join, not a gap
    assert corner[50 - d, 200 + d] == 255
    d = int(r * 0.9)    # ... and no square (mitred) corner beyond the radius
    assert corner[50 - d, 200 + d] == 0
    two = render_strokes([[(50, 50), (200, 50)], [(50, 200), (200, 200)]])
    assert two[50, 120] == 255 and two[200, 120] == 255 and two[125, 120] == 0
    floats = render_strokes([[(50.5, 50.25), (200.75, 50.0)]])
    assert floats[50, 120] == 255


def test_the_bitmap_belongs_to_the_caller():
    img = render_strokes([[(10, 10), (50, 50)]])
    img[:] = 0                                   # the canvas may paint on it
    assert render_strokes([[(10, 10), (50, 50)]]).max() == 255
