"""DrawingCanvas: the square the learner draws a digit on, kept as strokes (point lists) over
an optional bitmap (a digit sent from the evaluation view), with ink and eraser strokes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QSizePolicy, QWidget

from nndesk.gui.canvas_paint import HINT, INK, PAPER, ink_image, paint_canvas, stroke_path
from nndesk.gui.i18n import tr

if TYPE_CHECKING:
    import numpy as np

__all__ = ["DrawingCanvas", "IMAGE_SUFFIXES", "Stroke", "PAPER", "INK", "HINT"]

MIN_HEIGHT = 140  # px: the canvas's least height (its width: 200)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".pgm")


def _canvas_constants() -> tuple[int, float]:
    """CANVAS_SIZE and PEN_WIDTH from nndesk.data.strokes, so screen and bitmap agree."""
    from nndesk.data.strokes import CANVAS_SIZE, PEN_WIDTH

    return int(CANVAS_SIZE), float(PEN_WIDTH)


class Stroke(list):
    """A stroke's points [(x, y), ...] (a list, as before) and, beside them, when the pen
    reached each one: `times` (ms on the canvas's clock). Undo and Clear move it whole."""

    def __init__(self, points=(), times=()) -> None:
        super().__init__(points)
        self.times: list[float] = list(times)


class DrawingCanvas(QWidget):
    """Strokes in canvas units (0..CANVAS_SIZE), drawn with a round antialiased pen, over
    `base` (None or a uint8 (CANVAS_SIZE, CANVAS_SIZE) bitmap, white ink on black).

    `strokes[i]` is a list of points; `erasing[i]` says whether stroke i rubs ink out (the
    right mouse button, or the left one while `eraser` is on). `drawing()` hands all three
    to `nndesk.data.strokes.render_canvas`, the one rendering the screen and network share.
    """

    strokes_changed = Signal()  # a point was added, a stroke undone, or the canvas cleared
    stroke_finished = Signal()
    image_dropped = Signal(str)  # a file path dropped onto the canvas

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Every mouse point counts: Qt (X11) merges mouse moves that queue up while the event
        # loop is busy, which cut the corners off a fast first stroke. Without merging each
        # move is delivered; they are cheap (a point appended), the work happens elsewhere.
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_CompressHighFrequencyEvents,
                                      False)
        self._constants: tuple[int, float] | None = None  # read on first use (NumPy, PIL)
        self.strokes: list[list[tuple[float, float]]] = []
        self.erasing: list[bool] = []  # one flag per stroke: True rubs out
        self.base: np.ndarray | None = None  # a bitmap under the strokes (evaluation view)
        self.eraser = False  # the left button rubs out too (the panel's Eraser button)
        self._cleared: list[tuple] = []  # (strokes, erasing, base) that Clear took away
        self._base_shown: tuple | None = None  # (base, its QImage): made once per bitmap
        self._drawing = False
        self._clock = QElapsedTimer()  # the pen's times, in ms
        self._clock.start()
        self._image: QImage | None = None  # an opened image shown instead of strokes
        self._image_bitmap: np.ndarray | None = None  # its digit as a bitmap, to draw on
        self.setAcceptDrops(True)
        # MIN_HEIGHT px high at least: on a 1280x720 screen the panel's lower lines (handwriting,
        # model) need the rest in Japanese (tests/gui/test_canvas_dock.py)
        self.setMinimumSize(200, MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        # Clicking the canvas takes the keyboard focus from any spin box, so Ctrl+Z and Esc
        # then undo and clear strokes instead of editing that box.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setToolTip(tr("Draw a digit with the mouse or a pen; the right button erases. "
                           "Esc clears, Ctrl+Z undoes a stroke. Drop an image file here to "
                           "recognize it."))

    @property
    def size_units(self) -> int:
        """CANVAS_SIZE: the side of the canvas in the units strokes are kept in."""
        if self._constants is None:
            self._constants = _canvas_constants()
        return self._constants[0]

    @property
    def pen_width(self) -> float:
        """PEN_WIDTH in canvas units."""
        if self._constants is None:
            self._constants = _canvas_constants()
        return self._constants[1]

    # -- geometry: a centred square, canvas units <-> widget pixels -------------------------
    def paper_rect(self) -> QRectF:
        """The square drawing area inside the widget, in widget pixels."""
        side = min(self.width(), self.height()) - 2
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def to_units(self, pos: QPointF) -> tuple[float, float]:
        """Widget pixels -> canvas units, clamped to the paper."""
        r = self.paper_rect()
        k = self.size_units / r.width()
        x = min(max((pos.x() - r.x()) * k, 0.0), float(self.size_units))
        y = min(max((pos.y() - r.y()) * k, 0.0), float(self.size_units))
        return (x, y)

    def to_widget(self, x: float, y: float) -> QPointF:
        """Canvas units -> widget pixels (tests press the mouse here)."""
        r = self.paper_rect()
        k = r.width() / self.size_units
        return QPointF(r.x() + x * k, r.y() + y * k)

    # -- editing ----------------------------------------------------------------------------
    def clear(self) -> None:
        """Put away every stroke and the bitmap (undo brings them back); forget any opened
        image."""
        if self.strokes or self.base is not None or self._image is not None:
            if self.strokes or self.base is not None:
                self._cleared.append((self.strokes, self.erasing, self.base))
            self.strokes, self.erasing, self.base, self._image = [], [], None, None
            self.update()
            self.strokes_changed.emit()

    def undo(self) -> None:
        """Remove the last stroke; on an empty canvas, bring back what Clear took away."""
        if self.strokes:
            self.strokes.pop()
            self.erasing.pop()
        elif self.base is None and self._cleared:
            (self.strokes, self.erasing, self.base), self._image = self._cleared.pop(), None
        else:
            return
        self.update()
        self.strokes_changed.emit()

    def show_image(self, image: QImage | None, bitmap: np.ndarray | None = None) -> None:
        """Show an opened image file in place of strokes (None to drop it). `bitmap`: the
        digit the network read in it, as `set_bitmap` takes it; the first stroke on the image
        draws on that bitmap (ink added, or rubbed out) instead of on an empty canvas."""
        self.strokes, self.erasing, self.base, self._image = [], [], None, image
        self._image_bitmap = None if image is None or bitmap is None else bitmap.copy()
        self.update()

    def set_bitmap(self, bitmap: np.ndarray) -> None:
        """Put a bitmap (uint8 (CANVAS_SIZE, CANVAS_SIZE), white ink on black) on the canvas
        to draw on further; the strokes so far are put away as by Clear. Emits nothing: the
        caller has the input already (the evaluation view's test image)."""
        if bitmap.shape != (self.size_units, self.size_units):
            raise ValueError(f"the canvas bitmap is {self.size_units}x{self.size_units}, "
                             f"not {bitmap.shape}")
        if self.strokes or self.base is not None:
            self._cleared.append((self.strokes, self.erasing, self.base))
        self.strokes, self.erasing, self._image = [], [], None
        self.base = bitmap.copy()
        self.update()

    def drawing(self) -> dict:
        """A copy of what is drawn, the keyword arguments of `render_canvas` and of the
        preparer: {"strokes": [[(x, y, t), ...], ...] (`timed_strokes`), "erase": [bool, ...],
        "base": bitmap|None}."""
        return {"strokes": self.timed_strokes(), "erase": list(self.erasing), "base": self.base}

    def shows_image(self) -> bool:
        """True while an opened image file is shown in place of strokes."""
        return self._image is not None

    def timed_strokes(self) -> list[list[tuple[float, float, float]]]:
        """The pen's path: [[(x, y, t), ...], ...] in canvas units (y down), t in ms from the
        drawing's first point (a stroke set without times gives (x, y) points)."""
        starts = [s.times[0] for s in self.strokes if getattr(s, "times", None)]
        t0 = min(starts) if starts else 0.0
        return [[(x, y, t - t0) for (x, y), t in zip(s, s.times, strict=True)]
                if len(getattr(s, "times", ())) == len(s) else [tuple(p) for p in s]
                for s in self.strokes]

    def is_empty(self) -> bool:
        """True when nothing is drawn (no bitmap, and no stroke of ink)."""
        return self.base is None and not any(
            s for s, rubbing in zip(self.strokes, self.erasing, strict=False) if not rubbing)

    # -- mouse and pen (Qt turns unhandled tablet events into mouse events) ----------------
    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            return
        if self._image is not None:         # draw on the digit read from it, not on nothing
            self.base, self._image, self._image_bitmap = self._image_bitmap, None, None
        self._drawing = event.button()
        self.strokes.append(Stroke([self.to_units(event.position())],
                                   [float(self._clock.elapsed())]))
        self.erasing.append(self.eraser or event.button() == Qt.MouseButton.RightButton)
        self.update()
        self.strokes_changed.emit()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if not self._drawing:
            return
        point = self.to_units(event.position())
        last = self.strokes[-1][-1]
        if abs(point[0] - last[0]) + abs(point[1] - last[1]) < 0.5:
            return  # sub-pixel jitter: nothing new to draw or predict
        self.strokes[-1].append(point)
        if isinstance(self.strokes[-1], Stroke):
            self.strokes[-1].times.append(float(self._clock.elapsed()))
        self.update(self._segment_rect(last, point))  # only where the new segment lies
        self.strokes_changed.emit()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._drawing and event.button() == self._drawing:
            self._drawing = False
            self.stroke_finished.emit()

    # -- drag and drop ----------------------------------------------------------------------
    @staticmethod
    def _dropped_path(event) -> str | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
        return paths[0] if paths and Path(paths[0]).suffix.lower() in IMAGE_SUFFIXES else None

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self._dropped_path(event):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        path = self._dropped_path(event)
        if path:
            event.acceptProposedAction()
            self.image_dropped.emit(path)

    # -- painting (canvas_paint.py) ----------------------------------------------------------
    @property
    def image(self) -> QImage | None:
        """The opened image shown in place of strokes, or None."""
        return self._image

    def paintEvent(self, event) -> None:  # noqa: N802
        paint_canvas(self, event.rect())

    def _segment_rect(self, a: tuple[float, float], b: tuple[float, float]) -> QRect:
        """The widget pixels the segment a-b (canvas units) may ink, pen and antialiasing."""
        r = self.paper_rect()
        k = r.width() / self.size_units
        pa, pb = self.to_widget(a[0] + 0.5, a[1] + 0.5), self.to_widget(b[0] + 0.5, b[1] + 0.5)
        m = self.pen_width * k / 2 + 3
        return QRectF(QPointF(min(pa.x(), pb.x()) - m, min(pa.y(), pb.y()) - m),
                      QPointF(max(pa.x(), pb.x()) + m, max(pa.y(), pb.y()) + m)).toAlignedRect()

    def bitmap_image(self) -> QImage:
        """The base bitmap in the screen's colours (ink on paper), made once per bitmap."""
        if self._base_shown is None or self._base_shown[0] is not self.base:
            self._base_shown = (self.base, ink_image(self.base))
        return self._base_shown[1]

    stroke_path = staticmethod(stroke_path)  # (canvas_paint.stroke_path; tests call it here)
