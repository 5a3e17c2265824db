"""Layout at the default size (1400x900) and the small screen (1280x720): the evaluation's
confusion heat map shows all ten rows, its axes and the current cell; the "Inside the network"
pane keeps a usable height beside a bottom view; the accuracy chart shows every epoch."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import open_bottom_view
from PySide6.QtCore import QPoint, QRect, QRectF, Qt

SIZES = [(1400, 900), (1280, 720)]


def _seen(window, widget) -> QRect:
    """The part of `widget` (its coordinates) inside every parent up to the window: what a
    scroll area or a too-short dock does not cut off."""
    seen, w = widget.rect(), widget
    while w is not window:
        parent = w.parentWidget()
        seen = seen.intersected(QRect(widget.mapFrom(parent, QPoint(0, 0)), parent.size()))
        w = parent
    return seen


@pytest.mark.parametrize("size", SIZES)
def test_the_whole_confusion_matrix_and_its_axes_are_in_view(window, qtbot, size):
    open_bottom_view(window, qtbot, size, "Evaluation")
    heat = window.eval_panel.heat
    heat.set_confusion(np.diag([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]))
    qtbot.wait(100)
    seen = _seen(window, heat)
    assert seen.size() == heat.size(), (seen, heat.size())   # the map is never cut
    vb = heat.getViewBox()
    cells = vb.mapViewToDevice(QRectF(0, 0, 10, 10)).boundingRect().toRect()
    cells = heat.viewport().mapTo(heat, cells.topLeft()), cells.size()
    whole = QRect(cells[0], cells[1])
    assert seen.adjusted(-1, -1, 1, 1).contains(whole), (seen, whole)  # rows 0-9, columns 0-9
    assert whole.height() >= 100   # ten rows of at least 10 px
    bottom = heat.getAxis("bottom")
    label = bottom.mapRectToScene(bottom.boundingRect())
    assert seen.adjusted(-1, -1, 1, 1).contains(heat.mapFromScene(label).boundingRect()), \
        "the predicted-digit axis is cut"
    heat.setFocus()
    for _ in range(9):   # keyboard selection to the last row: on screen
        qtbot.keyClick(heat, Qt.Key.Key_Down)
    assert heat.current == (9, 0)
    cell = vb.mapViewToDevice(QRectF(0, 9, 1, 1)).boundingRect().toRect()
    assert seen.contains(heat.viewport().mapTo(heat, cell.center()))
