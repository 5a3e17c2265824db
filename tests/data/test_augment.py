"""Augmentation: exact geometry of the batched warp, seeding, thickness, the PNG grid.
(Its cost against a training step is measured in benchmarks/augment_cost.py.)"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from nndesk.data.augment import Augmenter, elastic_field, save_grid, thicken, warp

EYE = np.eye(2, dtype=np.float32)


def _digits(n=8, seed=0):
    """Blocky random 'digits': a few bright rectangles each."""
    rng = np.random.default_rng(seed)
    x = np.zeros((n, 28, 28), np.float32)
    for img in x:
        for _ in range(3):
            y0, x0 = rng.integers(6, 18, 2)
            img[y0:y0 + rng.integers(2, 6), x0:x0 + rng.integers(2, 6)] = rng.uniform(0.5, 1)
    return x


def test_integer_shift_is_a_zero_filled_roll():
    x = _digits()
    out = warp(x, np.repeat(EYE[None], 8, 0), np.tile([[2.0, -3.0]], (8, 1)))
    expected = np.zeros_like(x)
    expected[:, 2:, :25] = x[:, :-2, 3:]
    np.testing.assert_allclose(out, expected, atol=1e-6)


def test_quarter_turn_is_rot90():
    x = _digits()
    quarter = np.array([[0, -1], [1, 0]], np.float32)   # input (y, x) for output (y, x)
    out = warp(x, np.repeat(quarter[None], 8, 0), np.zeros((8, 2)))
    turned = np.rot90(x, 1, axes=(1, 2))
    flipped = np.rot90(x, -1, axes=(1, 2))
    assert np.allclose(out, turned, atol=1e-5) or np.allclose(out, flipped, atol=1e-5)


def test_scaling_up_doubles_a_square_and_half_pixel_shift_averages():
    x = np.zeros((1, 28, 28), np.float32)
    x[0, 10:18, 10:18] = 1                              # 8x8 about the centre (13.5)
    big = warp(x, (EYE / 2)[None], np.zeros((1, 2)))    # inverse of 2x zoom
    assert big.sum() == pytest.approx(4 * 64, rel=0.06)
    half = warp(x, EYE[None], np.array([[0.0, 0.5]]))
    assert half[0, 12, 9] == pytest.approx(0.0) and half[0, 12, 10] == pytest.approx(0.5)
    assert half[0, 12, 17] == pytest.approx(1.0) and half[0, 12, 18] == pytest.approx(0.5)


def test_batch_equals_one_by_one():
    x = _digits(16)
    rng = np.random.default_rng(1)
    inverse = rng.normal(0, 0.3, (16, 2, 2)).astype(np.float32) + EYE
    shift = rng.uniform(-3, 3, (16, 2))
    batch = warp(x, inverse, shift)
    for i in range(16):
        np.testing.assert_allclose(batch[i], warp(x[i:i + 1], inverse[i:i + 1],
                                                  shift[i:i + 1])[0], atol=1e-6)


def test_identity_settings_change_nothing_and_shapes_are_kept():
    x = _digits(5)
    rng = np.random.default_rng(0)
    plain = Augmenter(shift=0, rotate=0, scale=0, shear=0, thickness=0)
    np.testing.assert_allclose(plain(x, rng), x, atol=1e-6)
    aug = Augmenter()
    for shape in ((5, 784), (5, 1, 28, 28), (5, 28, 28)):
        out = aug(x.reshape(shape), rng)
        assert out.shape == shape and out.dtype == np.float32
    assert not np.shares_memory(aug(x, rng), x)


def test_seeded_and_random_per_image():
    x = np.repeat(_digits(1), 6, 0)
    a = Augmenter()(x, np.random.default_rng(5))
    b = Augmenter()(x, np.random.default_rng(5))
    c = Augmenter()(x, np.random.default_rng(6))
    np.testing.assert_array_equal(a, b)
    assert not np.allclose(a, c)
    assert len({a[i].tobytes() for i in range(6)}) == 6      # each copy got its own draw


def test_random_affine_stays_within_its_settings():
    x = _digits(200)
    aug = Augmenter(shift=2, rotate=10, scale=0.1, shear=0, thickness=0)
    out = aug(x, np.random.default_rng(3))
    ratio = out.sum((1, 2)) / x.sum((1, 2))
    assert ratio.min() > 0.75 and ratio.max() < 1.3         # area scales by 0.81..1.21
    ys = np.arange(28)

    def com(a):
        mass = a.sum((1, 2))[:, None]
        return np.stack([(a.sum(2) * ys).sum(1), (a.sum(1) * ys).sum(1)], 1) / mass
    moved = np.abs(com(out) - com(x))
    assert moved.max() < 2 + 14 * (0.1 + np.deg2rad(10))  # shift + what rotation/zoom can move
    assert moved.mean() > 0.5                              # it does move them


def test_thicken_grows_and_shrinks_per_image():
    x = _digits(3)
    out = thicken(x, np.array([0.8, 0.0, -0.8]))
    assert out[0].sum() > x[0].sum() * 1.3
    np.testing.assert_array_equal(out[1], x[1])
    assert out[2].sum() < x[2].sum() * 0.7
    assert out.min() >= 0 and out.max() <= x.max()


def test_save_grid_round_trip(tmp_path):
    x = _digits(7)
    path = save_grid(x, tmp_path / "g.png", cols=4, zoom=1)
    img = np.asarray(Image.open(path))
    assert img.shape == (2 * 30 + 2, 4 * 30 + 2)
    np.testing.assert_allclose(img[2:30, 2:30] / 255, x[0], atol=0.5 / 255 + 1e-6)
    np.testing.assert_allclose(img[32:60, 2 + 2 * 30:30 + 2 * 30] / 255, x[6], atol=0.003)
    assert [p.name for p in tmp_path.iterdir()] == ["g.png"]


# --- elastic distortion (Simard, Steinkraus & Platt 2003) ------------------------------------
def test_zero_elastic_field_is_the_identity():
    x = _digits(4)
    field = elastic_field(np.zeros((4, 2, 28, 28), np.float32), alpha=34, sigma=4)
    assert field.shape == (4, 2, 28, 28) and not field.any()
    out = warp(x, np.repeat(EYE[None], 4, 0), np.zeros((4, 2)), field)
    np.testing.assert_allclose(out, x, atol=1e-6)


def test_constant_elastic_field_shifts_by_alpha_times_the_noise():
    """A Gaussian blur keeps a constant map constant: noise dy = 0.5, dx = -1 with alpha 2
    moves every output pixel's source by (+1, -2), so out[y, x] = x[y + 1, x - 2]."""
    x = _digits(3)
    noise = np.zeros((3, 2, 28, 28), np.float32)
    noise[:, 0], noise[:, 1] = 0.5, -1.0
    field = elastic_field(noise, alpha=2, sigma=3)
    np.testing.assert_allclose(field[:, 0], 1.0, atol=1e-5)
    np.testing.assert_allclose(field[:, 1], -2.0, atol=1e-5)
    out = warp(x, np.repeat(EYE[None], 3, 0), np.zeros((3, 2)), field)
    expected = np.zeros_like(x)
    expected[:, :27, 2:] = x[:, 1:, :26]
    np.testing.assert_allclose(out, expected, atol=1e-5)


def test_elastic_field_is_the_gaussian_blur_of_the_noise():
    """One impulse in one map: the field is alpha times the 2-D Gaussian, evaluated
    independently here (normalized over OpenCV's kernel of 2*round(4*sigma)+1 taps)."""
    noise = np.zeros((2, 2, 28, 28), np.float32)
    noise[1, 1, 14, 13] = 1.0
    sigma, alpha = 1.5, 10.0
    field = elastic_field(noise, alpha, sigma)
    taps = np.arange(-6, 7)                               # OpenCV: 2 * round(4 * 1.5) + 1 = 13
    g = np.exp(-taps ** 2 / (2 * sigma ** 2))
    g /= g.sum()
    expected = np.zeros((28, 28))
    expected[14 - 6:14 + 7, 13 - 6:13 + 7] = alpha * np.outer(g, g)
    np.testing.assert_allclose(field[1, 1], expected, atol=1e-5)
    assert not field[0].any() and not field[1, 0].any()   # maps do not leak into each other
    with pytest.raises(ValueError, match="sigma"):
        elastic_field(noise, alpha, 0)


def test_many_maps_are_blurred_alike():
    """OpenCV blurs a limited number of channels at once: a batch of 300 images (600 maps)
    is cut in pieces, and the result is the same as image by image."""
    noise = np.random.default_rng(0).uniform(-1, 1, (300, 2, 28, 28)).astype(np.float32)
    whole = elastic_field(noise, 34, 4)
    for i in (0, 63, 64, 127, 128, 299):
        np.testing.assert_allclose(whole[i], elastic_field(noise[i:i + 1], 34, 4)[0],
                                   atol=1e-6)


def test_elastic_augmenter_bends_strokes_and_is_seeded():
    x = _digits(50)
    aug = Augmenter(shift=0, rotate=0, scale=0, shear=0, thickness=0, elastic_alpha=34)
    a, b = aug(x, np.random.default_rng(7)), aug(x, np.random.default_rng(7))
    np.testing.assert_array_equal(a, b)
    assert a.shape == x.shape and a.dtype == np.float32
    moved = np.abs(a - x).sum((1, 2)) / x.sum((1, 2))
    assert moved.min() > 0.05                             # every image is distorted
    ratio = a.sum((1, 2)) / x.sum((1, 2))
    assert 0.7 < ratio.mean() < 1.3                       # ink is moved, not made or lost
    off = Augmenter(shift=0, rotate=0, scale=0, shear=0, thickness=0)
    np.testing.assert_allclose(off(x, np.random.default_rng(7)), x, atol=1e-6)
