"""The non-digit set: seeded, every kind, rendered through the canvas path, two disjoint parts."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.data.nondigits import KINDS, LETTERS, draw_kind, make_nondigits
from nndesk.data.preprocess import preprocess
from nndesk.data.strokes import CANVAS_SIZE, render_strokes


def test_same_seed_same_set_and_parts_differ(pendigits):
    a = make_nondigits(3, "calibration", digits=pendigits)
    b = make_nondigits(3, "calibration", digits=pendigits)
    c = make_nondigits(3, "held_out", digits=pendigits)
    np.testing.assert_array_equal(a.x, b.x)
    assert not np.array_equal(a.x[:5], c.x[:5])
    assert a.x.shape[1:] == (1, 28, 28) and a.x.dtype == np.float32
    assert 0.0 <= a.x.min() and a.x.max() <= 1.0
    counted = {k: int((a.kinds == k).sum()) + a.no_digit.get(k, 0) for k in KINDS}
    assert counted == dict.fromkeys(KINDS, 3)  # every kind, every drawing accounted for


def test_items_are_the_canvas_path_of_their_strokes():
    s = make_nondigits(2, "held_out", kinds=("star", "letter"))
    for x, strokes in zip(s.x, s.strokes, strict=True):
        for stroke in strokes:  # on the canvas, as a user draws
            assert stroke.min() >= 0 and stroke.max() <= CANVAS_SIZE
        again = preprocess(render_strokes(strokes, width=6))  # a thinner pen: same place
        assert again is not None and np.corrcoef(again.ravel(), x.ravel())[0, 1] > 0.5


def test_pairs_are_two_pen_digits_of_writers_apart_from_the_held_out_ones(pendigits,
                                                                          monkeypatch):
    import nndesk.data.pendigits as pd

    used = []
    real = pd.to_canvas

    def spy(digit, rng=None, **kw):
        used.append(digit.writer)
        return real(digit, rng, **kw)

    monkeypatch.setattr(pd, "to_canvas", spy)
    make_nondigits(4, "calibration", digits=pendigits, kinds=("pair",))
    assert len(used) == 8 and set(used) <= set(range(1, 11))
    used.clear()
    make_nondigits(4, "held_out", digits=pendigits, kinds=("pair",))
    assert len(used) == 8 and set(used) <= set(range(11, 21))
    assert make_nondigits(2, kinds=("pair",)).x.shape[0] == 0  # no pen digits: no pairs


def test_a_vertical_line_or_an_o_is_never_drawn():
    assert not {"O", "I", "l", "S", "Z", "B", "G", "b", "g", "q"} & set(LETTERS)
    rng = np.random.default_rng(0)
    for _ in range(50):
        (line,) = draw_kind("line", rng)
        dx, dy = np.abs(line[-1] - line[0])
        assert dy < dx * np.tan(np.radians(55))  # at most 40 + 12 (slant) + tremor degrees


def test_unknown_part_or_kind():
    with pytest.raises(ValueError, match="part must be"):
        make_nondigits(1, "test")
    with pytest.raises(ValueError, match="unknown kind"):
        make_nondigits(1, kinds=("unicorn",))


def test_more_kinds_are_drawn_on_the_canvas_and_keep_the_issues_set_as_it_was():
    from nndesk.data.nondigits import MORE_KINDS

    s = make_nondigits(2, "calibration", kinds=MORE_KINDS)
    assert len(s.x) + sum(s.no_digit.values()) == 2 * len(MORE_KINDS)
    assert set(s.kinds) <= set(MORE_KINDS) and not set(MORE_KINDS) & set(KINDS)
    for strokes in s.strokes:
        assert all(0 <= st.min() and st.max() <= CANVAS_SIZE for st in strokes)
    # a kind's drawings depend on the kind, not on which others are asked for with it
    alone = make_nondigits(2, "held_out", kinds=("heart",))
    among = make_nondigits(2, "held_out", kinds=("star", "heart"))
    np.testing.assert_array_equal(alone.x, among.x[among.kinds == "heart"])
