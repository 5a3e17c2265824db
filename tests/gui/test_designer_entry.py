"""Typing into the designer's settings, as a learner does (QA): an invalid value is shown as
typed and refused with the engine's reason, never shown as another number; a float setting
takes scientific notation; Enter in the init box keeps the form, its focus, the panel's
scroll position and the selected layer."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QScrollArea, QSpinBox

from nndesk.gui.designer import DesignerPanel
from nndesk.gui.float_box import FloatBox
from nndesk.gui.state import AppState
from nndesk.gui.train_panel import TrainPanel


def _panels(qtbot, preset: str):
    state = AppState()
    designer, train = DesignerPanel(state), TrainPanel(state)
    for panel in (designer, train):
        qtbot.addWidget(panel)
    designer.show()
    qtbot.waitExposed(designer)
    designer.preset.setCurrentText(preset)
    return state, designer, train


def _type(qtbot, box, text: str) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)


def test_negative_units_are_shown_as_typed_and_refused_with_the_reason(qtbot):
    state, designer, train = _panels(qtbot, "TwoLayerNet")
    designer.select(0)
    units = designer.settings_box.findChild(QSpinBox, "setting_units")
    _type(qtbot, units, "-5")
    assert units.value() == -5 and units.text() == "-5"      # not 5, not 0
    assert state.spec["layers"][0]["units"] == -5
    assert "units must be at least 1, not -5" in designer.problem.text()
    assert designer.table.item(0, 0).text().startswith("⚠")
    assert not train.train_button.isEnabled()
    _type(qtbot, units, "0")
    assert units.text() == "0" and "not 0" in designer.problem.text()
    _type(qtbot, units, "64")
    assert state.spec_error is None and designer.problem.text() == ""
    assert train.train_button.isEnabled()


def test_a_design_holding_an_invalid_value_shows_that_value(qtbot):
    """A design file with units -5 or a dropout rate of -0.5: the box shows -5 (it showed 0
    while the message named -5)."""
    state, designer, _ = _panels(qtbot, "TwoLayerNet")
    spec = dict(state.spec, name="custom")
    spec["layers"] = [{"type": "Dense", "units": -5}, {"type": "Dropout", "rate": -0.5},
                      *state.spec["layers"][1:]]
    state.set_spec(spec)
    designer.select(0)
    assert designer.settings_box.findChild(QSpinBox, "setting_units").text() == "-5"
    assert "not -5" in designer.problem.text()
    designer.select(1)
    rate = designer.settings_box.findChild(QDoubleSpinBox, "setting_rate")
    assert isinstance(rate, FloatBox) and rate.text() == "-0.5"
    spec = dict(spec, layers=[{"type": "MaxPool2D", "pool_size": 2, "stride": -5},
                              *spec["layers"][2:]], input_shape=[1, 28, 28])
    state.set_spec(spec)                                      # a pool's optional stride
    designer.select(0)
    stride = designer.settings_box.findChild(QSpinBox, "setting_stride")
    assert stride.text() == "-5" and "not -5" in designer.problem.text()  # not "same as..."


def test_float_settings_take_scientific_notation(qtbot):
    state, designer, _ = _panels(qtbot, "TwoLayerNet")
    designer.select(0)
    designer.add_layer("BatchNorm")
    eps = designer.settings_box.findChild(QDoubleSpinBox, "setting_eps")
    assert isinstance(eps, FloatBox) and eps.text() == "1e-05"  # was 0.000010
    _type(qtbot, eps, "1e-12")                                # the engine's least
    assert state.spec["layers"][1]["eps"] == 1e-12 and state.spec_error is None
    designer.add_layer("Dropout")
    rate = designer.settings_box.findChild(QDoubleSpinBox, "setting_rate")
    _type(qtbot, rate, "2.5E-1")
    assert state.spec["layers"][2]["rate"] == 0.25 and rate.text() == "0.25"


def test_enter_in_the_init_box_keeps_the_form_the_scroll_and_the_selection(window, qtbot):
    """QA: the view jumped after Enter in the init box. Typing an init that brings the
    design back to its preset ("auto", the preset's own) rebuilt the form under the keys:
    the box lost the focus and the panel scrolled."""
    designer, state = window.designer, window.state
    designer.preset.setCurrentText("DeepConvNet")
    window.left_splitter.setSizes([260, 10_000])            # short: the designer scrolls
    area = designer.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    layer = max(i for i, x in enumerate(state.spec["layers"]) if x["type"] == "Dense") - 3
    designer.select(layer)
    assert state.spec["layers"][layer]["type"] == "Dense"
    init = designer.settings_box.findChild(QComboBox, "setting_init")
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    area.ensureWidgetVisible(init)
    qtbot.wait(20)
    bar, table_bar = area.verticalScrollBar(), designer.table.verticalScrollBar()
    where = (bar.value(), table_bar.value())
    assert where[0] > 0
    items = init.count()
    for text in ("0.05", "auto", "he", "a"):                 # "a": completed to "auto"
        init.setFocus()
        qtbot.waitUntil(init.hasFocus)
        init.lineEdit().selectAll()
        for key in (*text, Qt.Key.Key_Return):               # the box is kept at every key
            qtbot.keyClick(init.lineEdit(), key)
            assert shiboken6.isValid(init), f"{text!r}: the form was rebuilt at {key!r}"
        qtbot.wait(20)
        assert designer.settings_box.findChild(QComboBox, "setting_init") is init, text
        assert init.hasFocus() and designer.selected() == layer, text
        assert (bar.value(), table_bar.value()) == where, text
        assert init.count() == items, text                   # Enter adds no item
    assert state.spec["layers"][layer].get("init", "auto") == "auto"
    assert designer.preset.currentText() == "DeepConvNet"    # back to the preset itself
