"""QA 8: two equally useless runs (sigmoid, std 1.0: 14.8% and 16.9% validation accuracy)
were handled differently by a 15% line, and the hint named only the learning rate. One rule
(validation accuracy under twice chance) for the epoch's warning and for keeping the canvas's
model; the hint points at Layer health and the initial weights when Layer health measured
saturated units."""

from __future__ import annotations

from nndesk.gui.health_panel import HealthPanel
from nndesk.gui.run_watch import not_learning
from nndesk.gui.state import AppState
from nndesk.gui.training import TrainingController

SIGMOID_STD_1 = {"name": "sig", "input_shape": [1, 28, 28], "layers": [
    {"type": "Dense", "units": 50, "init": 1.0}, {"type": "Sigmoid"},
    {"type": "Dense", "units": 50, "init": 1.0}, {"type": "Sigmoid"},
    {"type": "Dense", "units": 10}]}


def test_the_two_qa_runs_are_both_not_learning_and_a_learning_run_is_not():
    assert not_learning(0.148, 10) and not_learning(0.169, 10)
    assert not not_learning(0.25, 10) and not not_learning(0.9, 10)
    assert not not_learning(None, 10)  # no validation: nothing said


def test_the_warning_and_the_canvas_rule_agree_and_point_at_layer_health(qtbot, mnist_dir):
    state = AppState()
    panel = HealthPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    state.set_spec(SIGMOID_STD_1)            # measured with its initial weights: saturated
    qtbot.waitUntil(lambda: panel.report is not None and not panel.busy, timeout=60_000)
    assert state.health_trouble == "saturated"
    controller = TrainingController(state)
    for acc in (0.148, 0.169):               # the two QA runs: the same treatment
        warnings: list[str] = []
        controller.warning.connect(warnings.append)
        controller._on_epoch_done({"epoch": 2, "val_acc": acc})
        controller.warning.disconnect(warnings.append)
        assert len(warnings) == 1 and "not learning" in warnings[0]
        assert "Layer health" in warnings[0] and "initial weights" in warnings[0]
        assert controller.failed({"stopped": "finished"})  # the canvas keeps its model
    warnings = []
    controller.warning.connect(warnings.append)
    controller._on_epoch_done({"epoch": 3, "val_acc": 0.6})  # it learns after all (QA: the
    assert warnings == [""]                         # warning stayed, quoting an old epoch)
    assert not controller.failed({"stopped": "finished"})
    controller._on_epoch_done({"epoch": 4, "val_acc": 0.7})
    assert warnings == [""]                         # withdrawn once


def test_the_hint_follows_the_run_with_layer_health_closed(qtbot, mnist_dir):
    """`health_trouble` was set only by the Layer health view: with the view closed a run of
    saturated sigmoids got the general hint. A run starts with no verdict; an epoch under
    twice chance measures the run's weights (no view, nothing per snapshot) and warns again
    with the measured cause."""
    from nndesk.nn import Network

    state = AppState()
    state.ensure_config()
    state.health_trouble = "dead"  # a verdict from an earlier design: not this run's
    controller = TrainingController(state)
    controller.runs = 1
    controller._on_started({"config": dict(state.config), "spec": SIGMOID_STD_1,
                            "history": [], "epochs": 3, "batches": 10})
    assert state.health_trouble is None
    state.set_model(Network.from_spec(SIGMOID_STD_1), source="snapshot",
                    at={"step": 10, "epoch": 1, "batch": 10})   # the run's latest weights
    assert not controller.health.busy                          # a snapshot measures nothing
    warnings: list[str] = []
    controller.warning.connect(warnings.append)
    controller._on_epoch_done({"epoch": 1, "val_acc": 0.148})
    assert len(warnings) == 1 and "initial weights" in warnings[0]  # at once, the general hint
    assert controller.health.busy
    qtbot.waitUntil(lambda: len(warnings) == 2, timeout=60_000)
    assert state.health_trouble == "saturated"
    assert "Layer health measured saturated" in warnings[1] and "epoch 1" in warnings[1]


def test_a_withdrawn_warning_leaves_the_panel(qtbot):
    from nndesk.gui.train_panel import TrainPanel

    state = AppState()
    panel = TrainPanel(state)
    qtbot.addWidget(panel)
    controller = TrainingController(state)
    controller.warning.connect(panel.show_warning)
    controller._on_epoch_done({"epoch": 1, "val_acc": 0.12})
    assert "not learning" in panel.warning.text()
    controller._on_epoch_done({"epoch": 2, "val_acc": 0.5})
    assert panel.warning.text() == ""
