"""The shortcuts in `preprocess` (an empty paper estimate, the dilation and distance transform
around the ink only, the medians of clean paper, no images for a viewer) change no number: the
straightforward computations, written out here, give the same inputs bit for bit on MNIST
test digits and on pen digits drawn on the canvas."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.data import preprocess as pp
from nndesk.data.strokes import render_strokes


def _attached(low, core, reach):
    cv2 = pp._cv2()
    n, labels = cv2.connectedComponents(low.astype(np.uint8), connectivity=8)
    hit = np.zeros(n, bool)
    hit[labels[core & low]] = True
    hit[0] = False
    if reach is None:
        return hit[labels]
    near = cv2.dilate(core.astype(np.uint8), cv2.getStructuringElement(
        cv2.MORPH_ELLIPSE, (2 * reach + 1, 2 * reach + 1))).astype(bool)
    return hit[labels] & near


def _stroke_half_width(mask):
    cv2 = pp._cv2()
    inside = cv2.distanceTransform(mask.astype(np.uint8), cv2.DIST_L2, 3)[mask]
    return float(np.percentile(inside, 98)) if inside.size else 0.0


def _mad_sigma(paper):
    return 1.4826 * float(np.median(np.abs(paper - np.median(paper)))) if paper.size else 0.0


def _remove_background(gray):
    """remove_background with the paper estimate always resized and subtracted."""
    cv2 = pp._cv2()
    h, w = gray.shape
    f = max(1.0, max(h, w) / pp.BACKGROUND_SIDE)
    small = gray if f == 1 else cv2.resize(gray, (max(1, round(w / f)), max(1, round(h / f))),
                                           interpolation=cv2.INTER_AREA)
    dark = pp.ink_polarity(cv2.GaussianBlur(small, (0, 0), 1.0) if min(small.shape) >= 8
                           else small)
    if dark:
        wide = pp._morph(small, cv2.MORPH_CLOSE, pp.BACKGROUND_SCALE)
        near = pp._morph(small, cv2.MORPH_CLOSE, pp.SHADOW_SCALE)
        background = np.where(near < pp.SHADOW_RATIO * wide, wide, near)
    else:
        background = pp._morph(small, cv2.MORPH_OPEN, pp.BACKGROUND_SCALE)
    if f != 1:
        background = cv2.resize(background, (w, h), interpolation=cv2.INTER_LINEAR)
    if dark:
        ink = (background - gray) * (255.0 / np.maximum(background, 1.0))
    else:
        ink = gray - background
    return np.maximum(ink, 0, out=ink)


@pytest.fixture
def straightforward(monkeypatch):
    def run(image):
        with monkeypatch.context() as m:
            m.setattr(pp, "_attached", _attached)
            m.setattr(pp, "_stroke_half_width", _stroke_half_width)
            m.setattr(pp, "_mad_sigma", _mad_sigma)
            m.setattr(pp, "remove_background", _remove_background)
            return pp.preprocess_steps(image)
    return run


def _same(image, straightforward) -> bool:
    fast = pp.preprocess(image)
    steps = straightforward(image)
    slow = steps[-1][1][None] if steps[-1][0] == pp.STEPS[-1] else None
    assert (fast is None) == (slow is None)
    if fast is not None:
        np.testing.assert_array_equal(fast, slow)
    return fast is not None


def test_mnist_digits_come_out_the_same(mnist_dir, straightforward):
    from nndesk.data.mnist import load_mnist

    x = load_mnist(data_dir=mnist_dir, flatten=False, val_split=0).x_test[:60]
    assert sum(_same(image, straightforward) for image in x) == len(x)


def test_pen_digits_on_the_canvas_come_out_the_same(pendigits, straightforward):
    from nndesk.data.pendigits import to_canvas

    rng = np.random.default_rng(0)
    found = 0
    for digit in pendigits[::120]:  # 63 digits of every writer
        found += _same(render_strokes(to_canvas(digit, rng)), straightforward)
    assert found > 50


def test_a_filled_blob_and_a_photo_take_the_long_way_the_same(straightforward):
    blob = render_strokes([[(60, 60), (200, 60), (200, 200), (60, 200), (60, 60)]], width=150)
    _same(blob, straightforward)  # a solid square: the paper estimate is not empty
    rng = np.random.default_rng(1)
    photo = np.clip(180 + rng.normal(0, 8, (240, 320)), 0, 255).astype(np.float32)
    photo[60:200, 150:170] = 40  # a dark 1 on grey, noisy paper
    assert _same(photo, straightforward)
