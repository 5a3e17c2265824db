"""IntBox reads a whole number in scientific notation as a FloatBox reads a float, and makes
a number that is not whole the nearest whole number in its range, shown (QA: "5e3" typed into
the training images became 53 and "1e1" into the epochs 11, silently: QSpinBox refused the
"e" key; the README says number fields take 0.001 or 1e-3 alike)."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from nndesk.gui.float_box import IntBox


def _typed(qtbot, box, text: str) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)


@pytest.mark.parametrize(("field", "typed", "value", "shown"), [
    ("train_limit", "5e3", 5000, "5000"), ("epochs", "1e1", 10, "10"),
    ("batch_size", "1.28E2", 128, "128"), ("val_split", "2.5e3", 2500, "2500"),
    ("epochs", "1.5", 2, "2"),          # not whole: the nearest whole number, shown
    ("epochs", "1e-3", 1, "1"),         # 0.001 epochs: the least, 1, shown
    ("train_limit", "1e9", 60_000, "60000")])   # beyond the range: the bound, shown
def test_the_training_panel_reads_scientific_notation_into_the_run_settings(
        window, qtbot, field, typed, value, shown):
    window.resize(1280, 720)
    panel = window.train_panel
    box = getattr(panel, field)
    _typed(qtbot, box, typed)
    assert (box.text(), box.value()) == (shown, value)
    assert window.state.config[field] == value          # what the run is given


def test_full_width_scientific_notation_from_an_input_method_is_read(window, qtbot):
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    box = window.train_panel.epochs
    box.setFocus()
    box.lineEdit().selectAll()
    for ch in "１ｅ１":                                  # committed one at a time
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(box.lineEdit(), event)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.value() == 10 and window.state.config["epochs"] == 10


def _box(qtbot, low: int, high: int) -> IntBox:
    box = IntBox(minimum=low, maximum=high)
    qtbot.addWidget(box)
    box.show()
    return box


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mantissa=st.decimals(min_value=-10**6, max_value=10**6, places=3,
                            allow_nan=False, allow_infinity=False),
       exponent=st.integers(-8, 8), upper=st.booleans())
def test_any_number_in_scientific_notation_is_its_nearest_whole_number_in_the_range(
        qtbot, mantissa, exponent, upper):
    """Whatever the number typed as mantissa e exponent, the box ends the edit on the whole
    number nearest to it inside the range and shows exactly that: "5e3" 5000, "1.5" 2."""
    box = _box(qtbot, -1000, 100_000)
    box.setValue(7)
    text = f"{mantissa}{'E' if upper else 'e'}{exponent}"
    number = min(max(Decimal(text), Decimal(-1000)), Decimal(100_000))
    expected = int(number.to_integral_value(ROUND_HALF_EVEN))
    _typed(qtbot, box, text)
    assert box.value() == expected and box.text() == str(expected)


@pytest.mark.parametrize(("typed", "ended"), [("5e", 7), ("5e-", 7), ("1.", 1), ("-1e", 7)])
def test_a_number_in_scientific_notation_on_its_way_stands_while_typed(qtbot, typed, ended):
    """Each key stands; a half number gives the value from before back when Enter ends it."""
    box = _box(qtbot, 0, 100)
    box.setValue(7)
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), typed)
    assert box.lineEdit().text() == typed              # no key refused
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert (box.text(), box.value()) == (str(ended), ended)
