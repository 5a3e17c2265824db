"""The probability bars: drawn into a pixmap when what they show changes, copied otherwise."""

from __future__ import annotations

import numpy as np

from nndesk.gui.bars import ProbabilityBars


def _bars(qtbot) -> ProbabilityBars:
    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    bars.resize(300, 190)
    bars.show()
    qtbot.waitExposed(bars)
    return bars


def test_an_answer_that_looks_the_same_draws_nothing_new(qtbot):
    bars = _bars(qtbot)
    p = np.full(10, 0.01)
    p[7] = 0.91
    bars.set_probabilities(p)
    first = bars.grab().toImage()
    drawn = bars.renders
    same = p.copy()
    same[7] += 1e-6  # the same bar lengths, the same "91.0%"
    bars.set_probabilities(same)
    assert bars.grab().toImage() == first and bars.renders == drawn
    other = p.copy()
    other[7], other[1] = 0.5, 0.42
    bars.set_probabilities(other)
    changed = bars.grab().toImage()
    assert changed != first and bars.renders == drawn + 1
    bars.set_probabilities(p)  # back: drawn again, as it was
    assert bars.grab().toImage() == first


def test_no_probabilities_and_no_highlight_are_drawn_apart(qtbot):
    bars = _bars(qtbot)
    empty = bars.grab().toImage()
    p = np.full(10, 0.1)
    bars.set_probabilities(p, highlight=True)
    marked = bars.grab().toImage()
    bars.set_probabilities(p, highlight=False)
    plain = bars.grab().toImage()
    assert marked != plain and plain != empty and marked != empty
    bars.resize(400, 190)  # a new size: drawn anew at that size
    assert bars.grab().width() == 400


def test_a_new_answer_redraws_only_its_changed_rows_pixel_for_pixel(qtbot):
    """Rows whose bar, value or highlight changed are drawn again in the kept picture; the
    picture is the one a whole drawing makes, also where rows share a pixel (a height of
    193 px: rows of 19.3 px)."""
    rng = np.random.default_rng(3)
    for height in (190, 193):
        bars = _bars(qtbot)
        bars.resize(300, height)
        qtbot.waitUntil(lambda b=bars, h=height: b.height() == h)
        p = rng.dirichlet(np.full(10, 0.3))
        for step in range(12):
            q = p.copy()
            changed = rng.choice(10, size=1 + step % 4, replace=False)
            q[changed] = rng.dirichlet(np.ones(len(changed))) * q[changed].sum()
            bars.set_probabilities(q, highlight=step % 5 != 4)
            bars.grab()  # painted: the kept picture brought up to date
            shown, drawn = bars._picture.toImage(), bars.rows_drawn
            whole = bars._render().toImage()  # every row drawn anew, the same values
            assert shown == whole, (height, step)
            bars.rows_drawn = drawn
            p = q
        assert 10 < bars.rows_drawn < 10 * bars.renders  # the first whole, then fewer rows
