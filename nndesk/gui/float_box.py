"""FloatBox: the one number field for a float setting (learning rate, weight decay, a lesson's
η or std), typed as a plain decimal or in scientific notation.

Qt's QDoubleSpinBox rounds every value to a fixed number of decimals and reads its text in
the system's locale: a learning rate of 1e-6 was refused (5 decimals), "1e-4" was read as 14,
a weight decay showed as "0.000000", and a zh_CN or ja system could read the point
differently. A FloatBox keeps the value as typed (no rounding), shows it in its shortest
form ("0.001", "1e-06", "0"), reads "0.001", "1e-4", "3E-7", ".5" with a decimal point
whatever the locale (and the full-width "１ｅ－４" of a Chinese or Japanese input method),
lets a half-typed number ("1e-", "-", ".") stand while it is typed and refuses any other
text. When the edit ends (Enter, or the focus leaves), a number outside
the range is clamped to the nearest bound, shown, and a half-typed one gives the value from
before the edit back.

`IntBox` is the one field for an integer (a QSpinBox): a number typed outside its range is
clamped to the nearest bound and shown when the edit ends, as a FloatBox's (QSpinBox's own
behaviour put the value from before back: 0 typed into a 50..55,000 box silently became
55000 again; and it refused a minus below a minimum of 0, so "-5" became 5, not 0); an
emptied one, or a lone sign, gives the value from before the edit back. It reads a whole
number in scientific notation as a FloatBox does ("5e3" is 5000, "1e1" 10: QSpinBox refused
the "e" key, so "5e3" silently became 53); a number that is not whole ("1.5", "1e-3") stands
while typed and becomes the nearest whole number in the range, shown, when the edit ends.

Steps (arrows, Page Up/Down, the wheel once the box was clicked: `wheel_guard.py`) change
the last digit written by one (0.001 -> 0.002, 1e-06 -> 2e-06, 0.0015 -> 0.0016, 0.01 down
-> 0.009), so a value spanning decades steps at its own scale; from 0 the first step is
`singleStep()`, and a step toward 0 from it is 0. A box given `step=` steps by that fixed
amount instead (a lesson's slider).
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import ROUND_HALF_EVEN, Decimal

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QSpinBox, QWidget

__all__ = ["FloatBox", "IntBox", "compact", "parse_float", "LR_MIN"]

LR_MIN = 1e-8  # the least learning rate a field takes (training panel, fine-tuning)

_INT = re.compile(r"[+-]?\d+", re.ASCII)
_INT_TYPING = re.compile(r"[+-]?\d*", re.ASCII)  # a whole number on its way: "", "-", "-5"
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", re.ASCII)
_EXPONENT = r"([eE][+-]?\d*)?"
_TYPING = re.compile(  # a number on its way: "", "-", ".", "1e-" (an exponent after a digit)
    rf"[+-]?(\d+\.?\d*{_EXPONENT}|\.(\d+{_EXPONENT})?)?", re.ASCII)
_ROOM = "0.00025"  # a typical value a box is wide enough for
_SIGNIFICANT = 12  # digits a step's result keeps: 0.1 + 0.2 is 0.3, not 0.30000000000000004


def compact(value: float) -> str:
    """The shortest text that reads back as `value`: "0.001", "1e-06", "100", "0"."""
    value = float(value)
    if value == 0:
        return "0"
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def _ascii(text: str) -> str:
    """Full-width forms as ASCII ("１ｅ－４" from a Chinese or Japanese input method is 1e-4)."""
    return unicodedata.normalize("NFKC", text).replace("\u2212", "-")  # and the minus sign


def parse_float(text: str) -> float | None:
    """The number in `text` ("0.001", "1e-4", "3E-7", ".5", " 2 ", full-width "０．５"), decimal
    point whatever the locale; None for anything else (a comma, "inf", "1_000", "1e-")."""
    text = _ascii(text).strip()
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def _tidy(value: float) -> float:
    return float(f"{value:.{_SIGNIFICANT}g}")


class FloatBox(QDoubleSpinBox):
    """A QDoubleSpinBox over [low, high] that keeps any float and reads scientific notation
    (see the module doc). `step`: a fixed step; None steps the last digit written."""

    def __init__(self, low: float, high: float, value: float | None = None, *,
                 step: float | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fixed_step = step
        self._before: float | None = None  # the value when the text being typed was begun
        self.lineEdit().textEdited.connect(self._on_edited)
        self.editingFinished.connect(self._on_finished)
        self.setDecimals(323)  # Qt's most: setValue rounds nothing a float can hold
        self.setRange(low, high)
        if step is not None:
            self.setSingleStep(step)
        self.setValue(low if value is None else value)

    def sizeHint(self):  # noqa: N802 (Qt name)
        """Room for a value such as "0.00025" (Qt sizes a spin box by its bounds' texts, and
        "1e-08" .. "1" left "0.0001" touching the arrows)."""
        hint = super().sizeHint()
        fm = self.fontMetrics()
        bounds = max(fm.horizontalAdvance(self.textFromValue(v))
                     for v in (self.minimum(), self.maximum()))
        hint.setWidth(hint.width() + max(0, fm.horizontalAdvance(_ROOM) - bounds))
        return hint

    # -- text <-> value (Qt calls these for every edit and display) ------------------------
    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt name)
        return compact(value)

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt name)
        value = parse_float(text)
        return self.value() if value is None else value

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        plain = _ascii(text)
        value = parse_float(plain)
        if value is not None:
            inside = self.minimum() <= value <= self.maximum()
            state = QValidator.State.Acceptable if inside else QValidator.State.Intermediate
        elif _TYPING.fullmatch(plain.strip()):
            state = QValidator.State.Intermediate
        else:
            return QValidator.State.Invalid, text, pos
        if len(plain) == len(text):
            text = plain  # the field shows what is read: "１ｅ－" becomes "1e-" as it is typed
        return state, text, pos

    def fixup(self, text: str) -> str:
        """At the end of an edit: a number outside the range becomes its nearest bound
        (shown); a half-typed one ("1e-") the value from before the edit, not the "1" its
        first key made it meanwhile."""
        value = parse_float(text)
        if value is None:
            return text if self._before is None else compact(self._before)
        return compact(min(max(value, self.minimum()), self.maximum()))

    def _on_edited(self, _text: str) -> None:
        if self._before is None:
            self._before = self.value()  # textEdited comes before Qt takes the new text

    def _on_finished(self) -> None:
        self._before = None

    # -- steps ---------------------------------------------------------------------------------
    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt name)
        self.interpretText()  # a number typed but not yet taken (keyboard tracking off)
        value = self.value()
        for _ in range(abs(steps)):
            value = self._stepped(value, steps > 0)
        self.setValue(min(max(value, self.minimum()), self.maximum()))
        self.selectAll()

    def _stepped(self, value: float, up: bool) -> float:
        """One step from `value`: the last digit written +-1 (or the fixed step)."""
        if self._fixed_step is not None:
            return _tidy(value + (self._fixed_step if up else -self._fixed_step))
        if value == 0:
            return self.singleStep() if up else -self.singleStep()
        away = (value > 0) == up
        if not away and abs(value) == self.singleStep():
            return 0.0  # back to where the first step from 0 came from
        digits = Decimal(compact(abs(value)))
        unit = Decimal(1).scaleb(digits.as_tuple().exponent)  # the last digit's place
        if not away and digits.as_tuple().digits == (1,):
            unit /= 10  # 0.01 down is 0.009, not 0; 1e-06 down is 9e-07
        magnitude = digits + unit if away else digits - unit
        return math.copysign(float(magnitude), value)


class IntBox(QSpinBox):
    """A QSpinBox (same arguments) whose out-of-range input is clamped to the nearest bound
    when the edit ends, shown in the box, not replaced by the value from before; an emptied
    box (or a lone sign) gives the value from before the edit back, as a FloatBox does."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._before: int | None = None  # the value when the text being typed was begun
        self.lineEdit().textEdited.connect(self._on_edited)
        self.editingFinished.connect(self._on_finished)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)

    def _on_edited(self, _text: str) -> None:
        if self._before is None:
            self._before = self.value()  # textEdited comes before Qt takes the new text

    def _on_finished(self) -> None:
        self._before = None

    def _bare(self, text: str) -> str:
        """`text` without the prefix and suffix, full-width digits and signs as ASCII."""
        text = _ascii(text).strip()
        return text.removeprefix(_ascii(self.prefix())).removesuffix(_ascii(self.suffix())).strip()

    def _number(self, text: str) -> Decimal | None:
        """The number in `text` ("12", "5e3", "1.5", "1e-3"; its prefix and suffix aside,
        full-width digits too), exactly; None for no number."""
        text = self._bare(text)
        return Decimal(text) if _NUMBER.fullmatch(text) else None

    def _whole(self, number: Decimal) -> int:
        """`number` clamped to the range, then the nearest whole number (half to even)."""
        number = min(max(number, Decimal(self.minimum())), Decimal(self.maximum()))
        return int(number.to_integral_value(ROUND_HALF_EVEN))

    def valueFromText(self, text: str) -> int:  # noqa: N802 (Qt name)
        number = self._number(text)
        if number is None or _INT.fullmatch(self._bare(text)):
            return super().valueFromText(text)
        return self._whole(number)  # "5e3": 5000

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self.specialValueText() and text == self.specialValueText():
            # the minimum as shown ("off", "all"): QSpinBox calls it Invalid, and the line
            # edit's fixup then gave the value from before back (0 typed became 3 again when
            # the training panel showed the new setting before the edit had ended)
            return QValidator.State.Acceptable, text, pos
        state, text, pos = super().validate(text, pos)
        if state == QValidator.State.Acceptable:
            return state, text, pos
        bare = self._bare(text)
        number = self._number(text)
        if number is not None and not _INT.fullmatch(bare):
            # scientific notation: acceptable when it is a whole number in the range ("5e3");
            # else kept, and made the nearest whole number in the range when the edit ends
            whole = number == number.to_integral_value() and (
                self.minimum() <= number <= self.maximum())
            state = QValidator.State.Acceptable if whole else QValidator.State.Intermediate
        elif _INT_TYPING.fullmatch(bare) or _TYPING.fullmatch(bare):
            # a number outside the range, kept and clamped at the end: too many digits, or a
            # minus below a minimum of 0 (QSpinBox refused the "-": "-5" became 5); or a
            # number on its way ("5e", "1e-", "1.")
            state = QValidator.State.Intermediate
        return state, text, pos

    def fixup(self, text: str) -> str:
        number = self._number(text)
        if number is None:  # no number: Qt's nearest value to its 0 (epochs 20 emptied was 1)
            return text if self._before is None else self.textFromValue(self._before)
        return self.textFromValue(self._whole(number))
