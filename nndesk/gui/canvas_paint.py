"""How the canvas paints strokes: the same polyline the network's bitmap is drawn from, and
only the parts of it that reach the area being repainted."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

__all__ = ["runs_near", "stroke_path"]


def stroke_path(stroke: list[tuple[float, float]], r: QRectF, k: float) -> QPainterPath:
    """The stroke as `render_strokes` draws it: straight segments through every point.

    With a round cap and join, a polyline is the union of its segments and a disc at each
    point: the same ink as the network's bitmap. A point (x, y) is the centre of canvas
    pixel (x, y), so it sits half a unit in from that pixel's corner, as in the bitmap.
    """
    pts = [QPointF(r.x() + (x + 0.5) * k, r.y() + (y + 0.5) * k) for x, y in stroke]
    path = QPainterPath(pts[0])
    if len(pts) == 1:
        path.lineTo(pts[0] + QPointF(1e-3 * k, 0))  # a dot: a round cap on a tiny segment
        return path
    for pt in pts[1:]:
        path.lineTo(pt)
    return path


def runs_near(stroke: list, area: QRectF, r: QRectF, k: float, reach: float) -> list[list]:
    """The stroke's runs of consecutive segments that come within `reach` widget px of
    `area` (a stroke of one point: itself, when it does). Drawn alone they ink `area` as
    the whole stroke does: the pen's mark is the union of its segments and round ends."""
    x0, y0 = (area.left() - r.x()) / k - 0.5, (area.top() - r.y()) / k - 0.5
    x1, y1 = (area.right() - r.x()) / k - 0.5, (area.bottom() - r.y()) / k - 0.5
    d = reach / k
    x0, y0, x1, y1 = x0 - d, y0 - d, x1 + d, y1 + d
    if len(stroke) == 1:
        x, y = stroke[0]
        return [stroke] if x0 <= x <= x1 and y0 <= y <= y1 else []
    runs, run = [], None
    for i in range(len(stroke) - 1):
        (ax, ay), (bx, by) = stroke[i], stroke[i + 1]
        if max(ax, bx) < x0 or min(ax, bx) > x1 or max(ay, by) < y0 or min(ay, by) > y1:
            run = None
            continue
        if run is None:
            run = [stroke[i]]
            runs.append(run)
        run.append(stroke[i + 1])
    return runs
