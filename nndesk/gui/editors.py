"""One editor widget per layer setting: spin boxes for numbers, a combo box for init."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox, QWidget

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
    if s.kind == "int":
        w = QSpinBox()
        empty = int(low) - 1 if s.optional else None  # the spin box's value for None
        # Wide on purpose: a spin box silently drops digits past its maximum (40 typed into
        # kernel_size became 4). The engine checks the value and the designer shows why.
        w.setRange(min(int(low) - s.optional, 0), max(int(high), TYPING_MAX))
        if s.optional:
            w.setSpecialValueText(tr("same as pool size"))  # shown at the minimum
        w.setValue(int(value) if value is not None else int(low) - 1)
        w.valueChanged.connect(lambda v: changed(None if v == empty else v))
        return w
    if s.kind == "bool":                                # return_sequences, bidirectional
        w = QCheckBox()
        w.setChecked(bool(value))
        w.toggled.connect(changed)
        return w
    if s.kind == "float":
        w = QDoubleSpinBox()
        w.setDecimals(6 if high <= 1 and low < 1e-3 else 4)
        w.setRange(min(low, 0.0), max(high, float(TYPING_MAX)))
        w.setSingleStep(0.05 if high <= 1 else 0.1)
        w.setValue(float(value))
        w.valueChanged.connect(changed)
        return w
    w = QComboBox()  # init: a name or a number (the normal std); items show translated names
    w.setEditable(True)
    for name in (*s.choices, "0.01", "1.0"):  # the book's two stds (ch. 6.2, fig. 6-10, 6-11)
        w.addItem(choice_label(name), name)
    index = w.findData(str(value))
    if index >= 0:
        w.setCurrentIndex(index)
    else:
        w.setCurrentText(str(value))

    def on_text(text: str) -> None:
        index = w.findText(text)
        changed(init_value(w.itemData(index) if index >= 0 else text))

    w.currentTextChanged.connect(on_text)
    return w


def init_value(text: str) -> object:
    """'auto' / 'he' / 'xavier' stay names; anything numeric becomes the normal std."""
    try:
        return float(text)
    except ValueError:
        return text.strip()
