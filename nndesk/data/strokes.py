"""The drawing canvas's bitmap from its strokes: one rendering for the GUI, pendigits and tests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

__all__ = ["CANVAS_SIZE", "CELL", "ERASER_WIDTH", "PEN_WIDTH", "SUPERSAMPLE", "bitmap_to_image",
           "image_to_bitmap", "render_canvas", "render_strokes"]

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
