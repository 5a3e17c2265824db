"""The evaluation view on the user's digit folder and on the held-out pen digits shows the
numbers `nndesk eval --folder` and `nndesk eval --pendigits 21-30` print."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

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
