"""The gradient-check panel: checks the designer's network in its thread, colours each row."""

from __future__ import annotations

from PySide6.QtCore import Qt

from nndesk.gui.gradcheck_panel import FAIL_COLOR, PASS_COLOR, GradcheckPanel, tensor_name
from nndesk.gui.state import AppState

SPEC = {"name": "small", "input_shape": [1, 4, 4], "layers": [
    {"type": "Conv2D", "filters": 2, "kernel_size": 3}, {"type": "Sigmoid"},
    {"type": "Dense", "units": 10}]}  # one score per digit, as the designer requires


def test_runs_in_background_and_shows_each_tensor(qtbot):
    state = AppState()
    state.set_spec(SPEC)
    panel = GradcheckPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    # the click may let the event loop run: a tiny check can already be back
    assert (panel.busy and panel.stop_button.isEnabled()) or panel.table.rowCount() == 5
    qtbot.waitUntil(lambda: not panel.busy, timeout=60_000)
    tensors = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    assert tensors == ["Conv2D 1 · W (weights)", "Conv2D 1 · b (biases)",
                       "Dense 3 · W (weights)", "Dense 3 · b (biases)", "input x"]
    assert "“2.W”" in panel.table.item(2, 0).toolTip()  # the engine's key, for the CLI
    assert panel.table.item(0, 1).text() == "2×1×3×3"
    for r in range(panel.table.rowCount()):
        assert panel.table.item(r, 3).text() == "pass"
        assert panel.table.item(r, 2).background().color().name() == PASS_COLOR
        assert float(panel.table.item(r, 2).text()) < 1e-6
    assert "All 5 tensors agree (relative error below 1e-6)" in panel.summary.text()
    assert FAIL_COLOR != PASS_COLOR


def test_a_broken_design_cannot_be_checked(qtbot):
    state = AppState()
    panel = GradcheckPanel(state)
    qtbot.addWidget(panel)
    state.set_spec({"name": "bad", "input_shape": [1, 2, 2], "layers": [
        {"type": "MaxPool2D", "pool_size": 3}, {"type": "Dense", "units": 2}]})
    assert not panel.run_button.isEnabled()
    assert panel.summary.text().startswith("Fix the design first")
    from nndesk.gui import i18n

    i18n.set_language("ja")  # the engine's reason in the window's language (QA: English)
    state.set_spec({"name": "bad", "input_shape": [1, 2, 2], "layers": [
        {"type": "MaxPool2D", "pool_size": 3}, {"type": "Dense", "units": 2}]})
    text = panel.summary.text()
    assert text.startswith(i18n.tr("Fix the design first: {error}").split("{")[0]), text
    assert "レイヤ 1" in text and "window" not in text


def _row(layer, position, param):
    return {"layer": layer, "position": position, "param": param}


def test_names_numbered_from_1_and_translated(qapp):
    from nndesk.gui.i18n import set_language

    assert tensor_name(_row("BatchNorm", 2, "gamma")) == "BatchNorm 2 · gamma (scale)"
    assert tensor_name(_row("GRU", 1, "back.U")) == "GRU 1 · backward U (recurrent weights)"
    assert tensor_name(_row("", None, "input")) == "input x"
    try:
        set_language("zh_CN")
        assert tensor_name(_row("Conv2D", 1, "W")) == "Conv2D 1 · W（权重）"
        assert tensor_name(_row("BatchNorm", 2, "beta")) == "BatchNorm 2 · beta（平移）"
        set_language("ja")
        assert tensor_name(_row("Dense", 4, "b")) == "Dense 4 · b（バイアス）"
    finally:
        set_language("en")


def test_another_design_clears_the_previous_designs_results(window, qtbot):
    """QA: picking another preset changed the header's name but kept the old tensors as
    "pass"; the rows are of one design and go when the design changes."""
    from PySide6.QtWidgets import QDockWidget

    window.findChild(QDockWidget, "Gradient_check").toggleViewAction().trigger()
    panel = window.gradcheck_panel
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0 and not panel.busy, timeout=120_000)
    window.designer.preset.setCurrentText("TwoLayerNet")   # the learner picks a preset
    assert window.state.spec["name"] == "TwoLayerNet"
    assert "TwoLayerNet" in panel.summary.text()
    assert panel.table.rowCount() == 0 and panel.rows is None
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0 and not panel.busy, timeout=120_000)
    assert panel.table.item(0, 0).text() == "Dense 1 · W (weights)"
    rows = panel.table.rowCount()
    window.state.set_spec(dict(window.state.spec))   # the same design again: rows stay
    assert panel.table.rowCount() == rows == 5


def test_an_edited_designs_name_is_in_the_windows_language(window, qtbot):
    """QA: the Japanese header said “custom” (the designer's own word is translated)."""
    from nndesk.gui import i18n

    i18n.set_language("ja")
    window.designer.preset.setCurrentText("TwoLayerNet")
    window.designer.select(1)
    window.designer.remove_layer()                     # edited: the design is "custom"
    assert window.state.spec["name"] == "custom"
    text = window.gradcheck_panel.summary.text()
    assert "カスタム" in text and "custom" not in text
