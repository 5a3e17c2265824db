"""The drawing canvas's bitmap from its strokes: one rendering for the GUI, pendigits and tests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

__all__ = ["CANVAS_SIZE", "PEN_WIDTH", "SUPERSAMPLE", "render_strokes"]

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
