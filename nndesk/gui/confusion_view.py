"""ConfusionHeatMap: a 10x10 confusion matrix as a heat map with its counts; a click on a cell,
or Enter / Space on the current cell (arrow keys move its frame), says which (true, predicted)
pair it is. Drawn by the evaluation view (eval_panel.py)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsRectItem

from nndesk.gui.i18n import tr

__all__ = ["ConfusionHeatMap", "COUNT_PX", "MIN_SIZE"]

MIN_SIZE = (200, 170)  # px: ten rows of >= 12 px besides the axes
COUNT_PX = (7, 11)  # the counts' font: smallest readable, largest (px)


class ConfusionHeatMap(pg.PlotWidget):
    """Rows are true digits, columns predictions; log-scaled colour, counts written in."""

    cell_clicked = Signal(int, int)  # true digit, predicted digit

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # the whole matrix scales to the room it gets (cells shrink, the counts' font with
        # them); a short bottom dock (1280x720) never cuts off rows or the axes
        self.setMinimumSize(*MIN_SIZE)
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
        self._font.setPixelSize(COUNT_PX[1])
        self._shown = False
        self.current = (0, 0)  # (true, predicted): the cell the keys act on, framed
        self.marker = QGraphicsRectItem(0, 0, 1, 1)
        self.marker.setPen(pg.mkPen("#e8590c", width=3))
        self.marker.setZValue(10)
        self.marker.setVisible(False)  # while the map has the focus and shows a matrix
        self.addItem(self.marker)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it, a click gives it
        self.setToolTip(tr("Click a cell, or move with the arrow keys and press Enter or "
                           "Space, to see its images"))
        self.scene().sigMouseClicked.connect(self._on_clicked)
        self.getViewBox().sigResized.connect(self._fit_counts)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """A modest wish (pyqtgraph's is 480 high): a scroll area sizing its panel by the
        preferred height would otherwise make the map taller than the dock and cut it."""
        return QSize(260, MIN_SIZE[1])

    def cell_pixels(self) -> float:
        """The side of one cell on screen, in pixels."""
        return 1.0 / max(self.getViewBox().viewPixelSize()[0], 1e-9)

    def _fit_counts(self) -> None:
        """Each count's font follows the cells: the count fits its cell; a count too wide for
        a readable font in cells this small is left to the colour (a click lists the images;
        the mistakes, one or two digits, stay written longest)."""
        if getattr(self, "closed", False):  # pyqtgraph's close() cleared the scene, then
            return                          # resizes the view: the counts are gone (crash)
        cell = self.cell_pixels()
        for text in self._texts:
            digits = len(text.toPlainText())
            px = min(int(0.9 * cell / (0.62 * digits + 0.2)), COUNT_PX[1]) if digits else 0
            text.setVisible(px >= COUNT_PX[0])
            if px >= COUNT_PX[0] and px != text.textItem.font().pixelSize():
                font = QFont(self._font)
                font.setPixelSize(px)
                text.setFont(font)
        diagonal = self._texts[::11]  # the hits: all written or none (QA: 980 and 889 were,
        if not all(t.isVisible() for t in diagonal if t.toPlainText()):  # 1135 was not)
            for text in diagonal:
                text.setVisible(False)

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
            text.setText(str(int(count)) if count else "",
                         color="w" if np.log1p(count) > 0.6 * top else "#2a2f3a")
        self._fit_counts()
        self._shown = True
        self.set_current(*self.current)

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
            self.set_current(row, col)  # the keys go on from the cell clicked
            self.cell_clicked.emit(row, col)

    def set_current(self, true: int, predicted: int) -> None:
        """Frame the cell (true, predicted) as the one Enter / Space shows."""
        self.current = (min(max(true, 0), 9), min(max(predicted, 0), 9))
        self.marker.setRect(self.current[1], self.current[0], 1, 1)
        self._show_marker()

    def _show_marker(self) -> None:
        self.marker.setVisible(self._shown and self.hasFocus())

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Arrow keys move the current cell; Enter or Space shows its images, as a click."""
        key, (row, col) = event.key(), self.current
        moves = {Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0),
                 Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1)}
        if self._shown and key in moves:
            self.set_current(row + moves[key][0], col + moves[key][1])
        elif self._shown and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.cell_clicked.emit(row, col)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().focusInEvent(event)
        self._show_marker()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().focusOutEvent(event)
        self._show_marker()
