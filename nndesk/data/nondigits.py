"""Things people draw on a digit canvas that are not digits, made from strokes.

Letters, spirals, zigzags, hearts, stars, tangles, crosses, single lines, dots and two digits
side by side, drawn as a user would (random size, place, slant, pen width) and rendered through
the canvas's own path: `render_strokes` then `preprocess`. Seeded; two disjoint parts:
"calibration" (to choose thresholds) and "held_out" (to measure them), each from its own seed,
and the side-by-side pairs of the held-out part come from writers that the calibration part
never uses. Letters that are digits in another form (O, I, l, S, Z, B, G, b, g, q) are left
out: no method can tell them from 0, 1, 5, 2, 8, 6 and 9 by their shape alone.

Used for "not a digit" (out-of-distribution) detection, as the "outlier exposure" and test sets
of Hendrycks, Mazeika & Dietterich, "Deep anomaly detection with outlier exposure" (ICLR 2019).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nndesk.data.preprocess import preprocess
from nndesk.data.strokes import CANVAS_SIZE, PEN_WIDTH, render_strokes

__all__ = ["KINDS", "MORE_KINDS", "LETTERS", "PARTS", "NonDigitSet", "make_nondigits",
           "draw_kind"]

PARTS = {"calibration": 1_000, "held_out": 2_000}  # part -> seed offset
# The kinds: the held-out measure of "not a digit" is taken on these.
KINDS = ("letter", "spiral", "zigzag", "heart", "star", "tangle", "cross", "line", "dot", "pair")
# More doodles: shading scribbles, smileys, arrows, triangles and boxes, waves, and short words
# of two or three letters. Measured apart; not in the calibration set (adding them there was
# measured to lower the held-out rejection of KINDS: see insight/calibrate.py).
MORE_KINDS = ("scribble", "smiley", "arrow", "shape", "wave", "word")

# Letters as people write them, in a unit box (x right, y down): strokes of (x, y) points.
_ARC = [(0.5 + 0.5 * np.cos(a), 0.5 - 0.5 * np.sin(a)) for a in np.linspace(0.8, 5.5, 14)]
LETTERS: dict[str, list[list[tuple[float, float]]]] = {
    "A": [[(0, 1), (0.5, 0), (1, 1)], [(0.22, 0.6), (0.78, 0.6)]],
    "C": [list(_ARC)],
    "E": [[(1, 0), (0, 0), (0, 1), (1, 1)], [(0, 0.5), (0.75, 0.5)]],
    "F": [[(1, 0), (0, 0), (0, 1)], [(0, 0.48), (0.7, 0.48)]],
    "H": [[(0, 0), (0, 1)], [(1, 0), (1, 1)], [(0, 0.5), (1, 0.5)]],
    "K": [[(0, 0), (0, 1)], [(1, 0), (0.05, 0.55), (1, 1)]],
    "M": [[(0, 1), (0, 0), (0.5, 0.65), (1, 0), (1, 1)]],
    "N": [[(0, 1), (0, 0), (1, 1), (1, 0)]],
    "R": [[(0, 1), (0, 0), (0.75, 0), (1, 0.12), (1, 0.38), (0.75, 0.5), (0, 0.5), (1, 1)]],
    "T": [[(0, 0), (1, 0)], [(0.5, 0), (0.5, 1)]],
    "W": [[(0, 0), (0.25, 1), (0.5, 0.35), (0.75, 1), (1, 0)]],
    "X": [[(0, 0), (1, 1)], [(1, 0), (0, 1)]],
    "Y": [[(0, 0), (0.5, 0.5), (1, 0)], [(0.5, 0.5), (0.5, 1)]],
    "e": [[(0.05, 0.55), (0.95, 0.55), (0.9, 0.3), (0.7, 0.1), (0.4, 0.08), (0.12, 0.3),
           (0.05, 0.6), (0.2, 0.88), (0.5, 1), (0.85, 0.9)]],
    "m": [[(0, 1), (0, 0.3), (0.1, 0.15), (0.3, 0.12), (0.45, 0.3), (0.5, 1)],
          [(0.5, 0.35), (0.6, 0.15), (0.8, 0.12), (0.97, 0.3), (1, 1)]],
    "h": [[(0, 0), (0, 1)], [(0, 0.6), (0.2, 0.42), (0.6, 0.4), (0.95, 0.6), (1, 1)]],
    "k": [[(0, 0), (0, 1)], [(0.8, 0.4), (0.05, 0.72), (0.85, 1)]],
    "w": [[(0, 0.3), (0.22, 1), (0.5, 0.45), (0.78, 1), (1, 0.3)]],
    "x": [[(0, 0.3), (1, 1)], [(1, 0.3), (0, 1)]],
    "#": [[(0.35, 0), (0.25, 1)], [(0.75, 0), (0.65, 1)], [(0, 0.33), (1, 0.33)],
          [(0, 0.67), (1, 0.67)]],
}


@dataclass
class NonDigitSet:
    """x: (N, 1, 28, 28) float32 inputs; kinds: (N,) str; strokes: canvas strokes per item;
    no_digit: per kind, how many drawings `preprocess` itself found no digit in (None: too
    small to be one, e.g. a dot): already rejected by the input path, not in x."""

    x: np.ndarray
    kinds: np.ndarray
    strokes: list
    no_digit: dict


def _unit(kind: str, rng: np.random.Generator, digits: Sequence | None) -> list[np.ndarray]:
    """One drawing of `kind` in a unit-ish box (x right, y down), before placement."""
    if kind == "letter":
        name = list(LETTERS)[rng.integers(len(LETTERS))]
        return [np.asarray(s, np.float64) for s in LETTERS[name]]
    if kind == "spiral":
        turns = rng.uniform(1.5, 3.5)
        t = np.linspace(0, turns * 2 * np.pi, int(40 * turns))
        r = t / t[-1] * 0.5
        sign = rng.choice([-1, 1])
        return [np.c_[0.5 + r * np.cos(sign * t), 0.5 + r * np.sin(sign * t)]]
    if kind == "zigzag":
        n = int(rng.integers(3, 8))
        xs = np.linspace(0, 1, 2 * n + 1)
        ys = np.where(np.arange(2 * n + 1) % 2 == 0, 0.0, 1.0) * rng.uniform(0.3, 1.0)
        pts = np.c_[xs, ys]
        return [pts[:, ::-1] if rng.random() < 0.3 else pts]  # some run top to bottom
    if kind == "heart":
        t = np.linspace(0, 2 * np.pi, 60)
        x = 16 * np.sin(t) ** 3
        y = -(13 * np.cos(t) - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t))
        return [np.c_[x, y] / 32 + 0.5]
    if kind == "star":
        n = int(rng.choice([5, 5, 7]))  # a pentagram (every second vertex) or a 7-star
        step = 2 if n == 5 else 3
        a = -np.pi / 2 + 2 * np.pi * (np.arange(n + 1) * step % n) / n
        return [np.c_[0.5 + 0.5 * np.cos(a), 0.5 + 0.5 * np.sin(a)]]
    if kind == "tangle":
        n = int(rng.integers(60, 160))
        heading = np.cumsum(rng.normal(0, 0.45, n))
        pts = np.cumsum(np.c_[np.cos(heading), np.sin(heading)] * 0.06, axis=0)
        return [pts]
    if kind == "cross":
        a = rng.uniform(0, np.pi / 2)
        d1 = np.array([np.cos(a), np.sin(a)]) * 0.5
        d2 = np.array([-d1[1], d1[0]])
        return [np.array([0.5 - d1, 0.5 + d1]), np.array([0.5 - d2, 0.5 + d2])]
    if kind == "line":
        a = rng.uniform(-40, 40) * np.pi / 180  # from horizontal; steeper lines are 1s
        d = np.array([np.cos(a), np.sin(a)]) * 0.5
        return [np.array([0.5 - d, 0.5 + d])]
    if kind == "dot":
        n = int(rng.integers(1, 4))
        return [rng.uniform(0, 1, (1, 2)) for _ in range(n)]
    if kind == "pair":
        from nndesk.data.pendigits import to_canvas

        a, b = (digits[i] for i in rng.integers(len(digits), size=2))
        left = to_canvas(a, None, height=0.5, centre=(0.27 * CANVAS_SIZE, CANVAS_SIZE / 2))
        right = to_canvas(b, None, height=0.5, centre=(0.73 * CANVAS_SIZE, CANVAS_SIZE / 2))
        return [s / CANVAS_SIZE for s in left + right]
    if kind in MORE_KINDS:
        return _more(kind, rng)
    raise ValueError(f"unknown kind {kind!r}; kinds are {', '.join(KINDS + MORE_KINDS)}")


def _more(kind: str, rng: np.random.Generator) -> list[np.ndarray]:
    """One drawing of a MORE_KINDS doodle in a unit-ish box (x right, y down)."""
    if kind == "scribble":  # shading: quick strokes back and forth, drifting down
        n = int(rng.integers(5, 14))
        ys = np.linspace(0, 1, 2 * n) + rng.normal(0, 0.03, 2 * n)
        xs = np.where(np.arange(2 * n) % 2 == 0, rng.uniform(0, 0.2, 2 * n),
                      rng.uniform(0.8, 1, 2 * n))
        return [np.c_[xs, ys]]
    if kind == "smiley":
        t = np.linspace(0, 2 * np.pi, 40)
        face = np.c_[0.5 + 0.5 * np.cos(t), 0.5 + 0.5 * np.sin(t)]
        m = np.linspace(0.2 * np.pi, 0.8 * np.pi, 12)
        mouth = np.c_[0.5 + 0.28 * np.cos(m), 0.52 + 0.22 * np.sin(m) * rng.choice([1, -1])]
        eyes = [np.array([[0.33, 0.35]]), np.array([[0.67, 0.35]])]
        return [face, mouth] if rng.random() < 0.3 else [face, mouth, *eyes]  # some: no eyes
    if kind == "arrow":
        a = rng.uniform(0, 2 * np.pi)
        d = np.array([np.cos(a), np.sin(a)]) * 0.5
        tip, tail = 0.5 + d, 0.5 - d
        back = -d / np.linalg.norm(d) * 0.3
        left = tip + back @ np.array([[np.cos(0.5), -np.sin(0.5)], [np.sin(0.5), np.cos(0.5)]])
        right = tip + back @ np.array([[np.cos(-0.5), -np.sin(-0.5)],
                                       [np.sin(-0.5), np.cos(-0.5)]])
        return [np.array([tail, tip]), np.array([left, tip, right])]
    if kind == "shape":  # a triangle or a box, closed, in one stroke
        if rng.random() < 0.5:
            pts = np.array([(0.5, 0), (1, 1), (0, 1), (0.5, 0)], np.float64)
        else:
            w = rng.uniform(0.9, 1.6)  # square or wide: a tall box could be a 0
            pts = np.array([(0, 0), (w, 0), (w, 1), (0, 1), (0, 0)], np.float64)
        return [pts]
    if kind == "wave":
        periods = rng.uniform(1.5, 4)
        t = np.linspace(0, 1, int(30 * periods))
        return [np.c_[t, 0.5 + rng.uniform(0.1, 0.3) * np.sin(2 * np.pi * periods * t)]]
    # word: two or three letters side by side
    n = int(rng.integers(2, 4))
    out = []
    for i in range(n):
        name = list(LETTERS)[rng.integers(len(LETTERS))]
        out += [np.asarray(s, np.float64) * (0.8, 1) + (i, 0) for s in LETTERS[name]]
    return out


def draw_kind(kind: str, rng: np.random.Generator, digits: Sequence | None = None,
              size: int = CANVAS_SIZE) -> list[np.ndarray]:
    """Canvas strokes (arrays of (x, y) px) of one `kind`, placed as a user would draw it:
    40-85% of the canvas tall, slanted up to 12 degrees, a little hand tremor, anywhere that
    keeps it on the canvas. `digits` (PenDigits) are needed for "pair". Raises ValueError
    for an unknown kind."""
    strokes = _unit(kind, rng, digits)
    pts = np.vstack(strokes)
    lo, hi = pts.min(0), pts.max(0)
    extent = np.maximum(hi - lo, 1e-6)
    a = rng.uniform(-12, 12) * np.pi / 180
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    squash = np.array([rng.uniform(0.75, 1.25), 1.0])
    target = rng.uniform(0.4, 0.85) * size
    scale = target / max(extent.max(), 0.25)  # dots: a small area, not the whole canvas
    out = []
    for s in strokes:
        p = ((s - (lo + hi) / 2) * squash) @ rot.T * scale
        if kind != "pair":
            p = p + rng.normal(0, 1.2, p.shape)  # tremor, px
        out.append(p)
    allp = np.vstack(out)
    lo2, hi2 = allp.min(0), allp.max(0)
    margin = 0.5 * PEN_WIDTH + 2
    low = margin - lo2
    high = size - margin - hi2
    shift = np.where(high > low, rng.uniform(np.minimum(low, high), np.maximum(low, high)),
                     (low + high) / 2)
    return [np.clip(p + shift, 0, size) for p in out]


def make_nondigits(n_per_kind: int = 100, part: str = "calibration", *,
                   digits: Sequence | None = None, kinds: Sequence[str] = KINDS,
                   ) -> NonDigitSet:
    """`n_per_kind` drawings of each kind, rendered and preprocessed as canvas drawings are.

    part: "calibration" or "held_out" (independent seeds). "pair" needs `digits` (PenDigits):
    the calibration part pairs writers 1-10, the held-out part writers 11-20 (never 21-30,
    which are the held-out pen writers); without `digits` "pair" is left out.
    Returns a NonDigitSet; drawings `preprocess` finds no digit in are counted in `no_digit`.
    `kinds` may also name MORE_KINDS (each gets its own seed too).
    Raises ValueError for an unknown part or kind.
    """
    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}, not {part!r}")
    pool = None
    if digits is not None:
        writers = range(1, 11) if part == "calibration" else range(11, 21)
        pool = [d for d in digits if d.writer in writers]
    xs, ks, ss, none = [], [], [], {}
    order = KINDS + MORE_KINDS
    for kind in kinds:
        if kind not in order:
            raise ValueError(f"unknown kind {kind!r}; kinds are {', '.join(order)}")
        if kind == "pair" and not pool:
            continue
        rng = np.random.default_rng(PARTS[part] + order.index(kind))  # as before for KINDS
        for _ in range(n_per_kind):
            strokes = draw_kind(kind, rng, pool)
            width = PEN_WIDTH * rng.uniform(0.75, 1.3)
            x = preprocess(render_strokes(strokes, width=width))
            if x is None:
                none[kind] = none.get(kind, 0) + 1
            else:
                xs.append(x)
                ks.append(kind)
                ss.append(strokes)
    x = np.stack(xs).astype(np.float32) if xs else np.zeros((0, 1, 28, 28), np.float32)
    return NonDigitSet(x, np.array(ks), ss, none)
