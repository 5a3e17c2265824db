"""The Training panel's TensorBoard log setting: real runs through the worker thread, the event
files read back with the reader of the CLI's TensorBoard test."""

from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from nndesk.paths import runs_dir

_spec = importlib.util.spec_from_file_location(
    "tb_reader", Path(__file__).parents[1] / "export" / "test_export_tensorboard.py")
_reader = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_reader)
read_events = _reader.read_events

INSTALL = "pip install 'nndesk[tensorboard]'"


@pytest.fixture
def tb_window(window, small_data, dialogs, monkeypatch, tmp_path):
    monkeypatch.setenv("NNDESK_HOME", str(tmp_path))  # this test's own runs folder
    window.training.data = small_data
    window.state.set_config(epochs=2, batch_size=50, lr=0.01)
    return window


def _train(w, qtbot) -> dict:
    with qtbot.waitSignal(w.training.finished, timeout=60_000) as done:
        w.train_panel.train_button.click()
    info = done.args[0]
    assert info["stopped"] == "finished", info["message"]
    return info


def _event_files() -> list[Path]:
    return sorted(runs_dir().rglob("events.out.tfevents.*"))


def test_on_writes_curves_and_histograms_a_reader_finds(tb_window, qtbot):
    w = tb_window
    box = w.train_panel.tensorboard
    assert not box.isChecked() and w.state.config["tensorboard"] is False  # off by default
    assert "tensorboard --logdir" in box.toolTip() and INSTALL in box.toolTip()
    box.click()
    assert w.state.config["tensorboard"] is True
    info = _train(w, qtbot)
    run_name = Path(info["out"]).name.removesuffix(".npz")  # run-<stamp>
    logdir = runs_dir() / "tensorboard" / run_name
    assert [p.parent for p in _event_files()] == [logdir]
    scalars, histograms = defaultdict(dict), set()
    for event in read_events(logdir):
        for value in event.summary.value:
            if value.HasField("histo"):
                histograms.add((value.tag, event.step))
            else:
                scalars[value.tag][event.step] = value.simple_value
    assert sorted(scalars["batch/loss"]) == list(range(1, 25))  # 600 / 50 x 2 epochs
    assert scalars["batch/lr"][1] == pytest.approx(0.01)
    for record in info["metadata"]["history"]:  # what the model file keeps, epoch by epoch
        assert scalars["epoch/val_acc"][record["epoch"]] == pytest.approx(record["val_acc"],
                                                                          rel=1e-6)
    conv = next(i + 1 for i, layer in enumerate(w.state.network.layers) if layer.params)
    assert (f"{conv}.{w.state.network.layers[conv - 1].type}/W", 2) in histograms
    status = w.train_panel.status.text()
    assert f"tensorboard --logdir {logdir.parent}" in status


def test_off_writes_no_event_files(tb_window, qtbot):
    info = _train(tb_window, qtbot)
    assert Path(info["out"]).is_file()  # the run itself was written
    assert _event_files() == [] and not (runs_dir() / "tensorboard").exists()
    assert "TensorBoard" not in tb_window.train_panel.status.text()


def test_without_tensorboardx_the_run_trains_and_says_how_to_install_once(
        tb_window, qtbot, monkeypatch):
    monkeypatch.delitem(sys.modules, "tensorboardX", raising=False)
    monkeypatch.setitem(sys.modules, "tensorboardX", None)  # import tensorboardX fails
    tb_window.train_panel.tensorboard.click()
    info = _train(tb_window, qtbot)
    assert Path(info["out"]).is_file()
    assert _event_files() == []
    assert tb_window.train_panel.status.text().count(INSTALL) == 1
