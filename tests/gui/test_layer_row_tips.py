"""A row of the designer's layer list says the whole row in its tooltip: the layer with its
settings, its output shape and parameters (QA: hovering BatchNorm said "BatchNorm" alone;
the list shows one line a row, cut with "…")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction, QHelpEvent
from PySide6.QtWidgets import QToolTip

from nndesk.gui import i18n
from nndesk.gui.terms import setting_label
from nndesk.presets import load_preset


@pytest.mark.parametrize("code", ["en", "zh_CN", "ja"])
def test_a_layer_rows_tooltip_is_the_whole_row(window, qtbot, code):
    window.resize(1280, 720)
    window.state.set_spec(load_preset("DigitNet"))
    window.findChild(QAction, f"language_{code}").trigger()
    QCoreApplication.processEvents()
    table = window.designer.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "BatchNorm")
    for col in range(table.columnCount()):                # the mouse resting on each cell
        rect = table.visualItemRect(table.item(row, col))
        QCoreApplication.sendEvent(table.viewport(), QHelpEvent(
            QEvent.Type.ToolTip, rect.center(), table.viewport().mapToGlobal(rect.center())))
        qtbot.waitUntil(QToolTip.isVisible)
        tip = QToolTip.text()
        said = [f"{setting_label(k)} {v}" for k, v in (("momentum", 0.9), ("eps", 1e-05))]
        assert all(s in tip for s in said), (said, tip)
        assert i18n.tr("Layer {n}: {type}").format(n=row + 1, type="") in tip
        assert table.item(row, 2).text() in tip and table.item(row, 3).text() in tip
        QToolTip.hideText()
