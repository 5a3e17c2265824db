"""Pen digits: parsing, placing on the canvas as a user would, and the accuracy measurement."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.data import pendigits as pd
from nndesk.data.folder import load_folder
from nndesk.data.pendigits import (
    PenDigit,
    evaluate_pendigits,
    fit_to_canvas,
    load_pendigits,
    render,
    to_canvas,
)
from nndesk.data.strokes import CANVAS_SIZE

TINY = """.INCLUDE        dene.doc
.SEGMENT DIGIT    0 ? "1"
.COMMENT 1 3  17
.PEN_DOWN
 100  300
 100  200
 100  100
.PEN_UP
.DT 100
.SEGMENT DIGIT    1-2 ? "4"
.COMMENT 4 5  18
.PEN_DOWN
 10  300
 10  200
 60  200
.PEN_UP
.DT 100
.PEN_DOWN
 50  300
 50  100
.PEN_UP
"""


def test_parse_tiny_file(tmp_path):
    (tmp_path / "p.tra").write_text(TINY)
    one, four = load_pendigits(tmp_path / "p.tra")
    assert (one.label, one.writer, len(one.strokes)) == (1, 3, 1)
    assert (four.label, four.writer, len(four.strokes)) == (4, 5, 2)
    np.testing.assert_array_equal(one.strokes[0], [[100, -300], [100, -200], [100, -100]])
    (tmp_path / "bad.tra").write_text(TINY.replace(" 100  200", " 100 200 7"))
    with pytest.raises(ValueError, match=r"bad.tra:6"):
        load_pendigits(tmp_path / "bad.tra")
    (tmp_path / "empty.tra").write_text(".INCLUDE x\n")
    with pytest.raises(ValueError, match="no .SEGMENT"):
        load_pendigits(tmp_path / "empty.tra")


def test_real_file_counts(pendigits):
    assert len(pendigits) == 7494
    assert np.bincount([d.label for d in pendigits]).tolist() == [
        780, 779, 780, 719, 780, 720, 720, 778, 719, 719]
    assert sorted({d.writer for d in pendigits}) == list(range(1, 31))
    assert sum(len(d.strokes) for d in pendigits) == 9433
    assert sum(len(d.strokes) == 1 for d in pendigits) == 5564


def test_upright_after_the_y_flip(pendigits):
    seven = next(d for d in pendigits if d.label == 7 and len(d.strokes) == 1)
    first = to_canvas(seven)[0][0]
    assert first[1] < CANVAS_SIZE / 2          # a 7 starts at the top of the screen


def test_placement_size_and_position(tmp_path):
    (tmp_path / "p.tra").write_text(TINY)
    one = load_pendigits(tmp_path / "p.tra")[0]
    pts = np.vstack(to_canvas(one, height=0.5, centre=(100, 150)))
    assert np.ptp(pts[:, 1]) == pytest.approx(140) and pts[:, 1].mean() == pytest.approx(150)
    assert pts[:, 0].mean() == pytest.approx(100)
    rng = np.random.default_rng(0)
    for _ in range(50):
        pts = np.vstack(to_canvas(one, rng))
        h = np.ptp(pts[:, 1]) / CANVAS_SIZE
        assert 0.5 - 1e-9 <= h <= 0.9 + 1e-9
        assert pts.min() >= -1e-9 and pts.max() <= CANVAS_SIZE + 1e-9   # stays on the canvas


def test_smoothing_passes_through_the_samples():
    pts = np.array([[0, 0], [10, 5], [20, 0], [30, 10]], float)
    curve = pd._smooth(pts)
    assert len(curve) == (len(pts) - 1) * pd.SMOOTH + 1
    np.testing.assert_allclose(curve[::pd.SMOOTH], pts)


def test_render_gives_mnist_like_input(pendigits):
    x = render(pendigits[0], np.random.default_rng(0))
    assert x.shape == (1, 28, 28) and x.dtype == np.float32 and x.max() == pytest.approx(1)


def test_evaluate_counts_writers_and_digits(pendigits):
    digits = [d for d in pendigits if d.writer in (1, 2)][:60] + \
             [d for d in pendigits if d.writer == 3][:20]

    def oracle(x):                       # knows the answer: every digit rendered in order
        return np.array(labels[: len(x)])
    labels = []
    real_render = pd.render

    def spy(d, rng=None, width=None, **kw):
        labels.append(d.label)
        return real_render(d, rng, width, **kw)
    pd.render = spy
    try:
        res = evaluate_pendigits(oracle, writers=[1, 3], digits=digits, n_variants=2)
    finally:
        pd.render = real_render
    assert res["accuracy"] == 1.0 and res["n"] == 2 * 80 - 2 * 0 - 2 * sum(
        d.writer == 2 for d in digits)
    assert set(res["per_writer"]) == {1, 3}

    def always_one(x):
        return np.tile(np.eye(10)[1], (len(x), 1))     # scores, not labels
    res = evaluate_pendigits(always_one, writers=[3], digits=digits)
    ones = sum(d.label == 1 for d in digits if d.writer == 3)
    assert res["accuracy"] == pytest.approx(ones / 20)
    assert res["per_digit"][1] == 1.0


def test_export_then_load_folder(pendigits, tmp_path):
    digits = [d for d in pendigits if d.writer == 7][:25]
    assert pd.export_folder(digits, tmp_path / "mine", seed=1) == 25
    x, t = load_folder(tmp_path / "mine")
    assert x.shape == (25, 1, 28, 28) and sorted(t.tolist()) == sorted(d.label for d in digits)
    again = np.stack([render(d, width=pd.PEN_WIDTH) for d in digits])
    assert again.shape == x.shape


def test_pendigit_is_plain_data():
    dot = PenDigit(3, 9, (np.zeros((1, 2)),))
    assert render(dot) is None                                       # a lone dot is no digit
    bar = PenDigit(1, 9, (np.array([[0.0, 0.0], [0.0, 100.0]]),))
    assert render(bar).shape == (1, 28, 28)


def test_split_by_writer(pendigits):
    train, held = pd.split_writers(pendigits)
    assert len(train) + len(held) == len(pendigits)
    assert {d.writer for d in held} == set(pd.HELD_OUT_WRITERS)
    assert not {d.writer for d in train} & {d.writer for d in held}


def test_training_set_never_holds_held_out_writers(pendigits):
    few = [d for d in pendigits if d.writer in (1, 23)][::10]      # writer 23 is held out
    x, t = pd.training_set(n_variants=2, digits=few)
    ones = [d for d in few if d.writer == 1]
    assert x.shape == (2 * len(ones), 1, 28, 28)
    assert sorted(t.tolist()) == sorted(2 * [d.label for d in ones])


def test_export_command(tmp_path, capsys):
    tra = tmp_path / "p.tra"
    tra.write_text(TINY.replace("COMMENT 4 5", "COMMENT 4 26")      # writer 26 is held out
                   .replace("COMMENT 1 3", "COMMENT 1 4"))
    assert pd.main([str(tmp_path / "out"), "--variants", "2", "--file", str(tra)]) == 0
    files = sorted(p.relative_to(tmp_path / "out").as_posix()
                   for p in (tmp_path / "out").rglob("*.png"))
    assert len(files) == 2 and all(f.startswith("1/w04_") for f in files)
    assert "2 images of 1 digits" in capsys.readouterr().out


def test_pendigits_path_order(tmp_path, monkeypatch):
    monkeypatch.setenv("NNDESK_PENDIGITS", str(tmp_path / "x.tra"))
    assert pd.pendigits_path() == tmp_path / "x.tra"
    monkeypatch.delenv("NNDESK_PENDIGITS")
    monkeypatch.setenv("NNDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tmp_path / "data" / "mnist"))
    mine = tmp_path / "home" / "data" / "pendigits" / pd.FILE_NAME
    assert pd.pendigits_path() == mine                       # nothing anywhere: say where
    beside = tmp_path / "data" / "pendigits" / pd.FILE_NAME
    beside.parent.mkdir(parents=True)
    beside.write_text(TINY)
    assert pd.pendigits_path() == beside                     # next to the MNIST folder
    mine.parent.mkdir(parents=True)
    mine.write_text(TINY)
    assert pd.pendigits_path() == mine                       # the user's own copy wins


def test_fit_to_canvas_places_any_units_as_the_pen_digits(tmp_path):
    (tmp_path / "p.tra").write_text(TINY)
    one = load_pendigits(tmp_path / "p.tra")[0]
    raw = [np.column_stack([s, np.arange(len(s)) * 10.0]) for s in one.strokes]  # x, y, t ms
    fitted = fit_to_canvas(raw)
    pts = np.vstack(fitted)
    assert np.ptp(pts[:, 1]) == pytest.approx(0.7 * CANVAS_SIZE)          # 70% tall, centred
    assert (pts[:, :2].min(0) + pts[:, :2].max(0)) / 2 == pytest.approx([140, 140])
    assert np.array_equal(pts[:, 2], np.concatenate([s[:, 2] for s in raw]))  # times kept
    for scale, offset in ((1 / 500, 0), (3.0, -1e8), (1.0, 7e5)):        # 0..1, offsets
        moved = fit_to_canvas([np.column_stack([s[:, :2] * scale + offset, s[:, 2]])
                               for s in raw])
        assert np.vstack(moved) == pytest.approx(pts, abs=1e-5)
    rng_a, rng_b = np.random.default_rng(3), np.random.default_rng(3)
    assert np.vstack(to_canvas(one, rng_a, height=0.6))[0] == pytest.approx(
        fit_to_canvas([s for s in one.strokes], rng_b, height=0.6)[0][0])  # one placement


def test_fit_to_canvas_finds_no_digit_in_a_dot_or_nothing():
    assert fit_to_canvas([]) is None and fit_to_canvas([np.zeros((0, 2))]) is None
    assert fit_to_canvas([np.array([[5.0, 5.0, 0.0]])]) is None
    assert fit_to_canvas([np.array([[1e8, -3.0], [1e8, -3.0]])]) is None
    with pytest.raises(ValueError, match="finite"):
        fit_to_canvas([np.array([[0.0, 1.0], [np.nan, 2.0]])])
