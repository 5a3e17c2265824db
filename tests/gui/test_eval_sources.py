"""The evaluation view on the user's digit folder and on the held-out pen digits shows the
numbers `nndesk eval --folder` and `nndesk eval --pendigits 21-30` print."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nndesk.cli import main
from nndesk.gui.eval_panel import EvalPanel
from nndesk.gui.state import AppState

ROOT = Path(__file__).resolve().parents[2]
KEYS = ("n", "accuracy", "per_digit", "confusion")


@pytest.fixture
def model_file(trained_softmax, tmp_path):
    from nndesk.train.modelfile import save_model

    return save_model(tmp_path / "sr.npz", trained_softmax[0])


def _evaluate(qtbot, net, source: str) -> dict:
    state = AppState()
    panel = EvalPanel(state)
    qtbot.addWidget(panel)
    keys = [panel.source.itemData(i) for i in range(panel.source.count())]
    assert source in keys
    panel.source.setCurrentIndex(keys.index(source))
    panel.resize(1000, 520)
    panel.show()
    qtbot.waitExposed(panel)
    state.set_model(net, path="sr.npz")
    qtbot.waitUntil(lambda: panel.evaluation is not None and not panel.busy, timeout=120_000)
    return panel.evaluation.report


def _cli(capsys, argv) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_my_digit_folder(qtbot, trained_softmax, model_file, tmp_path, monkeypatch, capsys):
    from nndesk.data.strokes import image_to_bitmap
    from nndesk.insight.handwriting import save_digit

    folder = tmp_path / "my_digits"
    monkeypatch.setenv("NNDESK_MY_DIGITS", str(folder))
    net, d = trained_softmax
    for i in range(40):
        save_digit(image_to_bitmap(d.x_test[i]), int(d.t_test[i]))
    ours = _evaluate(qtbot, net, "folder")
    cli = _cli(capsys, ["eval", str(model_file), "--folder", str(folder), "--json"])
    assert ours["n"] == 40
    for key in KEYS:
        assert ours[key] == cli[key], key


@pytest.fixture
def few_pen_digits(tmp_path):
    """The first 60 digits of the held-out writers, cut from the real file (rendering all
    2,500 takes minutes on a shared machine)."""
    env = os.environ.get("NNDESK_PENDIGITS")
    real = Path(env) if env else ROOT.parent / "shared" / "data" / "pendigits" / \
        "pendigits-orig.tra"
    if not real.is_file():
        pytest.skip(f"pendigits file not found at {real} (set NNDESK_PENDIGITS)")
    header, segments, current = [], [], None
    for line in real.read_text(encoding="ascii").splitlines():
        if line.startswith(".SEGMENT"):
            current = [line]
            segments.append(current)
        elif current is None:
            header.append(line)
        else:
            current.append(line)
    held = [s for s in segments if s[1].startswith(".COMMENT")
            and 21 <= int(s[1].split()[2]) <= 30][:60]
    out = tmp_path / "pendigits-orig.tra"
    out.write_text("\n".join(header + [ln for s in held for ln in s]) + "\n", encoding="ascii")
    return out


def test_held_out_pen_digits(qtbot, trained_softmax, model_file, few_pen_digits, monkeypatch,
                             capsys):
    monkeypatch.setenv("NNDESK_PENDIGITS", str(few_pen_digits))
    ours = _evaluate(qtbot, trained_softmax[0], "pendigits")
    cli = _cli(capsys, ["eval", str(model_file), "--pendigits", "21-30", "--json"])
    assert ours["n"] == 60
    for key in KEYS:
        assert ours[key] == cli[key], key
    assert 0 < np.trace(np.array(ours["confusion"])) < 60  # right about some, not all


def test_no_pen_digits_no_choice(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("NNDESK_PENDIGITS", str(tmp_path / "absent.tra"))
    panel = EvalPanel(AppState())
    qtbot.addWidget(panel)
    keys = [panel.source.itemData(i) for i in range(panel.source.count())]
    assert keys == ["test", "folder"]


def test_pen_digits_drawn_under_progress_as_the_cli_draws_them(few_pen_digits, monkeypatch):
    from nndesk.data.pendigits import HELD_OUT_WRITERS, load_pendigits, render_set
    from nndesk.insight.evaluation import PROGRESS_EVERY, Cancelled, load_pen_digits

    monkeypatch.setenv("NNDESK_PENDIGITS", str(few_pen_digits))
    reports = []
    x, t = load_pen_digits(progress=lambda done, total: reports.append((done, total)))
    ref_x, ref_t, _ = render_set([d for d in load_pendigits(few_pen_digits)
                                  if d.writer in HELD_OUT_WRITERS], seed=0)
    np.testing.assert_array_equal(x, ref_x)  # `nndesk eval --pendigits`'s own images
    np.testing.assert_array_equal(t, ref_t)
    assert reports == [(k, 60) for k in range(PROGRESS_EVERY, 60, PROGRESS_EVERY)] + [(60, 60)]
    asked = []
    with pytest.raises(Cancelled):
        load_pen_digits(should_stop=lambda: asked.append(1) or len(asked) == 2)
    assert len(asked) == 2  # stopped at the second check: 25 digits drawn, not 60


def test_pen_digits_stage_shows_progress_and_stops(qtbot, trained_softmax, few_pen_digits,
                                                   monkeypatch):
    """The drawing runs under the progress bar ("drawing the pen digits: 25 of 60"), then the
    evaluation; Stop during the drawing ends it at the next check (counted draws)."""
    import threading

    import nndesk.data.pendigits as pendigits
    from nndesk.gui import eval_thread

    monkeypatch.setenv("NNDESK_PENDIGITS", str(few_pen_digits))
    drawn, stopped = [], threading.Event()
    real = pendigits.render

    def render(*args, **kwargs):
        drawn.append(1)
        if len(drawn) == 30 and pause.is_set():
            stopped.wait(30)  # the test presses Stop while the drawing is at 30 of 60
        return real(*args, **kwargs)

    pause = threading.Event()
    monkeypatch.setattr(pendigits, "render", render)
    state = AppState()
    panel = EvalPanel(state)
    qtbot.addWidget(panel)
    seen = []
    panel.progress.valueChanged.connect(
        lambda v: seen.append((panel.progress.format(), v, panel.progress.maximum())))
    keys = [panel.source.itemData(i) for i in range(panel.source.count())]
    panel.source.setCurrentIndex(keys.index("pendigits"))
    panel.show()
    state.set_model(trained_softmax[0], path="sr.npz")
    qtbot.waitUntil(lambda: panel.evaluation is not None and not panel.busy, timeout=120_000)
    assert ("drawing the pen digits: %v of %m", 25, 60) in seen
    assert seen[-1] == ("evaluating: %v of %m images", 60, 60)
    drawing = [i for i, s in enumerate(seen) if s[0].startswith("drawing")]
    assert max(drawing) < seen.index(seen[-1])  # drawn first, then evaluated
    # again, and Stop while the drawing is at 30 of 60
    drawn.clear()
    pause.set()
    first = panel.evaluation.report
    panel.evaluation = None
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(drawn) >= 30, timeout=60_000)
    assert panel.stage == "draw" and panel.stop_button.isEnabled()
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    stopped.set()
    qtbot.waitUntil(lambda: not eval_thread.RUNNING, timeout=60_000)
    assert len(drawn) == 50  # the check after the 50th digit stopped it: 10 never drawn
    assert panel.evaluation is None and panel.title.text() == (   # the first one's numbers
        f"sr.npz: accuracy {100 * first['accuracy']:.2f}% on 60 images (pen digits (writers "
        f"21-30) as images) · Evaluation stopped")
    assert panel.progress.format() == "stopped"


def test_my_digits_before_any_is_saved_says_how_to_get_some(qtbot, trained_softmax, tmp_path,
                                                            monkeypatch):
    """No digit saved yet (the folder is made at the first save): the view says to save some
    from the canvas, not that a path is 'not a folder'."""
    monkeypatch.setenv("NNDESK_MY_DIGITS", str(tmp_path / "never-made"))
    state = AppState()
    panel = EvalPanel(state)
    qtbot.addWidget(panel)
    keys = [panel.source.itemData(i) for i in range(panel.source.count())]
    panel.source.setCurrentIndex(keys.index("folder"))
    panel.resize(1000, 520)
    panel.show()
    qtbot.waitExposed(panel)
    state.set_model(trained_softmax[0], path="sr.npz")
    qtbot.waitUntil(lambda: not panel.busy and "save some" in panel.title.text(),
                    timeout=60_000)
    assert "not a folder" not in panel.title.text() and "never-made" not in panel.title.text()
