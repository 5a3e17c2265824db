"""Layer health across the end of a run in the real window (fault 2 of the new user's list):
the run's figures and its gradient-norm history stay, whatever the answer to "Use the new
model?", and nothing is measured (no point added) once training has stopped."""

from __future__ import annotations

import pytest
from gui_helpers import TINY_SPEC, default_model
from PySide6.QtWidgets import QDockWidget, QMessageBox

import nndesk.gui.health_panel as hp


@pytest.fixture
def health_window(window, small_data, monkeypatch, tmp_path, qtbot, questions):
    """The shipped model on the canvas, the tiny design ready to train, Layer health shown,
    measuring every snapshot (no 2 s wait) so a short run has a history."""
    monkeypatch.setenv("NNDESK_HOME", str(tmp_path))
    assert window.files.load_model(str(default_model()))
    questions.clear()  # TinyConv was replaced (Discard): not the test's question
    window.state.set_spec(TINY_SPEC)
    window.training.data = small_data
    window.state.set_config(epochs=3, batch_size=50, lr=0.01, tensorboard=False)
    monkeypatch.setattr(hp, "MIN_INTERVAL_MS", 0)
    monkeypatch.setattr(hp, "SHARE", 1.0)
    window.findChild(QDockWidget, "Layer_health").toggleViewAction().trigger()
    panel = window.health_panel  # the design measured (the probe images read) before the run
    qtbot.waitUntil(lambda: panel.report is not None and not panel.busy, timeout=60_000)
    return window


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No,
                                    QMessageBox.StandardButton.Yes])
def test_the_runs_history_stays_and_grows_no_more_after_the_run(health_window, qtbot,
                                                                questions, answer):
    w, panel = health_window, health_window.health_panel
    questions.answer = answer
    measured: list[str] = []  # what each measurement was of, in order
    panel.measured.connect(measured.append)
    with qtbot.waitSignal(w.training.finished, timeout=120_000) as done:
        w.train_panel.train_button.click()
    assert done.args[0]["stopped"] == "finished", done.args[0]["message"]
    assert [title for title, _ in questions] == ["Use the new model?"]  # below the shipped
    qtbot.waitUntil(lambda: not panel.busy, timeout=60_000)
    history, points = list(panel.norm_history), list(panel.norm_steps)
    assert len(history) >= 1 and "snapshot" in measured
    assert len(panel.report["weighted"]) == 2  # the tiny design's Conv2D and Dense
    assert "the run has ended" in panel.status.text()
    assert "epoch " in panel.status.text() and "/3 · batch " in panel.status.text()
    count = len(measured)
    for _ in range(3):  # the window idles: the timers that would measure again have run
        qtbot.wait(300)
    assert len(measured) == count and panel.norm_history == history
    assert panel.norm_steps == points and len(panel.report["weighted"]) == 2
    curves = panel.figures.norms.getPlotItem().listDataItems()
    assert len(curves) == 2 and len(curves[0].getData()[0]) == len(history)
    # the x axis: the batch each measurement was taken at, said so
    assert points == sorted(points) and points[-1] <= 36  # 3 epochs x 12 batches
    axis = panel.figures.norms.getPlotItem().getAxis("bottom").labelText
    assert "batch" in axis and "2 s" in axis and "training" in panel.figures.norms.getPlotItem(
    ).titleLabel.text
    dock = w.findChild(QDockWidget, "Layer_health")  # closed and opened again: the run's
    dock.toggleViewAction().trigger()                  # figures are shown, not measured anew
    qtbot.waitUntil(lambda: not panel.isVisible())
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(panel.isVisible)
    qtbot.wait(300)
    assert len(measured) == count and panel.norm_history == history
    # the learner then opens a model: it is measured; the run's curve goes (it was the run's)
    assert w.files.load_model(str(default_model()))
    qtbot.waitUntil(lambda: len(panel.report["weighted"]) > 2 and not panel.busy,
                    timeout=120_000)
    assert measured[count:] and set(measured[count:]) == {"model"}
    assert panel.norm_history == [] and panel.norm_steps == []
    assert all(len(c.getData()[0] if c.getData()[0] is not None else []) == 0
               for c in panel.figures.norms.getPlotItem().listDataItems())


def test_a_short_runs_last_figures_are_the_trained_networks(window, small_data, monkeypatch,
                                                             tmp_path, qtbot):
    """QA: after a 1-epoch run the view kept the batch-0 figures (loss untrained) and called
    them the run's last; the run's end measures its trained weights (the last batch)."""
    monkeypatch.setenv("NNDESK_HOME", str(tmp_path))
    assert window.files.load_model(str(default_model()))   # as the tester's window had
    window.state.set_spec(TINY_SPEC)
    window.training.data = small_data
    window.state.set_config(epochs=1, batch_size=50, lr=0.01, tensorboard=False)
    window.findChild(QDockWidget, "Layer_health").toggleViewAction().trigger()
    panel = window.health_panel
    qtbot.waitUntil(lambda: panel.report is not None and not panel.busy, timeout=60_000)
    untrained = panel.report["loss"]
    measured: list[str] = []
    panel.measured.connect(measured.append)
    with qtbot.waitSignal(window.training.finished, timeout=120_000) as done:
        window.train_panel.train_button.click()
    assert done.args[0]["stopped"] == "finished", done.args[0]["message"]
    qtbot.waitUntil(lambda: not panel.busy and "the run has ended" in panel.status.text(),
                    timeout=60_000)
    assert panel.norm_steps[-1] == 12                 # 600 images / 50: the run's last batch
    assert "epoch 1/1 · batch 12/12" in panel.status.text()
    assert panel.report["loss"] < untrained           # trained, not the initial weights
    assert measured and measured[-1] == "snapshot"
