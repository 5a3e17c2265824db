"""A background job that fails says so in its own panel, and the window goes on.

QA: an error in the Layer health view's job (`HealthJob.run`) or the Why view's (`why_panel.
_Job.run`) escaped to sys.excepthook ("Something went wrong", nothing in the panel). Each job
now catches its error and reports it through its own `failed` signal: the panel says what
failed and what to do, and the next measurement or maps work. Without the catch, pytest-qt
fails these tests on the exception the thread raised."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import TINY_SPEC, default_model, english_runs
from PySide6.QtWidgets import QDockWidget

from nndesk.gui import i18n

LANGUAGES = ["en", "zh_CN", "ja"]


class Breaks:
    """Stands in for an engine function: raises `error` while `broken`, else calls it."""

    def __init__(self, real, error: BaseException) -> None:
        self.real, self.error, self.broken, self.calls = real, error, True, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.broken:
            raise self.error
        return self.real(*args, **kwargs)


def _open(window, name: str) -> None:
    window.findChild(QDockWidget, name).toggleViewAction().trigger()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_failed_health_measurement_is_said_in_its_panel(window, qtbot, monkeypatch, mnist_dir,
                                                          language):
    import nndesk.insight.health as health

    i18n.set_language(language)
    broken = Breaks(health.layer_health, RuntimeError("boom in layer 3"))
    monkeypatch.setattr(health, "layer_health", broken)
    assert window.files.load_model(str(default_model()))
    _open(window, "Layer_health")
    panel = window.health_panel
    qtbot.waitUntil(lambda: broken.calls >= 1 and not panel.busy, timeout=60_000)
    said = panel.status.text()
    if language == "en":
        assert said == ("Layer health could not be measured: boom in layer 3. The rest of the "
                        "window keeps working; change the design or the model to measure "
                        "again.")
    else:
        reason = "boom in layer 3"  # the error's own words, as raised
        assert reason in said and not english_runs(said.replace(reason, "")), said
    assert panel.report is None and panel.isVisible()
    broken.broken = False  # the window goes on: another design is measured
    window.state.set_spec({**TINY_SPEC, "layers": [{"type": "Dense", "units": 10}]})
    qtbot.waitUntil(lambda: panel.report is not None and not panel.busy, timeout=60_000)
    assert panel.figures.table.rowCount() == 1 and "boom" not in panel.status.text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_failed_why_maps_are_said_in_their_panel(window, qtbot, monkeypatch, language):
    import nndesk.insight.saliency as saliency

    i18n.set_language(language)
    broken = Breaks(saliency.gradient_x_input, MemoryError())
    monkeypatch.setattr(saliency, "gradient_x_input", broken)
    assert window.files.load_model(str(default_model()))
    _open(window, "Why_this_answer")
    panel = window.why_panel
    digit = np.zeros((1, 28, 28), dtype=np.float32)
    digit[0, 6:22, 12:16] = 1.0  # a one
    window.state.set_digit(digit)
    qtbot.waitUntil(lambda: panel.problem.isVisible() and not panel.busy, timeout=60_000)
    said = panel.problem.text()
    if language == "en":
        assert said == ("The maps could not be computed: this computer ran out of memory. The "
                        "rest of the window keeps working; draw again to try once more, or "
                        "open another model.")
    else:
        assert not english_runs(said), said
    assert panel.maps is None and panel.images["grad"].pixmap().isNull()
    broken.broken = False  # the window goes on: the next drawing is explained
    window.state.set_digit(digit[:, ::-1].copy())
    qtbot.waitUntil(lambda: panel.maps is not None and not panel.busy, timeout=60_000)
    assert not panel.problem.isVisible() and not panel.images["grad"].pixmap().isNull()
    assert window.state.probabilities is not None  # the canvas's answer all along


# The other views' jobs: the same catch, the same kind of sentence, the same second try.
MLP = {"name": "tiny", "input_shape": [1, 28, 28],
       "layers": [{"type": "Dense", "units": 12}, {"type": "ReLU"}, {"type": "Dense", "units": 10}]}


def _said_in(language: str, said: str, reason: str) -> None:
    assert reason in said, said
    if language != "en":
        assert not english_runs(said.replace(reason, "")), said


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_failed_evaluation_is_said_in_its_panel(qtbot, monkeypatch, mnist_dir, language):
    from PySide6.QtCore import Qt

    import nndesk.insight.evaluation as evaluation
    from nndesk.gui.eval_panel import EvalPanel
    from nndesk.gui.state import AppState
    from nndesk.nn import Network

    i18n.set_language(language)
    broken = Breaks(evaluation.evaluate_model, RuntimeError("boom in the confusion matrix"))
    monkeypatch.setattr(evaluation, "evaluate_model", broken)
    state = AppState()
    panel = EvalPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    state.set_model(Network.from_spec(MLP, seed=1), path="tiny.npz")
    qtbot.waitUntil(lambda: broken.calls == 1 and not panel.busy, timeout=60_000)
    _said_in(language, panel.title.text(), "boom in the confusion matrix")
    if language == "en":
        assert panel.title.text().endswith(
            "The evaluation stopped on an unexpected error: boom in the confusion matrix. The "
            "rest of the window keeps working; press Evaluate to try again.")
    assert panel.evaluation is None
    broken.broken = False
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.evaluation is not None and not panel.busy, timeout=60_000)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_failed_gradient_check_is_said_in_its_panel(qtbot, monkeypatch, language):
    from PySide6.QtCore import Qt

    import nndesk.insight.gradients as gradients
    from nndesk.gui.gradcheck_panel import GradcheckPanel
    from nndesk.gui.state import AppState

    i18n.set_language(language)
    broken = Breaks(gradients.gradcheck_table, MemoryError())
    monkeypatch.setattr(gradients, "gradcheck_table", broken)
    state = AppState()
    state.set_spec({"name": "small", "input_shape": [1, 4, 4], "layers": [
        {"type": "Conv2D", "filters": 2, "kernel_size": 3}, {"type": "Sigmoid"},
        {"type": "Dense", "units": 10}]})
    panel = GradcheckPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: broken.calls == 1 and not panel.busy, timeout=60_000)
    said = panel.summary.text()
    _said_in(language, said, "")
    if language == "en":
        assert said == ("The gradient check failed: this computer ran out of memory (an "
                        "unexpected error: the rest of the window keeps working; press Check "
                        "gradients to try again)")
    broken.broken = False
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 5 and not panel.busy, timeout=60_000)


@pytest.mark.parametrize("language", LANGUAGES)
def test_failed_neighbours_are_said_in_their_view(qtbot, monkeypatch, mnist_dir, tmp_path,
                                                 language):
    """Both of the neighbours' jobs: the features of the training images (Build) and the
    look-up of a drawing (Query)."""
    import nndesk.insight.neighbours as neighbours
    from nndesk.gui.neighbours_view import NeighboursView
    from nndesk.gui.state import AppState
    from nndesk.nn import Network

    monkeypatch.setenv("NNDESK_HOME", str(tmp_path))  # no features cached
    i18n.set_language(language)
    broken = Breaks(neighbours.training_index, RuntimeError("boom in the features"))
    monkeypatch.setattr(neighbours, "training_index", broken)
    state = AppState()
    view = NeighboursView(state)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    state.set_model(Network.from_spec(MLP, seed=3), path="tiny.npz")
    qtbot.waitUntil(lambda: broken.calls == 1 and not view.busy, timeout=60_000)
    _said_in(language, view.status.text(), "boom in the features")
    assert view.start_button.isVisible() and view.index is None
    broken.broken = False
    view.start_button.click()
    qtbot.waitUntil(lambda: view.index is not None and not view.busy, timeout=120_000)
    query = Breaks(view.index.query, RuntimeError("boom in the look-up"))
    monkeypatch.setattr(view.index, "query", query)
    digit = view.index.image(5).reshape(1, 28, 28)
    state.set_digit(digit)
    qtbot.waitUntil(lambda: query.calls >= 1 and not view.busy, timeout=60_000)
    _said_in(language, view.status.text(), "boom in the look-up")
    assert view.found is None
    query.broken = False
    state.set_digit(digit.copy())
    qtbot.waitUntil(lambda: view.found is not None and not view.busy, timeout=60_000)
    assert view.found["pixel"][0]["index"] == 5
