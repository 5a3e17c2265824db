"""ConfusionHeatMap: a 10x10 confusion matrix as a heat map with its counts; a click on a cell
says which (true, predicted) pair it is. Drawn by the evaluation view (eval_panel.py)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont

from nndesk.gui.i18n import tr

__all__ = ["ConfusionHeatMap"]


class ConfusionHeatMap(pg.PlotWidget):
    """Rows are true digits, columns predictions; log-scaled colour, counts written in."""

    cell_clicked = Signal(int, int)  # true digit, predicted digit

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setMinimumSize(300, 300)  # ten rows of three-digit counts stay readable
        self.setBackground("w")
        self.setMenuEnabled(False)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.getViewBox().invertY(True)
        self.getViewBox().setAspectLocked(True)
        for name, text in (("left", tr("true digit")), ("bottom", tr("predicted digit"))):
            axis = self.getAxis(name)
            axis.setTicks([[(d + 0.5, str(d)) for d in range(10)]])
            axis.setLabel(text)
        self.showAxis("right")  # each row's accuracy beside it: never cut off, never over a label
        self.getAxis("right").setLabel(tr("accuracy per digit"))
        self.getAxis("right").setTicks([[]])
        for name in ("left", "bottom", "right"):  # digits, not "(x0.001)" on an empty map
            self.getAxis(name).enableAutoSIPrefix(False)
        self.getViewBox().setRange(xRange=(0, 10), yRange=(0, 10), padding=0)
        self.image_item = pg.ImageItem()
        self.image_item.setLookupTable(pg.ColorMap([0.0, 1.0], [(255, 255, 255), (47, 111, 219)])
                                       .getLookupTable(nPts=256))
        self.addItem(self.image_item)
        self._texts: list[pg.TextItem] = []
        self._font = QFont()
        self._font.setPointSize(7)
        self._shown = False
        self.scene().sigMouseClicked.connect(self._on_clicked)

    def set_confusion(self, confusion) -> None:
        """Show a 10x10 matrix of counts (rows true, columns predicted)."""
        conf = np.array(confusion, dtype=np.float64)
        self.image_item.setImage(np.log1p(conf), autoLevels=True)
        self.image_item.setRect(0, 0, 10, 10)
        if not self._texts:  # made once, then only their text changes (100 items)
            for i in range(10):
                for j in range(10):
                    text = pg.TextItem("", anchor=(0.5, 0.5))
                    text.setFont(self._font)
                    text.setPos(j + 0.5, i + 0.5)
                    self.addItem(text)
                    self._texts.append(text)
        top = np.log1p(conf).max() or 1.0
        for k, text in enumerate(self._texts):
            count = conf.flat[k]
            text.setVisible(bool(count))
            if count:
                text.setText(str(int(count)),
                             color="w" if np.log1p(count) > 0.6 * top else "#2a2f3a")
        self._shown = True

    def set_row_accuracy(self, per_digit) -> None:
        """Each true digit's accuracy (ten fractions 0..1, None for a digit without images)
        written on the right axis, level with its row: "99.1%", "–"."""
        self.getAxis("right").setTicks([[
            (d + 0.5, "–" if a is None else f"{100 * a:.1f}%") for d, a in enumerate(per_digit)]])

    def _on_clicked(self, event) -> None:
        if not self._shown:
            return
        p = self.image_item.mapFromScene(event.scenePos())
        col, row = int(np.floor(p.x())), int(np.floor(p.y()))  # image pixels = cells
        if 0 <= row < 10 and 0 <= col < 10:
            self.cell_clicked.emit(row, col)
