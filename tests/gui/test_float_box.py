"""FloatBox, the one field for a float setting: scientific notation and plain decimals typed
and shown in any locale, half-typed numbers allowed, other text refused, out-of-range numbers
clamped where the learner sees it, steps on the last digit, the wheel guard respected (QA: lr
1e-6 could not be entered, "1e-4" became 14, weight decay showed "0.000000")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QValidator

from nndesk.gui.float_box import FloatBox, compact, parse_float

_HALF = str.maketrans("１ｅ－４０．５", "1e-40.5")


def _typed(qtbot, box: FloatBox, text: str, enter: bool = True) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    if enter:
        qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)


def _box(qtbot, low=1e-8, high=1e6, value=0.001, **kw) -> FloatBox:
    box = FloatBox(low, high, value, **kw)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    return box


@pytest.mark.parametrize(("text", "value"), [
    ("1e-4", 1e-4), ("3e-7", 3e-7), ("3E-7", 3e-7), ("0.001", 0.001), (".5", 0.5),
    ("1e-8", 1e-8), ("2.5e-3", 0.0025), ("10", 10.0), ("1e+2", 100.0)])
def test_typing_a_number_gives_that_number(qtbot, text, value):
    box = _box(qtbot)
    seen = []
    box.valueChanged.connect(seen.append)
    _typed(qtbot, box, text)
    assert box.value() == value and seen[-1] == value
    assert parse_float(box.text()) == value            # shown as it reads back


def test_full_width_digits_from_an_input_method_are_read(qtbot):
    """A Chinese or Japanese input method in full-width mode commits "１ｅ－４" and "０．５"."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    box = _box(qtbot, 0.0, 1.0, 0.1)
    for text, value, shown in (("１ｅ－４", 1e-4, "0.0001"), ("０．５", 0.5, "0.5")):
        box.setFocus()
        box.lineEdit().selectAll()
        for ch in text:                                # one committed character at a time
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(box.lineEdit(), event)
        assert box.lineEdit().text() == text.translate(_HALF)  # shown as it is read
        qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
        assert box.value() == value and box.text() == shown
    for bad in ("٣", "１，５", "½"):                       # other digits, a comma: refused
        assert box.validate(bad, len(bad))[0] == QValidator.State.Invalid, bad


def test_values_are_shown_compactly(qtbot):
    box = _box(qtbot, 0.0, 1.0, 0.0)
    assert box.text() == "0"                           # not 0.000000
    for value, text in ((1e-6, "1e-06"), (0.001, "0.001"), (0.0005, "0.0005"), (1.0, "1"),
                        (3e-7, "3e-07"), (0.25, "0.25")):
        box.setValue(value)
        assert box.value() == value and box.text() == text
    assert compact(1e6) == "1000000.0"[:-2] and compact(-0.0) == "0"


def test_half_typed_numbers_stand_and_other_text_is_refused(qtbot):
    box = _box(qtbot)
    for partial in ("1e-", "1e", "-", ".", "", "-.", "1E+", "1e9"):
        assert box.validate(partial, len(partial))[0] == QValidator.State.Intermediate
    for bad in ("abc", "1,5", "1e-4x", "inf", "nan", "1_000", "e5", "1..2", "0x10"):
        assert box.validate(bad, len(bad))[0] == QValidator.State.Invalid, bad
    _typed(qtbot, box, "1e-", enter=False)
    assert box.text() == "1e-"                         # allowed while typing
    qtbot.keyClicks(box.lineEdit(), "x")               # refused: not a key of a number
    assert box.text() == "1e-"
    qtbot.keyClicks(box.lineEdit(), "5")
    assert box.value() == 1e-5
    _typed(qtbot, box, "zzz")                          # nothing of it is taken
    assert box.value() == 1e-5 and box.text() == "1e-05"
    _typed(qtbot, box, "1e-")                          # Enter on a half number: the last value
    assert box.value() == 1e-5 and box.text() == "1e-05"


def test_a_number_outside_the_range_is_clamped_to_the_bound_shown(qtbot):
    box = _box(qtbot, 0.0, 1.0, 0.1)
    _typed(qtbot, box, "5")
    assert box.value() == 1.0 and box.text() == "1"
    lr = _box(qtbot)
    _typed(qtbot, lr, "1e-9")                          # below the learning rate's 1e-8
    assert lr.value() == 1e-8 and lr.text() == "1e-08"


def test_steps_change_the_last_digit_written(qtbot):
    box = _box(qtbot, 0.0, 10.0, 0.001)
    box.setSingleStep(1e-4)
    ups = []
    for _ in range(10):
        box.stepUp()
        ups.append(box.text())
    assert ups == ["0.002", "0.003", "0.004", "0.005", "0.006", "0.007", "0.008", "0.009",
                   "0.01", "0.02"]
    box.setValue(0.01)
    box.stepDown()
    assert box.text() == "0.009"                       # not 0
    box.setValue(1e-6)
    box.stepUp()
    assert box.value() == 2e-6
    box.setValue(1e-6)
    box.stepDown()
    assert box.value() == 9e-7
    box.setValue(0.0015)
    box.stepUp()
    assert box.value() == 0.0016
    box.setValue(0.0)
    box.stepUp()                                       # from 0: the single step
    assert box.value() == 1e-4
    box.stepDown()
    box.stepDown()                                     # never under the minimum
    assert box.value() == 0.0
    fixed = _box(qtbot, 0.0, 1.0, 0.1, step=0.05)      # a lesson's fixed step
    fixed.stepBy(3)
    assert fixed.value() == 0.25 and fixed.text() == "0.25"


def test_the_key_arrows_step_the_value(qtbot):
    box = _box(qtbot, 1e-8, 1.0, 0.001)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.value() == 0.002
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.value() == 0.0009


@pytest.mark.parametrize("locale", [QLocale.Language.German, QLocale.Language.Chinese,
                                    QLocale.Language.Japanese, QLocale.Language.French])
def test_the_decimal_point_reads_in_any_locale(qtbot, locale):
    before = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        box = _box(qtbot, 0.0, 1.0, 0.5)
        assert box.text() == "0.5"
        _typed(qtbot, box, "0.25")
        assert box.value() == 0.25
        _typed(qtbot, box, "3e-7")
        assert box.value() == 3e-7 and box.text() == "3e-07"
    finally:
        QLocale.setDefault(before)




def test_the_training_panel_takes_a_learning_rate_of_1e_6_into_the_run_settings(qtbot):
    from nndesk.gui.state import AppState
    from nndesk.gui.train_panel import TrainPanel
    from nndesk.train import TrainConfig

    state = AppState()
    panel = TrainPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.weight_decay.text() == "0"            # not 0.000000
    assert panel.lr.text() == compact(TrainConfig().lr)
    _typed(qtbot, panel.lr, "1e-6")
    assert state.config["lr"] == 1e-6 and panel.lr.text() == "1e-06"
    assert TrainConfig.from_dict(state.config).lr == 1e-6  # what a run is given
    _typed(qtbot, panel.lr, "3e-7")
    assert state.config["lr"] == 3e-7
    _typed(qtbot, panel.weight_decay, "5E-4")
    assert state.config["weight_decay"] == 5e-4 and panel.weight_decay.text() == "0.0005"
    state.set_config(lr=2.5e-5)                        # from the state (a design file, a run)
    assert panel.lr.text() == "2.5e-05" and panel.lr.value() == 2.5e-5


def test_every_float_field_of_the_window_is_a_float_box():
    """One class for typed floats: a QDoubleSpinBox made anywhere else would round to its
    decimals and read the locale again."""
    from pathlib import Path

    import nndesk.gui

    root = Path(nndesk.gui.__file__).parent
    makers = [str(p.relative_to(root)) for p in root.rglob("*.py")
              if p.name != "float_box.py" and "QDoubleSpinBox(" in p.read_text(encoding="utf-8")]
    assert makers == []


def test_every_int_field_of_the_window_is_an_int_box():
    """One class for typed integers: a QSpinBox made anywhere else puts the value from before
    back when a number outside its range is typed (0 in the experiments' 50..55,000 training
    images silently became 55000 again)."""
    from pathlib import Path

    import nndesk.gui

    root = Path(nndesk.gui.__file__).parent
    makers = [str(p.relative_to(root)) for p in root.rglob("*.py")
              if p.name != "float_box.py" and "QSpinBox(" in p.read_text(encoding="utf-8")]
    assert makers == []


@pytest.mark.parametrize(("typed", "shown"), [("0", "50"), ("99999", "55000"), ("-3", "50"),
                                              ("1200", "1200")])
def test_an_int_box_clamps_what_is_typed_outside_its_range(qtbot, typed, shown):
    from nndesk.gui.float_box import IntBox

    box = IntBox(minimum=50, maximum=55_000)
    qtbot.addWidget(box)
    box.setValue(55_000)
    box.show()
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), typed)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.text() == shown and box.value() == int(shown)


@pytest.mark.parametrize("typed", ["", "-", "+", " "])
def test_an_int_box_emptied_keeps_its_value(qtbot, typed):
    """An emptied int field (or a lone sign) gives its value back when Enter ends the edit, as a
    FloatBox does (QA: epochs 20 cleared and Enter became 1, a train limit of 5000 became
    "all", a Dense layer's 100 units 0: CorrectToNearestValue clamps Qt's 0 for no number)."""
    from nndesk.gui.float_box import IntBox

    box = IntBox(minimum=1, maximum=1000)
    qtbot.addWidget(box)
    box.setValue(20)
    box.show()
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Delete)
    if typed:
        qtbot.keyClicks(box.lineEdit(), typed)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert (box.text(), box.value()) == ("20", 20)


@pytest.mark.parametrize("end", ["enter", "focus"])
@pytest.mark.parametrize("kind", ["int", "float"])
def test_a_negative_number_below_a_minimum_of_0_is_clamped_to_0_not_read_as_positive(
        qtbot, kind, end):
    """QA: "-5" typed into a field whose minimum is 0 gave 5: QSpinBox refused the "-" key.
    The minus stands while typed, and the number is clamped to the bound shown, as a number
    above the maximum is; the edit ended by Enter or by leaving the field."""
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QLineEdit, QWidget

    from nndesk.gui.float_box import IntBox

    if kind == "int":
        box = IntBox(minimum=0, maximum=100)
        box.setValue(7)
    else:
        box = FloatBox(0.0, 10.0, 7.0)
    window = QWidget()  # the box and a field after it: Tab leaves the box
    row = QHBoxLayout(window)
    row.addWidget(box)
    row.addWidget(QLineEdit())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    _typed(qtbot, box, "-5", enter=end == "enter")
    if end == "focus":
        assert box.lineEdit().text() == "-5"  # as typed, until the edit ends
        qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: not box.hasFocus())  # the focus-out event, delivered
    assert box.text() == "0" and box.value() == 0
    _committed(qtbot, box, "－５")  # a full-width minus from an input method too
    assert box.text() == "0" and box.value() == 0


def _committed(qtbot, box, text: str) -> None:
    """`text` committed by an input method, one character at a time, then Enter."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    box.setFocus()
    box.lineEdit().selectAll()
    for ch in text:
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(box.lineEdit(), event)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)


@pytest.mark.parametrize(("field", "shown"), [("seed", "0"), ("val_split", "0"),
                                              ("early_stop", "off"), ("train_limit", "all"),
                                              ("weight_decay", "0")])
@pytest.mark.parametrize("typed", ["-5", "0"])
def test_the_training_panels_fields_clamp_a_negative_number_to_0(qtbot, field, shown, typed):
    """Every field of the training panel whose minimum is 0: "-5" is its 0 (shown as the
    field shows 0: "off", "all"), never 5, in the run's settings too; and 0 typed is 0 (it
    became the value from before in the fields showing 0 as a word: the panel showed the new
    setting before the edit had ended, and Qt refused the word)."""
    from nndesk.gui.state import AppState
    from nndesk.gui.train_panel import TrainPanel

    state = AppState()
    panel = TrainPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    box = getattr(panel, field)
    box.setValue(3 if field != "weight_decay" else 0.5)
    assert state.config[field] != 0
    _typed(qtbot, box, typed)
    assert box.text() == shown and box.value() == 0 and state.config[field] == 0
