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
