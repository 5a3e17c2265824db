"""Training through the real worker thread: curves, filters, pause/resume/stop, close, NaN."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from nndesk.gui.state import IDLE, PAUSED, RUNNING


@pytest.fixture
def trainer_window(window, small_data, dialogs):
    window.training.data = small_data
    window.state.set_config(epochs=2, batch_size=50, lr=0.01)
    return window


def test_short_run_updates_curves_filters_and_model(trainer_window, qtbot):
    w = trainer_window
    snapshots = []
    w.state.model_changed.connect(lambda: snapshots.append(
        (w.state.model_source, w.inside.filters._rows[0]["tiles"].copy()
         if w.inside.filters._rows and w.inside.filters._rows[0]["tiles"] is not None else None)))
    with qtbot.waitSignal(w.training.finished, timeout=60_000) as done:
        w.train_panel.train_button.click()
    info = done.args[0]
    assert info["stopped"] == "finished", info["message"]
    run = w.plots.runs[0]
    assert run.steps[-1] == 24 and len(run.losses) == 24  # 600 / 50 * 2 epochs, none lost
    assert np.mean(run.losses[-5:]) < np.mean(run.losses[:5])  # it learns
    assert run.epochs == [1, 2] and all(0 < a <= 100 for a in run.val_acc)
    assert w.plots.best_epoch(0) in (1, 2)
    live = [tiles for source, tiles in snapshots if source == "snapshot" and tiles is not None]
    assert len(live) >= 2 and live[0].shape == (4, 5, 5)
    assert not np.allclose(live[0], live[-1])  # the filter images changed while training
    assert w.state.model_source == "file" and w.state.model_path == info["out"]
    assert w.train_panel.progress.value() == 1000
    assert w.state.training == IDLE and w.train_panel.train_button.isEnabled()
    assert not w.training.busy  # Train works again at once: a second run overlays the first
    with qtbot.waitSignal(w.training.finished, timeout=60_000):
        w.train_panel.train_button.click()
    assert len(w.plots.runs) == 2 and w.plots.run_list.count() == 2


def test_pause_resume_and_stop_keep_a_checkpoint(trainer_window, qtbot):
    from nndesk.train import load_model

    w = trainer_window
    w.state.set_config(epochs=200)
    with qtbot.waitSignal(w.training.batch_done, timeout=30_000):
        w.train_panel.train_button.click()
    w.train_panel.pause_button.click()
    assert w.state.training == PAUSED and w.train_panel.pause_button.text() == "Resume"
    qtbot.wait(300)  # a batch already running may still report
    steps = len(w.plots.runs[0].steps)
    qtbot.wait(500)
    assert len(w.plots.runs[0].steps) == steps  # paused: nothing moves
    w.train_panel.pause_button.click()
    assert w.state.training == RUNNING
    qtbot.waitUntil(lambda: len(w.plots.runs[0].steps) > steps, timeout=20_000)
    with qtbot.waitSignal(w.training.finished, timeout=60_000) as done:
        w.train_panel.stop_button.click()
    assert done.args[0]["stopped"] == "stopped"
    ckpt = load_model(done.args[0]["checkpoint"])
    assert ckpt.checkpoint is not None and ckpt.checkpoint["step"] >= steps


def test_closing_while_training_keeps_a_checkpoint_and_offers_resume(trainer_window, qtbot,
                                                                     monkeypatch):
    from nndesk.gui.main_window import MainWindow
    from nndesk.train import load_model

    w = trainer_window
    w.state.set_config(epochs=200)
    with qtbot.waitSignal(w.training.batch_done, timeout=30_000):
        w.train_panel.train_button.click()
    w.close()
    assert not w.training.busy
    path = QSettings("nndesk", "nndesk").value("resume/checkpoint")
    saved = load_model(path)
    assert saved.checkpoint is not None and saved.checkpoint["step"] >= 1
    assert saved.network.num_params == w.state.network.num_params

    again = MainWindow()
    qtbot.addWidget(again)
    again.build_views()
    again.training.data = w.training.data
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    again.offer_resume()
    assert asked and QSettings("nndesk", "nndesk").value("resume/checkpoint") is None
    with qtbot.waitSignal(again.training.run_started, timeout=30_000) as started:
        pass
    assert started.args[0].startswith("1: TinyConv")
    again.training.shutdown(60_000)


def test_divergent_run_shows_the_trainers_message(trainer_window, qtbot, dialogs):
    w = trainer_window
    w.state.set_spec({"name": "BNMLP", "input_shape": [1, 28, 28], "layers": [
        {"type": "Dense", "units": 24}, {"type": "BatchNorm"}, {"type": "ReLU"},
        {"type": "Dense", "units": 10}]})  # BatchNorm keeps ReLUs alive: the loss blows up
    w.state.set_config(optimizer="SGD", lr=1e6, epochs=1)
    with qtbot.waitSignal(w.training.finished, timeout=60_000) as done:
        w.train_panel.train_button.click()
    assert done.args[0]["stopped"] == "diverged"
    assert any("learning rate" in text for _, text in dialogs)
    assert w.state.training == IDLE


def test_invalid_design_cannot_start(trainer_window, dialogs):
    w = trainer_window
    spec = dict(w.state.spec, layers=[*w.state.spec["layers"][:2],
                                      {"type": "MaxPool2D", "pool_size": 40}])
    w.state.set_spec(spec)
    assert not w.train_panel.train_button.isEnabled()
    assert not w.training.start() and "design" in dialogs[-1][0]


def test_missing_data_is_a_dialog_and_the_window_stays_usable(window, qtbot, dialogs, tmp_path):
    window.training.data_dir = str(tmp_path / "empty")  # no MNIST files there
    with qtbot.waitSignal(window.training.finished, timeout=30_000) as done:
        assert window.training.start()
    assert done.args[0]["stopped"] == "error"
    assert dialogs and dialogs[-1][0] == "Training stopped"
    assert "Use Train again to download MNIST" in dialogs[-1][1]
    assert window.state.training == IDLE and window.train_panel.train_button.isEnabled()


def test_event_loop_keeps_running_while_training(trainer_window, qtbot):
    """A 10 ms timer keeps ticking during training: the window never freezes."""
    from nndesk.gui.measure import StallMeter

    w = trainer_window
    w.state.set_config(epochs=200)
    with qtbot.waitSignal(w.training.batch_done, timeout=30_000):
        w.train_panel.train_button.click()
    meter = StallMeter()
    meter.start()
    qtbot.wait(3000)
    stats = meter.stop()
    with qtbot.waitSignal(w.training.finished, timeout=60_000):
        w.training.stop()
    assert stats["n"] > 100  # ~300 ticks in 3 s if never late; a frozen loop gives a handful
    assert stats["p50"] < 20 and stats["max"] < 1000, stats  # generous: CI machines are busy
