"""One editor widget per layer setting: spin boxes for numbers, a combo box for init.

An editor shows the value the design holds, whatever it is: a box whose range stopped at 0
showed a Dense layer's units of -5 as 0 (typed, or from a design file) while the engine
refused -5, so the learner read one number and the message another. The boxes reach from
-TYPING_MAX to TYPING_MAX (and any value given beyond), the engine checks each value and the
designer marks the layer and says why in the engine's words ("units must be at least 1, not
-5"): a value is refused where it is seen, never changed silently.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from nndesk.gui.float_box import FloatBox, IntBox
from nndesk.gui.i18n import tr
from nndesk.gui.terms import choice_label

if TYPE_CHECKING:
    from nndesk.nn.base import Setting

__all__ = ["make_editor", "init_value", "TYPING_MAX"]

TYPING_MAX = 99_999  # what a setting's spin box accepts; the engine's own range is checked


def make_editor(s: Setting, value: object, changed: Callable[[object], None]) -> QWidget:
    """A widget showing `value`; `changed(new value)` on every edit (None = the default).
    An int or float setting gets a spin box over `s.spin_range()`; an optional int shows
    'same as pool size' one below its range (None); a bool setting a check box; an init
    setting a combo box of `s.choices` plus a typed standard deviation."""
    if s.kind == "bool":                                # return_sequences, bidirectional
        w = QCheckBox()
        w.setChecked(bool(value))
        w.toggled.connect(changed)
        return w
    low, high = s.spin_range()
    shown = _showable(value, low)
    if s.kind == "int":
        w = IntBox()
        # An optional setting's None is one below its range ('same as pool size'), unless
        # the design holds a number down there (a file's stride 0 or -5): that number shows.
        optional = s.optional and (value is None or shown >= low)
        empty = int(low) - 1 if optional else None  # the spin box's value for None
        # Wide on purpose: a spin box silently drops digits past its maximum (40 typed into
        # kernel_size became 4) and keys under its minimum (-5 became 5, or 0 from a file).
        floor = int(low) - 1 if optional else min(-TYPING_MAX, int(shown))
        w.setRange(floor, max(int(high), TYPING_MAX, int(shown)))
        if optional:
            w.setSpecialValueText(tr("same as pool size"))  # shown at the minimum
        w.setValue(int(shown) if value is not None else int(low) - 1)
        w.valueChanged.connect(lambda v: changed(None if v == empty else v))
        return w
    if s.kind == "float":  # eps 1e-12 .. rate 0.95, typed as 1e-5 or 0.5 (float_box.py)
        w = FloatBox(min(-float(TYPING_MAX), float(shown)), max(high, TYPING_MAX, float(shown)),
                     float(shown))
        w.setSingleStep(0.01 if high <= 1 else 0.1)  # the first step up from 0
        w.valueChanged.connect(changed)
        return w
    w = QComboBox()  # init: a name or a number (the normal std); items show translated names
    w.setEditable(True)
    w.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # Enter takes the text, adds no item
    for name in (*s.choices, "0.01", "1.0"):  # the book's two stds (ch. 6.2, fig. 6-10, 6-11)
        w.addItem(choice_label(name), name)
    index = w.findData(str(value))
    if index >= 0:
        w.setCurrentIndex(index)
    else:
        w.setCurrentText(str(value))

    def value_of(text: str) -> object:
        index = w.findText(text)  # a label ("自動") or a typed name or number
        return init_value(w.itemData(index) if index >= 0 else text)

    def show_label() -> None:
        """A typed name ("auto", "HE") shown by its label once typed (QA: "auto" stayed
        English in zh_CN/ja), as a name from a file is."""
        index = w.findData(value_of(w.currentText()))
        if index >= 0 and w.currentText() != w.itemText(index):
            with QSignalBlocker(w):
                w.setCurrentIndex(index)
                w.setEditText(w.itemText(index))

    w.currentTextChanged.connect(lambda text: changed(value_of(text)))
    w.lineEdit().editingFinished.connect(show_label)
    return w


def _showable(value: object, low: float) -> float:
    """`value` when a spin box can hold it (a finite number within a 32-bit int's reach),
    else `low` (a file's "units": "many" or 1e300: the engine says what is wrong)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return low
    return value if math.isfinite(value) and abs(value) < 2**31 - 1 else low


def init_value(text: str) -> object:
    """'auto' / 'he' / 'xavier' stay names, in any case ('He', ' AUTO'); anything numeric
    becomes the normal std; other text stays as typed (the engine says why not)."""
    try:
        return float(text)
    except ValueError:
        from nndesk.nn.base import INIT_CHOICES

        name = text.strip()
        return name.lower() if name.lower() in INIT_CHOICES else name
