"""Training through the real worker thread: curves, filters, pause/resume/stop, close, NaN."""

from __future__ import annotations

import os

import numpy as np
import pytest
from gui_helpers import TINY_SPEC, english_runs
from PySide6.QtCore import QSettings, QTimer

from nndesk.gui.state import IDLE, PAUSED, RUNNING


@pytest.fixture
def trainer_window(window, small_data, dialogs):
    window.training.data = small_data
    window.state.set_config(epochs=2, batch_size=50, lr=0.01)
    return window


def _steps(run) -> list[float]:
    return list(run.steps[:run.n])


def test_short_run_updates_curves_filters_and_model(trainer_window, qtbot):
    w = trainer_window
    snapshots = []
    w.state.model_changed.connect(lambda: snapshots.append(
        (w.state.model_source, w.inside.filters._rows[0]["tiles"].copy()
         if w.inside.filters._rows and w.inside.filters._rows[0]["tiles"] is not None else None)))
    evaluating = []
    w.training.evaluating.connect(lambda: evaluating.append(w.train_panel.progress.format()))
    with qtbot.waitSignal(w.training.finished, timeout=60_000) as done:
        w.train_panel.train_button.click()
    info = done.args[0]
    assert info["stopped"] == "finished", info["message"]
    run = w.plots.runs[0]
    assert _steps(run) == list(range(1, 25))  # 600 / 50 * 2 epochs, none lost
    assert np.mean(run.losses[19:24]) < np.mean(run.losses[:5])  # it learns
    assert run.epochs == [1, 2] and all(20 < a <= 100 for a in run.val_acc)
    assert w.plots.best_epoch(0) in (1, 2)
    live = [tiles for source, tiles in snapshots if source == "snapshot" and tiles is not None]
    assert len(live) >= 2 and live[0].shape == (4, 5, 5)
    assert not np.allclose(live[0], live[-1])  # the filter images changed while training
    assert w.state.model_source == "file" and w.state.model_path == info["out"]
    assert evaluating == ["evaluating the test set…"]  # the last stage is named, not "ETA 0:00"
    assert w.train_panel.progress.value() == 1000
    assert w.train_panel.status.text().startswith("Finished 2 epochs · test accuracy ")
    assert w.state.training == IDLE and w.train_panel.train_button.isEnabled()
    assert not w.training.busy  # Train works again at once: a second run overlays the first
    w.state.set_config(epochs=1)
    with qtbot.waitSignal(w.training.finished, timeout=60_000):
        w.train_panel.train_button.click()
    assert len(w.plots.runs) == 2 and w.plots.run_list.count() == 2
    assert w.train_panel.status.text().startswith("Finished 1 epoch · ")  # not "1 epochs"


def test_pause_resume_and_stop_keep_a_checkpoint(trainer_window, qtbot):
    """Pause, resume and stop reach the run in its child process: a pause holds its loop
    (the child says at which step), a resume moves it on, a stop during a pause writes the
    checkpoint at the step it was held at."""
    from nndesk.train import load_model

    w = trainer_window
    w.state.set_config(epochs=200)
    with qtbot.waitSignal(w.training.batch_done, timeout=30_000):
        w.train_panel.train_button.click()
    worker = w.training.worker
    assert worker.pid is not None and worker.pid != os.getpid()  # a child process trains
    with qtbot.waitSignal(worker.held, timeout=20_000) as held:
        w.train_panel.pause_button.click()
    assert w.state.training == PAUSED and w.train_panel.pause_button.text() == "Resume"
    at_pause = held.args[0]
    assert worker.step == at_pause  # nothing trained after the hold was reported
    w.train_panel.pause_button.click()
    assert w.state.training == RUNNING and worker.held_at is None
    qtbot.waitUntil(lambda: worker.step > at_pause + 2, timeout=20_000)  # resumed: it moves
    with qtbot.waitSignal(worker.held, timeout=20_000) as held:
        w.train_panel.pause_button.click()
    at_second_pause = held.args[0]
    assert at_second_pause > at_pause + 2
    with qtbot.waitSignal(w.training.finished, timeout=60_000) as done:
        w.train_panel.stop_button.click()
    assert done.args[0]["stopped"] == "stopped"
    ckpt = load_model(done.args[0]["checkpoint"])
    assert ckpt.checkpoint["step"] == at_second_pause


def test_a_stopped_run_does_not_take_the_canvas_from_a_measured_model(trainer_window, qtbot,
                                                                      monkeypatch, tmp_path):
    """QA: Stop put the stopped run's model (never measured on the test images) on the canvas
    in place of the shipped one (99.68%), unasked. It is saved; the canvas keeps its model."""
    from gui_helpers import default_model

    w = trainer_window
    monkeypatch.setenv("NNDESK_HOME", str(tmp_path))
    assert w.files.load_model(str(default_model()))
    before = w.state.network
    w.state.set_spec(TINY_SPEC)
    w.state.set_config(epochs=200)
    with qtbot.waitSignal(w.training.batch_done, timeout=30_000):
        w.train_panel.train_button.click()
    with qtbot.waitSignal(w.training.finished, timeout=60_000) as done:
        w.train_panel.stop_button.click()
    assert done.args[0]["stopped"] == "stopped" and done.args[0]["out"]
    assert w.state.network is before and w.state.model_path == str(default_model())
    status = w.train_panel.status.text()
    assert "keeps the model it had" in status and "not measured" in status


def test_closing_while_training_asks_keeps_a_checkpoint_and_resumes_the_same_run(
        trainer_window, qtbot, questions):
    """Close asks first (No keeps training); Yes stops with a checkpoint. The next start offers
    the run by name, epoch and accuracy, and resuming restores its design, settings and the
    loss curve from before the interruption."""
    from nndesk.gui.main_window import MainWindow
    from nndesk.train import load_model

    w = trainer_window
    w.state.set_config(epochs=200, optimizer="SGD", lr=0.05)
    with qtbot.waitSignal(w.training.epoch_done, timeout=60_000):
        w.train_panel.train_button.click()
    questions.answer = questions.answer.No
    w.close()
    assert questions[-1][0] == "Stop training and quit?" and w.training.busy and w.isVisible()
    questions.answer = questions.answer.Yes
    w.close()
    assert not w.training.busy
    path = QSettings("nndesk", "nndesk").value("resume/checkpoint")
    saved = load_model(path)
    step = saved.checkpoint["step"]
    assert step >= 12 and saved.network.num_params == w.state.network.num_params

    again = MainWindow()
    qtbot.addWidget(again)
    again.build_views()
    again.training.data = w.training.data
    again.designer.preset.setCurrentText("TwoLayerNet")  # another design and other settings
    again.state.set_config(optimizer="Adam", epochs=3, lr=0.001)
    with qtbot.waitSignal(again.training.run_started, timeout=30_000) as started:
        again.offer_resume()
    offer = questions[-1][1]
    assert "TinyConv, SGD lr 0.05:" in offer and "of 200 epochs done" in offer
    assert "validation accuracy" in offer and str(path) in offer
    assert QSettings("nndesk", "nndesk").value("resume/checkpoint") is None
    assert started.args[0].startswith("1: TinyConv")
    restored = again.state.spec["layers"]  # the network's full spec: defaults written out
    assert len(restored) == len(TINY_SPEC["layers"])
    assert all(mine.items() <= full.items()
               for mine, full in zip(TINY_SPEC["layers"], restored, strict=True))
    assert again.designer.table.rowCount() == len(TINY_SPEC["layers"])
    c = again.state.config
    assert (c["optimizer"].lower(), c["epochs"], c["lr"]) == ("sgd", 200, 0.05)
    assert again.train_panel.optimizer.currentText() == "SGD"
    run = again.plots.runs[0]
    assert _steps(run)[:step] == list(range(1, step + 1))  # the curve before the close
    assert run.epochs[0] == 1
    with qtbot.waitSignal(again.training.finished, timeout=60_000):
        again.training.stop()


def test_a_diverging_run_is_warned_while_it_runs_and_never_takes_the_canvas(
        trainer_window, qtbot, tmp_path, dialogs):
    """Learning rate 10 with plain SGD: the loss blows up. The window warns during the run,
    and the canvas keeps the model it had before."""
    from nndesk.nn import Network
    from nndesk.train import save_model

    w = trainer_window
    before = tmp_path / "before.npz"
    save_model(before, Network.from_spec(TINY_SPEC, seed=3), {"accuracy": 0.5})
    assert w.files.load_model(str(before))
    w.state.set_config(optimizer="SGD", lr=10.0, epochs=3)
    warned = []
    w.training.warning.connect(lambda text: warned.append((text, w.training.busy)))
    with qtbot.waitSignal(w.training.finished, timeout=60_000) as done:
        w.train_panel.train_button.click()
    stopped = done.args[0]["stopped"]
    assert stopped in ("finished", "diverged")
    if stopped == "finished":  # the loss grew but stayed finite: the window's own watch
        assert warned and warned[0][1], "no warning while the run was going"
        assert "learning rate" in warned[0][0] and "learning rate" in w.train_panel.warning.text()
        assert "keeps the model it had" in w.train_panel.status.text()
    else:  # the trainer saw it first and stopped the run: its message is the warning
        assert any("learning rate" in text for _, text in dialogs)
    assert w.state.model_path == str(before) and w.state.model_source == "file"


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
    assert w.state.network is None  # there was no model; the diverged one does not become it


def test_a_diverged_run_keeps_its_curve_and_marks_where_it_blew_up(trainer_window, qtbot,
                                                                  dialogs):
    """QA: a run the trainer stopped as diverged left the loss plot empty (its one sane
    loss draws no line). SGD, learning rate 1000, a small MLP, in Japanese: the losses up to
    the divergence are drawn, the batch that blew up is marked "diverged here" in the
    window's language, and the dialog says it all in Japanese."""
    import pyqtgraph as pg

    from nndesk.gui import i18n

    i18n.set_language("ja")
    w = trainer_window
    w.state.set_spec({"name": "MLP", "input_shape": [1, 28, 28], "layers": [
        {"type": "Dense", "units": 24}, {"type": "BatchNorm"}, {"type": "ReLU"},
        {"type": "Dense", "units": 10}]})
    w.state.set_config(optimizer="SGD", lr=1e3, epochs=1)
    with qtbot.waitSignal(w.training.finished, timeout=60_000) as done:
        w.train_panel.train_button.click()
    info = done.args[0]
    assert info["stopped"] == "diverged", info["message"]
    run = w.plots.runs[max(w.plots.runs)]
    step = info["diverged_at"]["step"]
    assert run.n > 0 and run.steps[run.n - 1] <= step
    lines = [m for m in run.marks if isinstance(m, pg.InfiniteLine)]
    assert len(lines) == 1 and lines[0].value() == step
    assert lines[0].label.toPlainText() == "ここで発散" == i18n.tr("diverged here")
    assert lines[0] in w.plots.loss_plot.getPlotItem().items
    title, text = dialogs[-1]
    assert title == i18n.tr("Training diverged") and not english_runs(text), text
    assert "ステップ" in text and "学習率" in text
    from PySide6.QtGui import QAction

    w.findChild(QAction, "language_zh_CN").trigger()  # View ▸ Language: the mark follows
    w.plots.loss_plot.setXRange(0, 500)
    lines[0].label.valueChanged()  # what pyqtgraph calls when the line moves
    assert lines[0].label.toPlainText() == "在此发散"


def test_invalid_design_cannot_start(trainer_window, dialogs):
    w = trainer_window
    spec = dict(w.state.spec, layers=[*w.state.spec["layers"][:2],
                                      {"type": "MaxPool2D", "pool_size": 40}])
    w.state.set_spec(spec)
    assert not w.train_panel.train_button.isEnabled()
    assert not w.training.start() and "design" in dialogs[-1][0]


def test_output_units_must_match_the_classes(trainer_window, dialogs):
    """TwoLayerNet with a 5-unit last Dense: an error on that layer, Train disabled."""
    from nndesk.presets import load_preset

    w = trainer_window
    spec = load_preset("TwoLayerNet")
    last = max(i for i, layer in enumerate(spec["layers"]) if layer["type"] == "Dense")
    spec["layers"][last]["units"] = 5
    w.state.set_spec(spec)
    err = w.state.spec_error
    assert err is not None and err.index == last and err.layer_type == "Dense"
    assert "outputs 5 scores" in str(err) and "10 classes" in str(err)
    assert not w.train_panel.train_button.isEnabled()
    assert w.designer.table.item(last, 0).text() == f"⚠ {last + 1}"
    assert f"layer {last + 1} (Dense)" in w.designer.problem.text()
    assert not w.training.start() and not w.training.busy


def test_a_run_that_fails_before_its_first_batch_leaves_no_empty_run(trainer_window, qtbot,
                                                                     dialogs):
    """A 5-class network slips past the check (the window told it 5 classes): the engine
    refuses MNIST's labels 0..9 at the first batch; the run list keeps no empty entry."""
    from nndesk.presets import load_preset

    w = trainer_window
    w.state.num_classes = 5
    spec = load_preset("SoftmaxRegression")
    spec["layers"][-1]["units"] = 5
    w.state.set_spec(spec)
    assert w.state.spec_error is None
    with qtbot.waitSignal(w.training.finished, timeout=60_000) as done:
        w.train_panel.train_button.click()
    assert done.args[0]["stopped"] == "error"
    assert dialogs and dialogs[-1][0] == "Training stopped"
    assert w.plots.runs == {} and w.plots.run_list.count() == 0


def test_missing_data_is_a_dialog_and_the_window_stays_usable(window, qtbot, dialogs, tmp_path):
    window.training.data_dir = str(tmp_path / "empty")  # no MNIST files there
    with qtbot.waitSignal(window.training.finished, timeout=30_000) as done:
        assert window.training.start()
    assert done.args[0]["stopped"] == "error"
    assert dialogs and dialogs[-1][0] == "Training stopped"
    assert "Use Train again to download MNIST" in dialogs[-1][1]
    assert window.state.training == IDLE and window.train_panel.train_button.isEnabled()
    assert window.plots.run_list.count() == 0


def test_opening_a_model_during_training_is_refused(trainer_window, qtbot, dialogs, tmp_path):
    from nndesk.nn import Network
    from nndesk.train import save_model

    w = trainer_window
    other = tmp_path / "other.npz"
    save_model(other, Network.from_spec(TINY_SPEC, seed=5))
    w.state.set_config(epochs=200)
    with qtbot.waitSignal(w.training.batch_done, timeout=30_000):
        w.train_panel.train_button.click()
    assert not w.files.load_model(str(other))
    assert dialogs[-1][0] == "Cannot open a model while training"
    assert "Stop the run" in dialogs[-1][1]
    assert w.state.model_path != str(other)
    with qtbot.waitSignal(w.training.finished, timeout=60_000):
        w.training.stop()


def test_event_loop_keeps_running_while_training(trainer_window, qtbot):
    """A timer on the GUI thread fires again and again while the run trains: the window
    never freezes (behaviour only; speed figures are in benchmarks/)."""
    w = trainer_window
    w.state.set_config(epochs=200)
    with qtbot.waitSignal(w.training.batch_done, timeout=30_000):
        w.train_panel.train_button.click()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(w.training.busy))
    timer.start(10)
    batches = []
    w.training.batch_done.connect(batches.append)
    qtbot.waitUntil(lambda: len(ticks) >= 20 and len(batches) >= 3, timeout=60_000)
    timer.stop()
    assert all(ticks)  # every tick came while the run was training
    with qtbot.waitSignal(w.training.finished, timeout=60_000):
        w.training.stop()


def test_a_pen_path_design_is_refused_with_the_command_that_trains_it(trainer_window, qtbot,
                                                                      dialogs):
    """PenGRU reads (T, F) sequences: the window, which trains on images, says so before the
    click (Train disabled, its tooltip says why and names `nndesk train --dataset pendigits`);
    Training ▸ Train (Ctrl+T) says the same in a dialog instead of failing on MNIST's shape."""
    from PySide6.QtGui import QAction

    from nndesk.presets import load_preset

    w = trainer_window
    w.state.set_spec(load_preset("PenGRU"))
    assert w.state.spec_error is None
    button = w.train_panel.train_button
    assert not button.isEnabled()
    assert button.toolTip().startswith("This network reads pen paths")
    assert "--dataset pendigits" in button.toolTip()
    train = next(a for a in w.findChildren(QAction) if a.text() == "&Train")
    train.trigger()
    assert not w.training.busy and not w.plots.runs
    assert dialogs and dialogs[-1][0] == "This network reads pen paths"
    assert "--dataset pendigits" in dialogs[-1][1]
    w.state.set_spec(load_preset("TwoLayerNet"))  # an image network: Train again
    assert button.isEnabled() and button.toolTip() == "Train this design on MNIST (Ctrl+T)"


def test_the_window_trains_with_the_command_lines_thread_policy(trainer_window, qtbot):
    """Two batch workers (what the window sets on two cores, gui/app.py) and one BLAS thread
    in the training thread, as `nndesk train` (cli/common.set_threads): the model says so."""
    from nndesk.nn import parallel

    parallel.set_workers(2)
    try:
        trainer_window.state.set_config(epochs=1)
        with qtbot.waitSignal(trainer_window.training.finished, timeout=60_000) as done:
            trainer_window.train_panel.train_button.click()
    finally:
        parallel.set_workers(1)
    info = done.args[0]
    assert info["stopped"] == "finished", info["message"]
    assert info["metadata"]["threads"] == {"batch_workers": 2, "blas_threads": [1]}


def test_the_canvas_copy_of_the_run_is_made_off_the_gui_thread(trainer_window, qtbot,
                                                                monkeypatch):
    """The network the canvas reads snapshots with is built on a thread of its own (drawing
    DigitNet's initial weights stalled the window ~300 ms at the run's first snapshot)."""
    import sys
    import threading

    from nndesk.nn import Network

    w = trainer_window
    made_on = []
    real = Network.from_spec.__func__

    def from_spec(cls, spec, *args, **kwargs):
        made_on.append((sys._getframe(1).f_code.co_name, threading.current_thread().name))
        return real(cls, spec, *args, **kwargs)
    monkeypatch.setattr(Network, "from_spec", classmethod(from_spec))
    sources = []
    w.state.model_changed.connect(lambda: sources.append(w.state.model_source))
    with qtbot.waitSignal(w.training.finished, timeout=60_000):
        w.train_panel.train_button.click()
    assert "snapshot" in sources                           # the canvas followed the run
    for_canvas = [thread for caller, thread in made_on
                  if caller in ("_snapshot_network", "_on_snapshot")]
    assert for_canvas == ["nndesk-snapshot-net"]           # once, off the GUI thread


def test_two_runs_of_custom_designs_are_told_apart_in_the_run_list(window, small_data, qtbot,
                                                                    monkeypatch, tmp_path):
    """QA: two runs were listed as "custom · Adam lr 0.001" both; the second says what
    changed since the one before (here the first layer's init)."""
    monkeypatch.setenv("NNDESK_HOME", str(tmp_path))
    window.training.data = small_data
    window.state.set_config(epochs=1, batch_size=50, optimizer="Adam", lr=0.001,
                            tensorboard=False)
    names = []
    for init in ("he", "xavier"):
        spec = {**TINY_SPEC, "name": "custom", "layers": [dict(TINY_SPEC["layers"][0],
                                                                init=init),
                                                           *TINY_SPEC["layers"][1:]]}
        window.state.set_spec(spec)
        with qtbot.waitSignal(window.training.finished, timeout=120_000):
            window.train_panel.train_button.click()
        names.append(window.plots.run_list.item(len(names)).text())
    assert names[0] == "1: custom · Adam lr 0.001"
    assert names[1] == "2: custom · Adam lr 0.001 · Conv2D 1 Xavier"


def test_the_worse_model_question_waits_for_the_pen_to_lift(qtbot, monkeypatch):
    """A run ending mid-stroke: "Use the new model?" opens once the pen is lifted, and the
    stroke goes on being drawn meanwhile (QA: the dialog took the mouse and cut a 7 short)."""
    from gui_helpers import shown_digit_panel
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    from nndesk.gui.window_dialogs import keep_worse_model

    panel = shown_digit_panel(qtbot)
    canvas, left, none = panel.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    held = []   # the mouse buttons held when the question opened
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (
        held.append(QApplication.mouseButtons()), QMessageBox.StandardButton.No)[1])
    QTest.mousePress(canvas, left, none, QPoint(100, 60))
    QTest.mouseMove(canvas, QPoint(110, 80))
    QTimer.singleShot(100, lambda: QTest.mouseMove(canvas, QPoint(120, 200)))
    QTimer.singleShot(200, lambda: QTest.mouseRelease(canvas, left, none, QPoint(125, 230)))
    assert keep_worse_model(panel)(0.5, 0.9) is False      # No: keep the current model
    assert held == [Qt.MouseButton.NoButton]
    assert len(canvas.strokes) == 1 and len(canvas.strokes[0]) >= 3  # drawn on, then lifted
