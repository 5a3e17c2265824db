"""The drawing canvas's bitmap from its strokes: one rendering for the GUI, pendigits and tests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

__all__ = ["CANVAS_SIZE", "CELL", "ERASER_WIDTH", "PEN_WIDTH", "SUPERSAMPLE", "CanvasRenderer",
           "bitmap_to_image", "image_to_bitmap", "render_canvas", "render_strokes"]

CANVAS_SIZE = 280  # px, square; ten times MNIST's 28
# Pen width in canvas px. Measured on pen digits drawn 70% of the canvas tall: strokes as
# wide as MNIST's at ~26 px, but a model trained on MNIST alone reads them best at 22 px
# (92.3%; 26 px 92.2%; 30 px 91.3%), and thinner also leaves room for users' thick lines.
PEN_WIDTH = 22
SUPERSAMPLE = 4    # draw at 4x, then average 4x4 blocks: antialiased edges

Point = Sequence[float]


def render_strokes(strokes: Iterable[Sequence[Point]], size: int = CANVAS_SIZE,
                   width: float = PEN_WIDTH) -> np.ndarray:
    """Draw strokes (lists of (x, y) canvas pixels) as white ink on black: uint8 (size, size).

    Round caps and joins; a stroke of one point is a dot. Drawn supersampled then reduced
    with a box filter, so edges are antialiased the same way everywhere.
    """
    from PIL import Image, ImageDraw  # here: the canvas reads the constants before PIL loads

    k = SUPERSAMPLE
    img = Image.new("L", (size * k, size * k), 0)
    draw = ImageDraw.Draw(img)
    w = max(1.0, float(width) * k)
    r = w / 2
    for stroke in strokes:
        pts = [((x + 0.5) * k - 0.5, (y + 0.5) * k - 0.5) for x, y in stroke]  # pixel centres
        if not pts:
            continue
        if len(pts) > 1:
            draw.line(pts, fill=255, width=round(w))
        for x, y in pts:  # a disc at every point: round caps and joins (3x faster than
            draw.ellipse((x - r, y - r, x + r, y + r), fill=255)  # Pillow's joint="curve")
    return np.array(img.reduce(k))  # a writable copy


# -- a canvas that holds a bitmap too: a digit from the evaluation view, drawn on further ------
ERASER_WIDTH = 33  # canvas px: half again the pen's, so a wrong stroke goes in one sweep
CELL = 10  # canvas px per input pixel: CANVAS_SIZE / 28


def image_to_bitmap(image: np.ndarray, size: int = CANVAS_SIZE) -> np.ndarray:
    """A 28x28 image in [0, 1] ((28, 28) or (1, 28, 28), white ink on black, as MNIST) as the
    canvas's bitmap: uint8 (size, size), each input pixel a size/28-pixel square (nearest
    neighbour, so `bitmap_to_image` gives the image back exactly). Raises ValueError for
    another shape or a size that is not a multiple of 28."""
    a = np.asarray(image, dtype=np.float32)
    if a.shape not in ((28, 28), (1, 28, 28)) or size % 28:
        raise ValueError(f"a 28x28 image on a canvas of a multiple of 28 px, not {a.shape} "
                         f"on {size}")
    g = np.rint(np.clip(a.reshape(28, 28), 0, 1) * 255).astype(np.uint8)
    k = size // 28
    return np.ascontiguousarray(np.repeat(np.repeat(g, k, axis=0), k, axis=1))


def bitmap_to_image(bitmap: np.ndarray) -> np.ndarray:
    """The canvas bitmap (uint8 (S, S), S a multiple of 28) read in place as the network's
    (1, 28, 28) float32 input in [0, 1]: the mean of each (S/28)x(S/28) block, scaled as
    `load_mnist` scales (/255 in float32). No re-centring: a test digit is already centred
    (MNIST's own preprocessing), and the learner's edits stay where they were drawn."""
    b = np.asarray(bitmap)
    s = b.shape[0]
    if b.ndim != 2 or b.shape[1] != s or s % 28:
        raise ValueError(f"a square bitmap of a multiple of 28 px, not {b.shape}")
    k = s // 28
    blocks = b.reshape(28, k, 28, k).astype(np.float32).mean(axis=(1, 3))
    return (blocks / np.float32(255)).reshape(1, 28, 28)


def render_canvas(strokes: Sequence[Sequence[Point]], erase: Sequence[bool] | None = None,
                  base: np.ndarray | None = None, size: int = CANVAS_SIZE,
                  width: float = PEN_WIDTH, eraser_width: float = ERASER_WIDTH) -> np.ndarray:
    """The whole canvas as the network reads it: `base` (a uint8 (size, size) bitmap, or
    blank), then each stroke in order, ink (255) or, where `erase[i]`, paper (0) drawn with
    the wider eraser. uint8 (size, size). Without `base` and erasing this is exactly
    `render_strokes(strokes)`. A point is (x, y, ...): anything after x and y is ignored.
    Same pen as `render_strokes` (round caps and joins, 4x supersampled, box-filtered); the
    base pixels are repeated 4x before and averaged back after, so they come out unchanged."""
    from PIL import Image, ImageDraw

    erase = list(erase) if erase is not None else [False] * len(strokes)
    if len(erase) != len(strokes):
        raise ValueError(f"{len(strokes)} strokes but {len(erase)} erase flags")
    if base is None and not any(erase):
        return render_strokes([[(p[0], p[1]) for p in s] for s in strokes], size, width)
    k = SUPERSAMPLE
    if base is None:
        img = Image.new("L", (size * k, size * k), 0)
    else:
        b = np.asarray(base, dtype=np.uint8)
        if b.shape != (size, size):
            raise ValueError(f"the base bitmap must be {size}x{size}, not {b.shape}")
        img = Image.fromarray(np.ascontiguousarray(np.repeat(np.repeat(b, k, 0), k, 1)), "L")
    draw = ImageDraw.Draw(img)
    for stroke, rubbing in zip(strokes, erase, strict=True):
        pts = [((p[0] + 0.5) * k - 0.5, (p[1] + 0.5) * k - 0.5) for p in stroke]
        if not pts:
            continue
        fill = 0 if rubbing else 255
        w = max(1.0, float(eraser_width if rubbing else width) * k)
        r = w / 2
        if len(pts) > 1:
            draw.line(pts, fill=fill, width=round(w))
        for x, y in pts:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)
    return np.array(img.reduce(k))


class CanvasRenderer:
    """`render_canvas`, kept up to date as the pen moves: the same pixels, but a drawing that
    only grew since the last call (points added to its last stroke, new strokes after it, the
    same base bitmap) costs only the new segments' pen marks and the blocks they touch.

    Anything else (an undo, a clear, another base, different flags) is drawn anew in full. The
    pen marks are the same PIL calls as `render_canvas`'s, per segment and per point: a stroke
    with round caps and joins is the union of its segments and of a disc at each point, and
    the 4x supersampled image is reduced only in the 4x4 blocks the new marks touch, so the
    result equals `render_canvas(strokes, erase, base)` bit for bit (tests/data/
    test_canvas_render.py). Not thread-safe: one renderer per thread.
    """

    def __init__(self, size: int = CANVAS_SIZE, width: float = PEN_WIDTH,
                 eraser_width: float = ERASER_WIDTH) -> None:
        self.size, self.width, self.eraser_width = size, width, eraser_width
        self._img = None        # the supersampled PIL image ("L", size*k square)
        self._draw = None       # its ImageDraw
        self._bitmap: np.ndarray | None = None  # uint8 (size, size): the reduced image
        self._points: list[list[tuple[float, float]]] = []  # (x, y) of each stroke drawn
        self._erase: list[bool] = []
        self._base: np.ndarray | None = None
        self.full_renders = 0   # how many calls drew everything anew (tests, measuring)

    def render(self, strokes: Sequence[Sequence[Point]], erase: Sequence[bool] | None = None,
               base: np.ndarray | None = None) -> np.ndarray:
        """The canvas as `render_canvas(strokes, erase, base, size, width, eraser_width)`:
        uint8 (size, size), a new array the caller may keep. Raises ValueError as it does."""
        erase = [bool(e) for e in erase] if erase is not None else [False] * len(strokes)
        if len(erase) != len(strokes):
            raise ValueError(f"{len(strokes)} strokes but {len(erase)} erase flags")
        points = [[(float(p[0]), float(p[1])) for p in s] for s in strokes]
        grown = self._grown_from(points, erase, base)
        if grown is None:
            self._start(base)
            grown = [(i, 0) for i in range(len(points))]
        box = None
        for i, start in grown:  # (stroke, first new point)
            box = _union(box, self._mark(points[i], start, erase[i]))
        self._points, self._erase = points, erase
        if box is not None:
            self._reduce(box)
        return self._bitmap.copy()

    # -- inside -------------------------------------------------------------------------
    def _grown_from(self, points: list, erase: list[bool], base) -> list | None:
        """[(stroke index, its first point not drawn yet)] when the drawing only grew since
        the last call, else None (draw everything anew)."""
        old = self._points
        if (self._img is None or base is not self._base or len(points) < len(old)
                or erase[:len(old)] != self._erase):
            return None
        if old and (points[:len(old) - 1] != old[:-1]
                    or points[len(old) - 1][:len(old[-1])] != old[-1]):
            return None
        todo = []
        if old and len(points[len(old) - 1]) > len(old[-1]):
            todo.append((len(old) - 1, len(old[-1])))
        todo += [(i, 0) for i in range(len(old), len(points))]
        return todo

    def _start(self, base) -> None:
        from PIL import Image, ImageDraw

        size, k = self.size, SUPERSAMPLE
        if base is None:
            self._img = Image.new("L", (size * k, size * k), 0)
        else:
            b = np.asarray(base, dtype=np.uint8)
            if b.shape != (size, size):
                raise ValueError(f"the base bitmap must be {size}x{size}, not {b.shape}")
            self._img = Image.fromarray(
                np.ascontiguousarray(np.repeat(np.repeat(b, k, 0), k, 1)), "L")
        self._draw = ImageDraw.Draw(self._img)
        self._bitmap = (np.zeros((size, size), np.uint8) if base is None
                        else np.array(base, dtype=np.uint8))
        self._base, self._points, self._erase = base, [], []
        self.full_renders += 1

    def _mark(self, stroke: list, start: int, rubbing: bool) -> tuple | None:
        """Draw the stroke's points from `start` on (and the segment that joins them to the
        point before): the supersampled box they touch, or None."""
        k = SUPERSAMPLE
        pts = [((x + 0.5) * k - 0.5, (y + 0.5) * k - 0.5) for x, y in stroke[max(0, start - 1):]]
        new = pts[1:] if start > 0 else pts
        if not new:
            return None
        fill = 0 if rubbing else 255
        w = max(1.0, float(self.eraser_width if rubbing else self.width) * k)
        r = w / 2
        if len(pts) > 1:
            self._draw.line(pts, fill=fill, width=round(w))
        for x, y in new:
            self._draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)
        xs, ys = [x for x, _ in pts], [y for _, y in pts]
        return (min(xs) - r - 2, min(ys) - r - 2, max(xs) + r + 2, max(ys) + r + 2)

    def _reduce(self, box: tuple) -> None:
        """Reduce the 4x4 blocks under `box` (supersampled px) into the bitmap."""
        k, size = SUPERSAMPLE, self.size
        x0, y0 = max(0, int(box[0]) // k), max(0, int(box[1]) // k)
        x1, y1 = min(size, int(box[2]) // k + 1), min(size, int(box[3]) // k + 1)
        if x1 <= x0 or y1 <= y0:
            return
        part = self._img.crop((x0 * k, y0 * k, x1 * k, y1 * k)).reduce(k)
        self._bitmap[y0:y1, x0:x1] = np.asarray(part)


def _union(a: tuple | None, b: tuple | None) -> tuple | None:
    if a is None or b is None:
        return a if b is None else b
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
