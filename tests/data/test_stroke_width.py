"""Digits drawn with a thin pen read as the same digits drawn thick: their strokes are measured
and thickened to MNIST-like widths, a thin 7 is not taken for a frame around its bar nor its
long stroke for a ruled line; thicker strokes (the canvas's, MNIST's) are left untouched."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw

from nndesk.data import preprocess as pp
from nndesk.data.pendigits import HELD_OUT_WRITERS, WIDTH_RANGE, fit_to_canvas
from nndesk.data.stroke_width import MIN_WIDTH, stroke_width, thickened
from nndesk.data.strokes import PEN_WIDTH, render_strokes
from nndesk.paths import default_model_path
from nndesk.train import load_model

# A 7 as a pen draws it, y down on a 200 px image: the bar and the long stroke in one
# stroke, the middle bar apart from it (inside the 7's bounding box, not touching it).
SEVEN = ([(28, 22), (60, 21), (110, 22), (160, 24), (174, 27), (176, 36), (168, 55),
          (140, 100), (100, 152), (62, 178)], [(60, 100), (84, 101), (112, 104)])
# A 7 over 91% of the image, its long stroke straight and as thin as a ruled line.
LONG_SEVEN = ([(20, 10), (180, 10), (60, 192)], [(50, 100), (100, 100)])


def _png(tmp_path, strokes, width: int, side: int = 200) -> str:
    """The strokes black on white with Pillow's line, as a drawing program saves them."""
    im = Image.new("L", (side, side), 255)
    draw = ImageDraw.Draw(im)
    for s in strokes:
        draw.line([(x * side / 200, y * side / 200) for x, y in s], fill=0, width=width,
                  joint="curve")
    path = tmp_path / f"digit_{width}_{side}.png"
    im.save(path)
    return str(path)


@pytest.fixture(scope="module")
def net():
    return load_model(default_model_path()).network


@pytest.mark.parametrize("width", [1, 3, 6, 12])
def test_stroke_width_of_drawn_lines(width):
    img = np.zeros((200, 200), np.uint8)
    img[20:180, 100:100 + width] = 1                      # a straight stroke
    ring = np.zeros((200, 200), np.uint8)
    cv2.circle(ring, (100, 100), 70, 1, width)            # a 0: the hole's side counts too
    assert stroke_width(img.astype(bool)) == pytest.approx(width, rel=0.1)
    true_width = ring.sum() / (2 * np.pi * 70)            # its area over its middle line
    assert stroke_width(ring.astype(bool)) == pytest.approx(true_width, rel=0.15)
    assert stroke_width(np.zeros((5, 5), bool)) == 0.0


def test_thickened_reaches_the_least_width_and_never_thins():
    crop = np.zeros((160, 100), np.float32)
    crop[:, 48:51] = 1                                    # 3 px of 160: 2%
    out = thickened(crop)
    assert stroke_width(out >= 0.5) / max(out.shape) == pytest.approx(MIN_WIDTH, rel=0.15)
    assert out.max() == 1 and out.dtype == np.float32
    thick = np.zeros((160, 100), np.float32)
    thick[:, 40:56] = 1                                   # 16 px of 160: 10%, MNIST-like
    assert thickened(thick) is thick


@pytest.mark.parametrize("strokes", [SEVEN, LONG_SEVEN], ids=["bar apart", "long stroke"])
@pytest.mark.parametrize("side", [200, 600])
def test_a_thin_pen_seven_reads_as_the_thick_one(tmp_path, net, strokes, side):
    """Both failed before: the 7's input was its middle bar alone (the 7 was taken for a frame
    around it, or its long stroke for a ruled line): "2", or "5, not a digit"."""
    thin = pp.preprocess(_png(tmp_path, strokes, 3, side))
    thick = pp.preprocess(_png(tmp_path, strokes, 14 * side // 200, side))
    assert np.corrcoef(thin.ravel(), thick.ravel())[0, 1] > 0.8
    rows = np.flatnonzero(thin[0].max(1) > 0.5)
    assert rows[-1] - rows[0] >= 17                       # the whole 7, 20 px tall
    assert net.predict(thin[None])[0].argmax() == 7


def test_canvas_drawings_are_left_as_they_were(pendigits, monkeypatch):
    """The canvas's thinnest pen on its tallest digits: thickening changes no number."""
    held = [d for d in pendigits if d.writer in HELD_OUT_WRITERS][::40]
    bitmaps = [render_strokes(fit_to_canvas(d.strokes, height=0.9),
                              width=PEN_WIDTH * WIDTH_RANGE[0]) for d in held]
    now = [pp.preprocess(b) for b in bitmaps]
    monkeypatch.setattr(pp, "_thickened", lambda crop: crop)
    for b, x in zip(bitmaps, now, strict=True):
        assert np.array_equal(pp.preprocess(b), x)
