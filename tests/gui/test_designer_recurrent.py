"""Designer: a sequence preset shows its shapes; the recurrent settings are check boxes whose
edits reach the spec and the shape table."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QSpinBox

from nndesk.gui.designer import DesignerPanel
from nndesk.gui.layer_schema import describe, weights_text
from nndesk.gui.state import AppState


def _column(designer: DesignerPanel, col: int) -> list[str]:
    return [designer.table.item(r, col).text() for r in range(designer.table.rowCount())]


def test_pen_gru_preset_and_its_check_boxes(qtbot):
    state = AppState()
    designer = DesignerPanel(state)
    qtbot.addWidget(designer)
    designer.preset.setCurrentText("PenGRU")
    assert _column(designer, 2) == ["128", "10"]           # 2 x 64 units, then 10 scores
    assert _column(designer, 3)[0] == "26,880"              # 2 x 3 x 64 x (5 + 64 + 1)
    designer.select(0)
    box = designer.settings_box
    bidirectional = box.findChild(QCheckBox, "setting_bidirectional")
    sequences = box.findChild(QCheckBox, "setting_return_sequences")
    assert bidirectional.isChecked() and not sequences.isChecked()
    bidirectional.setChecked(False)
    assert state.spec["layers"][0]["bidirectional"] is False
    assert _column(designer, 2)[0] == "64" and _column(designer, 3)[0] == "13,440"
    designer.select(0)
    box.findChild(QSpinBox, "setting_units").setValue(16)
    assert _column(designer, 3)[0] == f"{3 * 16 * (5 + 16 + 1):,}"
    designer.select(0)
    box.findChild(QCheckBox, "setting_return_sequences").setChecked(True)
    assert state.spec["layers"][0]["return_sequences"] is True
    assert _column(designer, 2)[0] == "32×16"               # a sequence: Dense flattens it
    assert _column(designer, 3)[1] == f"{32 * 16 * 10 + 10:,}"


def test_layer_list_words_and_weight_shapes():
    gru = {"type": "GRU", "units": 64, "bidirectional": True, "return_sequences": True}
    assert describe(gru) == "GRU 64 ⇄ …"
    assert describe({"type": "LSTM", "units": 8}) == "LSTM 8"
    assert weights_text(gru, (None, 5)) == ("W 5×192, U 64×192, b 192, back.W 5×192, "
                                            "back.U 64×192, back.b 192")
    assert weights_text({"type": "LSTM", "units": 8}, (32, 5)) == "W 5×32, U 8×32, b 32"
