"""Where to put small text labels beside points of a plot so that none covers another label, a
marked point or a curve, and none is cut by the plot's edge: a greedy choice among places
around each point (above, below, left, right, further up or down, slid sideways), the nearest
that covers nothing; a label with no such place is left out. Pixels only, no Qt: the
accuracy plot's "best …%" labels use it (accuracy_plot.py), and it is tested on its own."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["place_labels", "Box"]

Box = tuple[float, float, float, float]  # left, top, width, height (pixels, y down)
Segment = tuple[float, float, float, float]  # x1, y1, x2, y2


def _overlap(a: Box, b: Box) -> float:
    """The area two boxes share."""
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _crosses(box: Box, seg: Segment) -> bool:
    """True when the segment passes through the box (Liang-Barsky clipping)."""
    x1, y1, x2, y2 = seg
    dx, dy = x2 - x1, y2 - y1
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, x1 - box[0]), (dx, box[0] + box[2] - x1),
                 (-dy, y1 - box[1]), (dy, box[1] + box[3] - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
        if lo > hi:
            return False
    return True


def _inside(box: Box, bounds: Box) -> Box:
    """`box` moved the least to lie within `bounds` (left/top win when it is larger)."""
    x = min(max(box[0], bounds[0]), bounds[0] + bounds[2] - box[2])
    y = min(max(box[1], bounds[1]), bounds[1] + bounds[3] - box[3])
    return max(x, bounds[0]), max(y, bounds[1]), box[2], box[3]


def _candidates(x: float, y: float, w: float, h: float, gap: float) -> list[Box]:
    """Places around the point (x, y), the most natural first: above it, centred."""
    above, below, middle = y - gap - h, y + gap, y - h / 2
    out = [(x - w / 2, above, w, h), (x - w / 2, below, w, h),
           (x - w - gap, above, w, h), (x + gap, above, w, h),
           (x - w - gap, below, w, h), (x + gap, below, w, h),
           (x - w - 2 * gap, middle, w, h), (x + 2 * gap, middle, w, h)]
    for k in range(1, 4):  # further away, up then down, centred, then to the left and right
        for left in (x - w / 2, x - w - gap, x + gap):
            out += [(left, above - k * (h + gap), w, h), (left, below + k * (h + gap), w, h)]
    for k in (0.5, 1.0, 1.5):  # a short plot: slid sideways, level with the point or just by it
        for top in (middle, above, below, y - h, y):
            out += [(x - w - 2 * gap - k * w, top, w, h), (x + 2 * gap + k * w, top, w, h)]
    # the nearest first (in that order when as near): a tall plot had room two rows above the
    # point before a place slid beside it was tried, and the label read as another point's
    return sorted(out, key=lambda box: round(_distance(box, x, y)))


def _distance(box: Box, x: float, y: float) -> float:
    """How far the point (x, y) is from the box's nearest edge (0 inside it)."""
    dx = max(box[0] - x, 0.0, x - box[0] - box[2])
    dy = max(box[1] - y, 0.0, y - box[1] - box[3])
    return (dx * dx + dy * dy) ** 0.5


def place_labels(points: Sequence[tuple[float, float]], sizes: Sequence[tuple[float, float]],
                 bounds: Box, segments: Sequence[Segment] = (), gap: float = 8.0
                 ) -> list[Box | None]:
    """One box per label (top-left, width, height in pixels) beside its point.

    `points`: each label's point (x, y), `sizes`: its text's (width, height), `bounds`: the
    plot area it must stay in, `segments`: the curves' pieces it should not cover, `gap`: the
    half size of a point's mark (a label starts beyond it). Labels are
    placed in order; each takes the first place that covers nothing (no earlier label, no
    point, no curve); a label left out is then tried first, and the order placing more labels
    wins. A label with no such place gets None (a plot too short or too full:
    a label crossing a curve or over a point was read as part of the plot, and one over
    another label cannot be read; it is better left out). Every box lies within `bounds`.
    """
    marks = [(px - gap, py - gap, 2 * gap, 2 * gap) for px, py in points]
    order = list(range(len(points)))
    best = _place(order, points, sizes, bounds, segments, gap, marks)
    for first in [i for i, box in enumerate(best) if box is None]:  # left out: placed first
        boxes = _place([first] + [i for i in order if i != first], points, sizes, bounds,
                       segments, gap, marks)
        if sum(b is not None for b in boxes) > sum(b is not None for b in best):
            best = boxes
    return best


def _place(order: list[int], points: Sequence[tuple[float, float]],
           sizes: Sequence[tuple[float, float]], bounds: Box, segments: Sequence[Segment],
           gap: float, marks: list[Box]) -> list[Box | None]:
    """`place_labels` with the labels placed in `order` (each taking the first free place)."""
    placed: list[Box] = []
    out: list[Box | None] = [None] * len(points)
    for i in order:
        (x, y), (w, h) = points[i], sizes[i]
        found = None
        if w <= bounds[2] and h <= bounds[3]:
            for spot in _candidates(x, y, w, h, gap):
                box = _inside(spot, bounds)
                if not (any(_overlap(box, other) for other in placed)
                        or any(_overlap(box, mark) for mark in marks)
                        or any(_crosses(box, seg) for seg in segments)):
                    found = box
                    break
        if found is not None:
            placed.append(found)
        out[i] = found
    return out
