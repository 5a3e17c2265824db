"""Strokes too thin for MNIST thickened: a fine pen's digit, 20 px tall, would be a hairline.

MNIST's strokes are about 2-3 px of its 20 px box (10-15% of the digit's longer side); a
3-px line on a 200-px image is 2%, and reduced to 20 px it is a faint thread the network has
never seen (issue: pen digits as thin-line PNGs, "7" read as "5, not a digit"). The crop's
strokes are measured and, when thinner than MIN_WIDTH of its longer side, dilated by a disc
(grey-level dilation: the soft edges keep their profile) to that width. Thicker strokes (the
canvas's pen, MNIST's, a marker's) are left exactly as they are: never thinned.
"""

from __future__ import annotations

import numpy as np

__all__ = ["stroke_width", "thickened", "MIN_WIDTH"]

MIN_WIDTH = 0.05    # of the crop's longer side: thinner strokes are thickened to this
HALF = 0.5          # of the crop's peak: a stroke's width is measured at half its height


def stroke_width(mask: np.ndarray) -> float:
    """The mean width of the strokes of a bool mask (H, W), px: twice its area over its
    outline's length (a stroke of length L and width w has area L*w and outline about 2L;
    the outline of holes counts, as the inner side of a 0's stroke). 0.0 for an empty mask."""
    import cv2

    area = int(np.count_nonzero(mask))
    if not area:
        return 0.0
    contours, _ = cv2.findContours(np.pad(mask, 1).view(np.uint8), cv2.RETR_LIST,
                                   cv2.CHAIN_APPROX_NONE)
    outline = sum(cv2.arcLength(c, True) for c in contours)
    return 2.0 * area / max(outline, 1.0)


def thickened(crop: np.ndarray) -> np.ndarray:
    """The crop (h, w) float32 in [0, 1], peak 1, with strokes at least MIN_WIDTH of its longer
    side wide: when they are thinner (measured at HALF its peak), padded by r px of 0 on every
    side and dilated by a disc of radius r so that (width + 2r) / (longer side + 2r) reaches
    MIN_WIDTH; otherwise the same array, untouched. Morphological dilation: Gonzalez & Woods,
    Digital Image Processing, 9.2 and 9.6."""
    import cv2

    side = max(crop.shape)
    width = stroke_width(crop >= HALF)
    r = int(round((MIN_WIDTH * side - width) / (2 * (1 - MIN_WIDTH))))
    if r < 1 or width <= 0:
        return crop
    disc = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1))
    return cv2.dilate(np.pad(crop, r), disc)
