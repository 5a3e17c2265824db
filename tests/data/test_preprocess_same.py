"""The shortcuts in `preprocess` (an empty paper estimate, the dilation and distance transform
around the ink only, the medians of clean paper, no images for a viewer, clean paper decided
from where the ink is, every step after the background's removal done in the ink's window)
change no number: the straightforward computations, written out here, give the same inputs
bit for bit on MNIST test digits, on pen digits drawn on the canvas and on random drawings
anywhere on it (at its edges, with the eraser, thin and thick pens, dots and blots)."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.data import preprocess as pp
from nndesk.data.strokes import CANVAS_SIZE, render_canvas, render_strokes


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


def _random_drawing(rng) -> tuple[np.ndarray, dict]:
    """A canvas bitmap of 1-4 random strokes (some of them rubbing out), anywhere on the
    canvas, edges and corners included, with a pen from thin to blot-wide; and its drawing."""
    strokes, erase = [], []
    for i in range(int(rng.integers(1, 5))):
        n = int(rng.integers(1, 9))
        centre = rng.uniform(-20, CANVAS_SIZE + 20, 2)
        spread = rng.choice([5.0, 40.0, 120.0])
        pts = np.clip(centre + rng.normal(0, spread, (n, 2)), 0, CANVAS_SIZE - 1)
        strokes.append([tuple(map(float, p)) for p in pts])
        erase.append(bool(i > 0 and rng.random() < 0.25))
    width = float(rng.choice([4.0, 12.0, 22.0, 22.0, 40.0, 90.0]))
    drawing = {"strokes": strokes, "erase": erase, "width": width}
    return render_canvas(strokes, erase, width=width), drawing


def test_random_drawings_anywhere_on_the_canvas_come_out_the_same(straightforward):
    rng = np.random.default_rng(7)
    found = 0
    for _ in range(60):
        bitmap, drawing = _random_drawing(rng)
        try:
            found += _same(bitmap, straightforward)
        except AssertionError as err:
            raise AssertionError(f"not the same for {drawing}") from err
    assert found > 15  # most of them are digits to the preprocessing, some are no digit


@pytest.mark.parametrize("corner", [(0, 0), (1, 1), (3, 2), (CANVAS_SIZE - 1, 0),
                                    (CANVAS_SIZE - 1, CANVAS_SIZE - 1)])
def test_ink_at_the_edges_and_odd_offsets_comes_out_the_same(straightforward, corner):
    """Windows on the image's border (its border contact, the cut of thin lines) and windows
    starting on odd rows and columns (component numbering)."""
    x, y = corner
    three = [[(x, y), (140, 40), (200, 90), (140, 140), (200, 190), (140, 240)]]
    assert _same(render_strokes(three), straightforward)
    framed = render_canvas([[(0, 0), (279, 0), (279, 279), (0, 279), (0, 0)], three[0]],
                           width=6)  # a thin frame along the border and a digit inside
    _same(framed, straightforward)
    two_pieces = render_strokes([[(x + 1, 40), (x + 1, 200)], [(150, 150), (200, 150)]])
    _same(two_pieces, straightforward)


def test_the_canvas_takes_the_short_way(monkeypatch):
    """Canvas drawings are decided clean from where the ink is and read in a window (the
    tests above are not comparing the long way with itself)."""
    seen = []
    window = pp._ink_window
    monkeypatch.setattr(pp, "_ink_window", lambda *a: seen.append(window(*a)) or seen[-1])
    seven = render_strokes([[(80, 60), (130, 60), (180, 60), (205, 62), (190, 100),
                             (170, 140), (150, 180), (135, 225)]])
    cells = pp._inked_cells(seven.astype(np.float32), (128, 128))
    assert cells is not None and pp._no_paper(cells) and pp._surely_light(cells)
    assert 0.05 < cells.mean() < 0.25  # the reduced ink's place, not the whole image
    assert pp.preprocess(seven) is not None
    (w,) = seen
    assert w is not None and w.outside > 0.4 * CANVAS_SIZE ** 2
    photo = np.full((240, 320), 200.0, np.float32)  # dark ink on grey paper: the long way
    photo[60:200, 150:170] = 40
    cells = pp._inked_cells(photo, (128, 96))
    assert cells is not None and not pp._no_paper(cells)
