"""Curves as a PNG, drawn by pyqtgraph (the window's plotting library) and its ImageExporter.

The command line has no window: a QApplication on Qt's offscreen platform (unless one runs
already, or QT_QPA_PLATFORM names another) renders the plots. pyqtgraph and Qt are imported
when a plot is made, never on `import nndesk.cli`.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Line", "Panel", "render", "PALETTE"]

PALETTE = ((31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
           (140, 86, 75), (227, 119, 194), (127, 127, 127))


@dataclass
class Line:
    """One curve: NaN or infinite values leave a gap; `dashed` for held-out data."""

    label: str
    x: Sequence[float]
    y: Sequence[float]
    color: tuple[int, int, int] = PALETTE[0]
    dashed: bool = False


@dataclass
class Panel:
    """One plot of the grid; `ylim` None fits the data."""

    title: str
    xlabel: str
    ylabel: str
    lines: list[Line] = field(default_factory=list)
    ylim: tuple[float, float] | None = None


def _application():
    """The running QApplication, or a new one on the offscreen platform (no display needed)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    return app


def _legend_corner(panel: Panel) -> tuple[float, float]:
    """pyqtgraph's legend offset: bottom right when the curves end high, else top right."""
    ends = [y[-1] for y in (list(line.y) for line in panel.lines)
            if y and math.isfinite(y[-1])]
    if not ends or panel.ylim is None:
        return (-10, 10)
    low, high = panel.ylim
    return (-10, -10) if sum(ends) / len(ends) > (low + high) / 2 else (-10, 10)


def render(panels: list[Panel], path: str | Path, title: str = "",
           panel_size: tuple[int, int] = (440, 310), columns: int | None = None) -> Path:
    """Draw `panels` in a grid (2 columns when more than 3) and save them as a PNG of
    `panel_size` pixels per panel (plus 30 for a `title`), written atomically; returns `path`.
    Raises OSError when the file cannot be written."""
    from nndesk.fileio import atomic_write

    app = _application()
    import pyqtgraph as pg
    from pyqtgraph.exporters import ImageExporter
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt

    columns = columns or (len(panels) if len(panels) <= 3 else 2)
    rows = math.ceil(len(panels) / columns)
    head = 30 if title else 0
    width, height = panel_size[0] * columns, panel_size[1] * rows + head
    view = pg.GraphicsLayoutWidget()
    view.setBackground("w")
    view.resize(width, height)
    layout = view.ci
    if title:
        layout.addLabel(title, row=0, col=0, colspan=columns, size="12pt", color="k")
        layout.layout.setRowFixedHeight(0, head)
    for i, panel in enumerate(panels):
        r, c = divmod(i, columns)
        plot = layout.addPlot(row=r + (1 if title else 0), col=c)
        plot.setTitle(panel.title, color="k", size="10pt")
        plot.setLabel("bottom", panel.xlabel)
        plot.setLabel("left", panel.ylabel)
        plot.showGrid(x=True, y=True, alpha=0.2)
        for axis in ("bottom", "left"):
            plot.getAxis(axis).setTextPen("k")
            plot.getAxis(axis).setPen("k")
        legend = plot.addLegend(offset=_legend_corner(panel), labelTextColor="k",
                                brush=pg.mkBrush(255, 255, 255, 230), pen=pg.mkPen(190, 190, 190))
        legend.setZValue(10)
        for line in panel.lines:
            style = Qt.PenStyle.DashLine if line.dashed else Qt.PenStyle.SolidLine
            plot.plot([float(v) for v in line.x], [float(v) for v in line.y], name=line.label,
                      pen=pg.mkPen(line.color, width=2, style=style), connect="finite")
        if panel.ylim is not None:
            plot.setYRange(*panel.ylim, padding=0.02)
    # The widget is never shown: the layout item gets the picture's size itself
    layout.setGeometry(QRectF(0, 0, width, height))
    app.processEvents()
    image = ImageExporter(layout)
    image.parameters()["width"] = width
    image.parameters()["height"] = height
    qimage = image.export(toBytes=True)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    qimage.save(buffer, "PNG")
    buffer.close()
    view.deleteLater()
    return atomic_write(path, lambda f: f.write(bytes(data)))
