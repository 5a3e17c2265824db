"""TileView: many small images (filters, feature maps) as one mosaic; hover names the tile."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import QToolTip

__all__ = ["TileView", "mosaic"]

PAD = 1.0  # the gap between tiles is painted white (tiles are scaled to 0..0.92)


def mosaic(tiles: np.ndarray, cols: int | None = None, gap: int = 1) -> np.ndarray:
    """(K, h, w) -> one (rows*(h+gap)-gap, cols*(w+gap)-gap) image, each tile scaled alone
    to 0..0.92 (a constant tile to 0), the gaps and the empty cells after the last tile PAD."""
    k, h, w = tiles.shape
    cols = cols or max(1, math.ceil(math.sqrt(k * h / w)))
    rows = math.ceil(k / cols)
    lo = tiles.min(axis=(1, 2), keepdims=True)
    hi = tiles.max(axis=(1, 2), keepdims=True)
    scaled = 0.92 * (tiles - lo) / np.where(hi > lo, hi - lo, 1.0)  # (K, h, w) in 0..0.92
    cells = np.full((rows * cols, h + gap, w + gap), PAD, dtype=np.float32)
    cells[:k, :h, :w] = scaled  # each tile in its cell, the cell's last row/column the gap
    out = cells.reshape(rows, cols, h + gap, w + gap).transpose(0, 2, 1, 3)
    return out.reshape(rows * (h + gap), cols * (w + gap))[:rows * (h + gap) - gap,
                                                            :cols * (w + gap) - gap]


class TileView(pg.GraphicsLayoutWidget):
    """One titled mosaic per row; set_tiles(row, tiles) updates with setImage only: the rows'
    items are made by set_rows alone (once per network layout), set_tiles(row, None) makes a
    row unseen (a cleared canvas) and the next set_tiles shows it again."""

    hovered = Signal(str)  # "filter 7 · min -0.31 · max 0.42" (empty when leaving)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.ci.layout.setSpacing(2)
        self._rows: list[dict] = []
        self._cols: dict[tuple, int] = {}  # _best_cols's answers
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def set_rows(self, titles: list[str]) -> None:
        """Create one view per title (call when the network changes, not per update)."""
        self.clear()
        self._rows = []
        for i, title in enumerate(titles):
            label = self.addLabel(title, row=2 * i, col=0, color="#2a2f3a", size="9pt")
            view = self.addViewBox(row=2 * i + 1, col=0, lockAspect=True, invertY=True,
                                   enableMouse=False)
            image = pg.ImageItem(levels=(0.0, 1.0))
            view.addItem(image)
            view.sigResized.connect(self._fit_view)  # laid out anew: the mosaic fitted again
            self._rows.append({"label": label, "view": view, "image": image, "tiles": None,
                               "cols": 1, "name": "tile", "shape": None})
        self._fit_titles()

    def set_title(self, row: int, title: str) -> None:
        """Change row `row`'s title (a new language) without rebuilding the views."""
        self._rows[row]["label"].setText(title)
        self._fit_titles()

    def titles(self) -> list[str]:
        """The row titles, top to bottom."""
        return [r["label"].text for r in self._rows]

    def _fit_titles(self) -> None:
        """Wrap each title to the view's width: a long one (Japanese) never widens the column
        past the widget, which would cut the titles and the mosaics off at the right."""
        left, _, right, _ = self.ci.layout.getContentsMargins()
        width = max(self.viewport().width() - left - right - 4, 40)  # inside the margins
        for r in self._rows:
            label = r["label"]
            label.item.setTextWidth(-1)  # its natural width first
            if label.item.boundingRect().width() > width:
                label.item.setTextWidth(width)
            label.updateMin()
            label.resizeEvent(None)
        self.ci.setGeometry(self.range)  # a wider title before had stretched it: fit again

    def set_tiles(self, row: int, tiles: np.ndarray | None, name: str = "tile",
                  refit: bool = False) -> None:
        """Show (K, h, w) tiles in row `row`; None makes the row unseen (its items are kept
        for the next tiles). The view is fitted to the mosaic when its shape changes (or
        `refit`), and by `_fit_view` when the layout resizes the view."""
        r = self._rows[row]
        if tiles is None or tiles.size == 0:
            r["tiles"] = None
            r["label"].setOpacity(0.0)  # unseen, its place in the layout kept (a hidden item
            r["view"].setOpacity(0.0)  # would be laid out at no size, then shown squeezed)
            return
        tiles = np.asarray(tiles, dtype=np.float32)
        k, h, w = tiles.shape
        cols = self._best_cols(k, h, w)
        r.update(tiles=tiles, cols=cols, name=name)
        image = mosaic(tiles, cols)
        r["image"].setImage(image, levels=(0.0, 1.0), autoLevels=False)
        if refit or image.shape != r["shape"]:
            r["view"].autoRange(padding=0.05)
            r["shape"] = image.shape
        r["label"].setOpacity(1.0)
        r["view"].setOpacity(1.0)

    def _fit_view(self, view) -> None:
        """Fit `view` to its mosaic (after the layout gave it another size)."""
        for r in self._rows:
            if r["view"] is view and r["tiles"] is not None:
                view.autoRange(padding=0.05)

    def _best_cols(self, k: int, h: int, w: int) -> int:
        """The column count that shows the tiles largest in this view's shape."""
        width = max(self.width(), 50)
        height = max(self.height() / max(len(self._rows), 1) - 24, 30)  # minus the title
        key = (k, h, w, width, height)  # the same each drawing: found once
        if key not in self._cols:

            def scale(c: int) -> float:
                return min(width / (c * (w + 1)), height / (math.ceil(k / c) * (h + 1)))

            if len(self._cols) > 64:
                self._cols.clear()
            self._cols[key] = max(range(1, k + 1), key=scale)
        return self._cols[key]

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if getattr(self, "_rows", None):
            self._fit_titles()
        for row, r in enumerate(getattr(self, "_rows", [])):  # re-flow the grid to the new shape
            if r["tiles"] is not None:
                self.set_tiles(row, r["tiles"], r["name"], refit=True)
            else:
                r["shape"] = None  # an unseen row: fitted when next shown

    def tile_at(self, row: int, x: float, y: float) -> int | None:
        """Index of the tile under image pixel (x, y) of row `row`, or None in a gap."""
        r = self._rows[row]
        if r["tiles"] is None:
            return None
        k, h, w = r["tiles"].shape
        c, cx = divmod(int(math.floor(x)), w + 1)
        rr, cy = divmod(int(math.floor(y)), h + 1)
        i = rr * r["cols"] + c
        if x < 0 or y < 0 or cx >= w or cy >= h or c >= r["cols"] or i >= k:
            return None
        return i

    def describe(self, row: int, index: int) -> str:
        """'filter 7 · 5×5 · min -0.31 · max 0.42'."""
        r = self._rows[row]
        t = r["tiles"][index]
        return (f"{r['name']} {index + 1} · {t.shape[0]}×{t.shape[1]} · "
                f"min {float(t.min()):.3g} · max {float(t.max()):.3g}")

    def _on_mouse_moved(self, pos: QPointF) -> None:
        for row, r in enumerate(self._rows):
            if r["tiles"] is None or not r["view"].sceneBoundingRect().contains(pos):
                continue
            p = r["image"].mapFromScene(pos)
            index = self.tile_at(row, p.x(), p.y())
            if index is not None:
                text = self.describe(row, index)
                QToolTip.showText(self.mapToGlobal(self.mapFromScene(pos)), text, self)
                self.hovered.emit(text)
                return
        QToolTip.hideText()
        self.hovered.emit("")
