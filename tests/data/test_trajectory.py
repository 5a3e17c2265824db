"""Strokes -> sequences: resampling by arc length, normalization, pen-up marks, augmentation."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from nndesk.data.trajectory import (
    FEATURES,
    SEQUENCE_LENGTH,
    TrajectoryAugmenter,
    parse_strokes,
    pendigit_splits,
    sequence_set,
    to_sequence,
    traced_backwards,
)

STILL = TrajectoryAugmenter(rotate=0, scale=0, slant=0, jitter=0, drop=0, split=0, join=0,
                           reverse=0)


def test_a_straight_stroke_by_hand():
    seq = to_sequence([[(0, 0), (30, 0), (100, 0)]], length=5)  # uneven samples, one line
    assert seq.shape == (5, len(FEATURES)) and seq.dtype == np.float32
    np.testing.assert_allclose(seq[:, 0], [-1, -0.5, 0, 0.5, 1], atol=1e-6)
    np.testing.assert_allclose(seq[:, 1:4], [[0, 1, 0]] * 5, atol=1e-6)  # y, dx, dy
    np.testing.assert_array_equal(seq[:, 4], [0, 0, 0, 0, 1])


def test_two_strokes_share_the_points_by_length():
    # an L: down 100 then right 50 (y down). 6 points: 1 each, 4 spare split 2:1 -> 2.67,
    # 1.33 -> 2 + 1, the last one to the larger remainder (0.67): 4 and 2 points.
    seq = to_sequence([[(0, 0), (0, 100)], [(0, 100), (50, 100)]], length=6)
    # bounding box x 0..50, y 0..100: centre (25, 50), half of the longer side 50
    np.testing.assert_allclose(seq[:, 0], [-0.5] * 4 + [-0.5, 0.5], atol=1e-6)
    np.testing.assert_allclose(seq[:, 1], [-1, -1 / 3, 1 / 3, 1, 1, 1], atol=1e-6)
    np.testing.assert_allclose(seq[:, 2:4], [[0, 1]] * 4 + [[1, 0]] * 2, atol=1e-6)
    np.testing.assert_array_equal(seq[:, 4], [0, 0, 0, 1, 0, 1])


def _densify(s: np.ndarray) -> np.ndarray:
    out = np.empty((2 * len(s) - 1, 2))
    out[0::2], out[1::2] = s, (s[:-1] + s[1:]) / 2
    return out


def test_same_shape_same_sequence_whatever_the_size_place_and_speed():
    rng = np.random.default_rng(0)
    a = [np.cumsum(rng.normal(size=(12, 2)), 0) * 10, np.cumsum(rng.normal(size=(7, 2)), 0)]
    moved = [s * 3.5 + (120, -40) for s in a]
    slow = [_densify(s) for s in a]  # a slower pen: every segment sampled twice, same path
    base = to_sequence(a)
    np.testing.assert_allclose(to_sequence(moved), base, atol=1e-5)
    np.testing.assert_allclose(to_sequence(slow), base, atol=1e-5)
    assert np.abs(base[:, :2]).max() == pytest.approx(1.0)


def test_times_order_the_strokes_and_may_be_left_out():
    first, second = [[0, 0, 0], [0, 90, 120]], [[-30, 0, 400], [30, 0, 480]]
    seq = to_sequence([second, first], length=8)   # listed out of order, times say which
    np.testing.assert_allclose(seq, to_sequence([[p[:2] for p in first],
                                                 [p[:2] for p in second]], length=8))
    assert seq[0, 1] == pytest.approx(-1.0)        # starts at the top of the vertical stroke
    with pytest.raises(ValueError, match="backwards"):
        to_sequence([[[0, 0, 50], [1, 1, 40]]])
    with pytest.raises(ValueError, match="finite"):
        to_sequence([[[0, 0], [np.nan, 1]]])


def test_a_dot_and_nothing():
    assert to_sequence([]) is None and to_sequence([[]]) is None
    dot = to_sequence([[(5, 5)]], length=4)
    np.testing.assert_array_equal(dot[:, :4], 0)
    np.testing.assert_array_equal(dot[:, 4], [0, 0, 0, 1])
    many = to_sequence([[(i, 0)] for i in range(10)], length=4)  # more strokes than points
    assert many[:, 4].sum() == 4


def test_real_pen_digits(pendigits):
    writer1 = [d for d in pendigits if d.writer == 1]
    x, t = sequence_set(writer1)
    assert x.shape == (len(writer1), SEQUENCE_LENGTH, 5) and len(writer1) == 249
    # one pen-up per stroke, the last point always one; the ink's longer side spans -1..1
    # (the resampled points come near its extremes, within a step of the path)
    np.testing.assert_array_equal(x[:, :, 4].sum(1), [len(d.strokes) for d in writer1])
    np.testing.assert_array_equal(x[:, -1, 4], 1)
    span = np.ptp(x[:, :, :2], axis=1).max(1)
    assert span.max() <= 2 + 1e-6 and span.min() > 1.85
    np.testing.assert_allclose(np.hypot(x[:, :, 2], x[:, :, 3]), 1, atol=1e-5)
    eight = next(d for d in pendigits if d.label == 8)  # the file's first digit, one stroke
    # the 8 begins at tablet (267, 333), near the top right of its box (y flipped: down)
    ink = eight.strokes[0]
    lo, hi = ink.min(0), ink.max(0)
    expected = (np.array([267.0, -333.0]) - (lo + hi) / 2) / ((hi - lo).max() / 2)
    np.testing.assert_allclose(to_sequence(eight.strokes)[0, :2], expected, atol=1e-6)


def test_splits_keep_writers_apart(pendigits):
    few = [d for d in pendigits if d.writer in (1, 17, 25)]
    s = pendigit_splits(few, variants=1, validation=(17,))
    assert len(s.x_train) == 2 * sum(d.writer == 1 for d in few)
    assert len(s.x_val) == sum(d.writer == 17 for d in few)
    assert len(s.x_test) == sum(d.writer == 25 for d in few)
    clean = sequence_set([d for d in few if d.writer == 1])[0]
    np.testing.assert_array_equal(s.x_train[:len(clean)], clean)   # first as written
    assert not np.allclose(s.x_train[len(clean):], clean)          # then distorted


def test_augmenter_splits_and_joins_strokes():
    rng = np.random.default_rng(1)
    two = [np.stack([np.arange(10.0), np.zeros(10)], 1), np.array([[0.0, 5], [9, 5]])]
    split = dataclasses.replace(STILL, split=1.0)(two, rng)
    assert len(split) == 3 and sum(map(len, split)) == 12  # the 10-point one is cut in two
    np.testing.assert_array_equal(np.vstack(split[:2]), two[0])
    joined = dataclasses.replace(STILL, join=1.0)(two, rng)
    assert len(joined) == 1 and len(joined[0]) == 12
    dropped = dataclasses.replace(STILL, drop=0.9)([np.stack([np.arange(200.0)] * 2, 1)], rng)[0]
    assert 20 <= len(dropped) < 200 and dropped[0, 0] == 0 and dropped[-1, 0] == 199
    np.testing.assert_array_equal(STILL(two, rng)[1], two[1])      # nothing asked, nothing done
    assert two[0][3, 0] == 3                                       # the input is unchanged


def test_augmenter_slant_and_rotation_stay_within_their_bounds():
    rng = np.random.default_rng(2)
    box = [np.array([[0.0, 0], [0, 100], [50, 100], [50, 0]])]
    for _ in range(20):
        out = dataclasses.replace(STILL, slant=0.3)(box, rng)[0]
        np.testing.assert_allclose(out[:, 1], box[0][:, 1])       # slant moves x only
        shear = -(out[1, 0] - out[0, 0]) / 100                     # x shifts by -shear * y
        assert abs(shear) <= 0.3
        np.testing.assert_allclose(out[2, 0] - out[3, 0], -shear * 100, atol=1e-9)
        turned = dataclasses.replace(STILL, rotate=12)(box, rng)[0]
        side = turned[1] - turned[0]                               # was straight down
        assert np.degrees(abs(np.arctan2(side[0], side[1]))) <= 12 + 1e-9
        assert np.hypot(*side) == pytest.approx(100)


def test_strokes_json_file_round_trip(tmp_path):
    doc = {"strokes": [[[10, 20, 0], [11, 25.5, 16]], [[40, 40, 300]]]}
    path = tmp_path / "seven.json"
    path.write_text(json.dumps(doc))
    strokes = parse_strokes(json.loads(path.read_text()))
    np.testing.assert_array_equal(strokes[0], [[10, 20, 0], [11, 25.5, 16]])
    assert [s.shape for s in strokes] == [(2, 3), (1, 3)]
    for bad, words in [({"stroke": []}, "expected"), ({"strokes": [[[1, "a", 2]]]}, "stroke 1"),
                       ({"strokes": [[[1, 2, 3], [1, 2]]]}, "mixes"),
                       ({"strokes": [[[0, 0, 9], [1, 1, 3]]]}, "backwards"),
                       ({"strokes": [[[True, 2]]]}, "stroke 1")]:
        with pytest.raises(ValueError, match=words):
            parse_strokes(bad)


def test_traced_backwards_is_the_same_ink_the_other_way_round():
    strokes = [[(0, 0, 0.0), (10, 0, 1.0), (10, 10, 2.0)], [], [(5, 5, 3.0), (6, 7, 4.0)]]
    back = traced_backwards(strokes)
    np.testing.assert_array_equal(back[0], [[10, 10], [10, 0], [0, 0]])
    np.testing.assert_array_equal(back[1], [[6, 7], [5, 5]])
    assert len(back) == 2
    # a circle traced clockwise (y down) becomes anticlockwise: the turn changes sign
    a = np.linspace(0, 2 * np.pi, 50)
    ring = np.c_[np.cos(a), np.sin(a)]
    def turn(p):
        d = np.diff(p, axis=0)
        return np.sign(np.sum(d[:-1, 0] * d[1:, 1] - d[:-1, 1] * d[1:, 0]))
    assert turn(ring) == -turn(traced_backwards([ring])[0])


def test_reverse_traces_strokes_from_their_other_end_and_draws_nothing_else():
    strokes = [np.array([[0.0, 0], [10, 0], [10, 10]]), np.array([[3.0, 3], [4, 9]])]
    flipped = dataclasses.replace(STILL, reverse=1.0)(strokes, np.random.default_rng(0))
    for got, want in zip(flipped, strokes, strict=True):
        np.testing.assert_allclose(got, want[::-1])
    # the reversal is drawn after every other choice: an augmenter with reverse=0 makes the
    # same distortions from the same seed as one that reverses (only the direction differs)
    moving = TrajectoryAugmenter(reverse=0.5)
    a = moving(strokes, np.random.default_rng(3))
    b = dataclasses.replace(moving, reverse=0)(strokes, np.random.default_rng(3))
    assert len(a) == len(b)
    for p, q in zip(a, b, strict=True):
        assert np.allclose(p, q) or np.allclose(p, q[::-1])
    kept = dataclasses.replace(STILL, reverse=0.0)(strokes, np.random.default_rng(0))
    for got, want in zip(kept, strokes, strict=True):
        np.testing.assert_allclose(got, want)
