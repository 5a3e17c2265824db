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


def test_a_tiny_learning_rate_is_advised_up_not_down(qtbot):
    """QA (eleventh session): SoftmaxRegression, Adam at 3e-7, one epoch, 9.4% validation was
    told "Lower the learning rate". A rate under a tenth of the optimizer's usual one (Adam
    0.001, SGD 0.01: the book's and Keras's defaults) is advised up; a usual or large rate
    keeps the advice to lower it."""
    from nndesk.gui.run_watch import lr_far_too_small, usual_lr

    assert usual_lr("Adam") == 0.001 and usual_lr("sgd") == 0.01
    assert lr_far_too_small("Adam", 3e-7) and lr_far_too_small("Adam", 9e-5)
    assert not lr_far_too_small("Adam", 1e-4) and not lr_far_too_small("Adam", 0.01)
    assert lr_far_too_small("SGD", 1e-6) and not lr_far_too_small("SGD", 0.001)
    state = AppState()
    state.ensure_config()
    controller = TrainingController(state)
    controller.runs = 1
    for optimizer, lr, expected in (("Adam", 3e-7, "3e-07"), ("SGD", 1e-6, "1e-06")):
        controller._on_started({"config": {**state.config, "optimizer": optimizer, "lr": lr},
                                "spec": {"name": "softmax", "input_shape": [1, 28, 28],
                                         "layers": [{"type": "Dense", "units": 10}]},
                                "history": [], "epochs": 1, "batches": 10})
        state.health_trouble = None
        warnings: list[str] = []
        controller.warning.connect(warnings.append)
        controller._on_epoch_done({"epoch": 1, "val_acc": 0.094})
        controller.warning.disconnect(warnings.append)
        assert "Lower the learning rate" not in warnings[0]
        assert f"learning rate {expected} is far below" in warnings[0]
        assert "Raise it" in warnings[0]
    controller._on_started({"config": {**state.config, "optimizer": "Adam", "lr": 0.5},
                            "spec": SIGMOID_STD_1, "history": [], "epochs": 1, "batches": 10})
    warnings = []
    controller.warning.connect(warnings.append)
    controller._on_epoch_done({"epoch": 1, "val_acc": 0.094})
    assert "Lower the learning rate" in warnings[0] and "Raise it" not in warnings[0]
