"""How the canvas paints (canvas.py keeps what is drawn and the mouse): the paper, a bitmap
under the strokes, an opened image or the hint, and the strokes, as the same polyline the
network's bitmap is drawn from and only the parts of it that reach the area being repainted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from nndesk.gui.i18n import tr
from nndesk.gui.nobreak import phrase_glued

if TYPE_CHECKING:
    import numpy as np

__all__ = ["runs_near", "stroke_path", "paint_canvas", "ink_image", "eraser_width", "PAPER",
           "INK", "HINT"]

PAPER, INK, HINT = QColor("#ffffff"), QColor("#1d2330"), QColor("#9aa3b2")


def eraser_width() -> float:
    from nndesk.data.strokes import ERASER_WIDTH

    return float(ERASER_WIDTH)


def ink_image(base: np.ndarray) -> QImage:
    """A bitmap (uint8, white ink on black) in the screen's colours: ink on paper."""
    import numpy as np

    a = base.astype(np.float32)[..., None] / 255.0
    paper = np.array([PAPER.red(), PAPER.green(), PAPER.blue()], np.float32)
    ink = np.array([INK.red(), INK.green(), INK.blue()], np.float32)
    rgb = np.ascontiguousarray(np.rint(paper + (ink - paper) * a).astype(np.uint8))
    return QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0],
                  QImage.Format.Format_RGB888).copy()


def paint_canvas(canvas, repaint: QRect) -> None:
    """Paint a DrawingCanvas: its paper, its bitmap (`bitmap_image()`), an opened image or the
    hint, then the strokes that reach `repaint` (one mouse move repaints a small square, and
    stroking a long path whole would cost more than all the rest)."""
    p = QPainter(canvas)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    r = canvas.paper_rect()
    p.setPen(QPen(QColor("#c9ced8"), 1))
    p.setBrush(PAPER)
    p.drawRoundedRect(r, 8, 8)
    if canvas.base is not None:
        p.save()
        clip = QPainterPath()
        clip.addRoundedRect(r, 8, 8)
        p.setClipPath(clip)
        p.drawImage(r, canvas.bitmap_image())  # nearest: each input pixel a sharp square
        p.restore()
    if canvas.image is not None:
        img = canvas.image.scaled(r.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
        p.drawImage(QPointF(r.center().x() - img.width() / 2,
                            r.center().y() - img.height() / 2), img)
    elif canvas.is_empty() and not canvas.strokes:
        p.setPen(HINT)
        font = p.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        p.setFont(font)
        # wrapped inside the square: a 160 px canvas cut the Japanese hint at both sides
        p.drawText(r.adjusted(8, 8, -8, -8), int(Qt.AlignmentFlag.AlignCenter
                                                 | Qt.TextFlag.TextWordWrap),
                   phrase_glued(tr("draw a digit here")))  # no 「くださ」/「い」
    if not canvas.strokes:
        p.end()
        return
    k = r.width() / canvas.size_units
    pens = [QPen(colour, width * k, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                 Qt.PenJoinStyle.RoundJoin)
            for colour, width in ((INK, canvas.pen_width), (PAPER, eraser_width()))]
    p.setBrush(Qt.BrushStyle.NoBrush)
    area = QRectF(repaint).adjusted(-1, -1, 1, 1)
    whole = area.contains(r)
    reach = max(canvas.pen_width, eraser_width()) * k / 2 + 2
    for stroke, rubbing in zip(canvas.strokes, canvas.erasing, strict=False):
        p.setPen(pens[rubbing])  # in order: ink drawn after an erasure shows again
        for run in ([stroke] if whole else runs_near(stroke, area, r, k, reach)):
            p.drawPath(stroke_path(run, r, k))
    p.end()


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
