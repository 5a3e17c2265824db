"""The pen's path as a sequence: THE one path from strokes to what a trajectory model reads.

`to_sequence` serves the pen digits (training, measuring), the canvas and `nndesk predict
--strokes` alike. Online handwriting recognizers resample the ink at equal distances along
the pen's path (speed differs from mouse to tablet and from hand to hand; the shape does not),
move it to the origin and scale it to one size, and mark where the pen was lifted (Graves,
*Supervised Sequence Labelling with RNNs*, 2012, ch. 9.1; Graves et al. 2009, "A novel
connectionist system for unconstrained handwriting recognition", sec. III: the pen-up bit).

`TrajectoryAugmenter` distorts strokes the way hands differ (the trajectory counterpart of
`augment.Augmenter`); `sequence_set` and `pendigit_splits` make training data of the pen
digits, split by writer. Never imports Qt or `nndesk.nn`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from nndesk.data.mnist import Splits

__all__ = ["SEQUENCE_LENGTH", "FEATURES", "to_sequence", "TrajectoryAugmenter", "sequence_set",
           "pendigit_splits", "SequenceSplits", "VALIDATION_WRITERS", "parse_strokes",
           "sequence_metadata", "TRAJECTORY_KEY", "PaddedSequenceSplits", "pad_sequences",
           "traced_backwards"]

SEQUENCE_LENGTH = 32   # points per digit; UCI's own pendigits features use 8 (Alpaydin 1998)
FEATURES = ("x", "y", "dx", "dy", "pen_up")  # F = 5 numbers per point
VALIDATION_WRITERS = (17, 18, 19, 20)  # of the training writers 1-20: validation, the
# combination weight; writers 21-30 (pendigits.HELD_OUT_WRITERS) are never trained on
TRAJECTORY_KEY = "trajectory"  # a trajectory model's metadata: how its sequences are made
MAX_STROKE_POINTS = 100_000  # a strokes file bigger than this is refused, not resampled
COORDINATE_LIMIT = 1e9  # |x|, |y| beyond this in a strokes file: refused (float64 keeps the
# digit's shape at 1e9 offsets; beyond, a file is more likely broken than a drawing)


def _points(stroke) -> np.ndarray:
    """A stroke as (n, 2) float64 x, y; a third column (time) is checked and dropped."""
    p = np.asarray(stroke, np.float64)
    if p.ndim != 2 or p.shape[1] not in (2, 3) or not np.all(np.isfinite(p)):
        raise ValueError("a stroke must be a list of finite [x, y] or [x, y, t] points")
    if p.shape[1] == 3 and len(p) > 1 and np.any(np.diff(p[:, 2]) < 0):
        raise ValueError("a stroke's times must not go backwards")
    return p[:, :2]


def _ordered(strokes: Sequence) -> list[np.ndarray]:
    """(n, 2) arrays in drawing order: by their first time when every stroke has times."""
    strokes = [s for s in strokes if len(s)]
    timed = all(np.asarray(s).ndim == 2 and np.asarray(s).shape[1] == 3 for s in strokes)
    if timed and strokes:
        starts = [float(np.asarray(s, np.float64)[0, 2]) for s in strokes]
        strokes = [strokes[i] for i in np.argsort(starts, kind="stable")]
    return [_points(s) for s in strokes]


def _allot(lengths: np.ndarray, total: int) -> np.ndarray:
    """Points per stroke: one each for the `total` longest, the rest by length (largest
    remainders), so a dot keeps a point and long strokes get the detail."""
    n = len(lengths)
    counts = np.zeros(n, np.int64)
    keep = np.argsort(-lengths, kind="stable")[:total]
    counts[keep] = 1
    spare = total - len(keep)
    if spare and lengths[keep].sum() > 0:
        share = lengths[keep] / lengths[keep].sum() * spare
        extra = np.floor(share).astype(np.int64)
        rest = spare - extra.sum()
        extra[np.argsort(-(share - extra), kind="stable")[:rest]] += 1
        counts[keep] += extra
    elif spare:
        counts[keep[0]] += spare
    return counts


def _resample(p: np.ndarray, k: int) -> np.ndarray:
    """`k` points at equal arc-length steps along the polyline `p` (ends included)."""
    seg = np.hypot(*np.diff(p, axis=0).T) if len(p) > 1 else np.zeros(0)
    s = np.concatenate([[0.0], np.cumsum(seg)])
    if s[-1] == 0 or k == 1:
        at = np.array([s[-1] / 2]) if k == 1 else np.zeros(k)
    else:
        at = np.linspace(0.0, s[-1], k)
    keep = np.concatenate([[True], seg > 0])  # repeated points would make interp ambiguous
    return np.stack([np.interp(at, s[keep], p[keep, 0]), np.interp(at, s[keep], p[keep, 1])], 1)


def to_sequence(strokes: Sequence, length: int = SEQUENCE_LENGTH) -> np.ndarray | None:
    """Strokes -> the sequence a trajectory model reads: (length, 5) float32, or None (no ink).

    strokes: a list of strokes, each (n, 2) points (x, y) or (n, 3) (x, y, t in ms), in any
    units with y pointing down (canvas pixels, pen-digit tablet units after `load_pendigits`).
    With times on every stroke, strokes are taken in the order of their first time.
    Per point: x, y (the ink's bounding-box centre at 0, its longer side 2 long, so in
    [-1, 1], aspect kept), dx, dy (unit direction of the pen there, 0 for a dot) and pen_up
    (1 at a stroke's last point: the pen is lifted after it). Points are spaced equally
    along each stroke; strokes share `length` by their length, each kept stroke at least one.
    Raises ValueError for points that are not finite numbers or times that go backwards.
    """
    pts = _ordered(strokes)
    if not pts:
        return None
    if sum(len(p) for p in pts) > MAX_STROKE_POINTS:
        raise ValueError(f"more than {MAX_STROKE_POINTS:,} points in one drawing")
    ink = np.concatenate(pts)
    lo, hi = ink.min(0), ink.max(0)
    half = max(float((hi - lo).max()) / 2, 1e-9)
    lengths = np.array([np.hypot(*np.diff(p, axis=0).T).sum() for p in pts])
    out = np.zeros((length, len(FEATURES)), np.float64)
    row = 0
    for p, k in zip(pts, _allot(lengths, length), strict=True):
        if k == 0:
            continue
        q = (_resample(p, int(k)) - (lo + hi) / 2) / half
        step = np.diff(q, axis=0)
        direction = np.vstack([step, step[-1:]]) if len(q) > 1 else np.zeros((1, 2))
        norm = np.hypot(*direction.T)[:, None]
        out[row:row + k, :2] = q
        out[row:row + k, 2:4] = np.divide(direction, norm, out=np.zeros_like(direction),
                                          where=norm > 1e-12)
        out[row + k - 1, 4] = 1.0
        row += k
    return out.astype(np.float32)


def _bad_point(stroke: list) -> str | None:
    """Why the first unusable point of a stroke (lists of numbers) is unusable, or None:
    x, y must be finite and within +-COORDINATE_LIMIT, t finite."""
    for j, point in enumerate(stroke, 1):
        for name, v in zip("xyt", point, strict=False):
            try:
                v = float(v)
            except OverflowError:  # an integer too long for a float
                v = float("inf")
            if v != v or abs(v) == float("inf"):
                return f"point {j}: {name} is {v} (not a finite number)"
            if name != "t" and abs(v) > COORDINATE_LIMIT:
                return f"point {j}: {name} = {v:.4g} is beyond +-{COORDINATE_LIMIT:.0e}"
    return None


def parse_strokes(data) -> list[np.ndarray]:
    """The strokes of a JSON document `{"strokes": [[[x, y, t], ...], ...]}` as (n, 3) arrays
    ((n, 2) for [x, y] points without times).

    Canvas pixels (0..280, y down) and t in ms as the canvas writes them; any other units
    are fitted to the canvas by the reader (`pendigits.fit_to_canvas`). Raises ValueError, in
    words, for anything else (one clear error naming the stroke and point): points that are
    not 2 or 3 numbers, NaN or infinite values, x or y beyond +-1e9, times going backwards.
    """
    if not isinstance(data, dict) or not isinstance(data.get("strokes"), list):
        raise ValueError('expected {"strokes": [[[x, y, t], ...], ...]}')
    out = []
    for i, stroke in enumerate(data["strokes"], 1):
        if not isinstance(stroke, list) or not all(
                isinstance(p, list) and len(p) in (2, 3) and all(
                    isinstance(v, (int, float)) and not isinstance(v, bool) for v in p)
                for p in stroke):
            raise ValueError(f"stroke {i}: expected a list of [x, y, t] numbers")
        if not stroke:
            continue
        if len({len(p) for p in stroke}) != 1:
            raise ValueError(f"stroke {i}: mixes [x, y] and [x, y, t] points")
        bad = _bad_point(stroke)
        if bad:
            raise ValueError(f"stroke {i}, {bad}")
        try:
            out.append(np.column_stack([_points(stroke), np.asarray(stroke, np.float64)[:, 2:]]))
        except ValueError as err:
            raise ValueError(f"stroke {i}: {err}") from None
    if sum(len(s) for s in out) > MAX_STROKE_POINTS:
        raise ValueError(f"more than {MAX_STROKE_POINTS:,} points")
    return out


@dataclass
class TrajectoryAugmenter:
    """Random distortions of strokes, drawn per digit (uniformly within +-each setting).

    The geometric ones are `augment.Augmenter`'s for images; the others are the trajectory's
    own: a point sampled less often, a stroke drawn in two goes or two strokes in one, a stroke
    traced from its other end (a 0 drawn clockwise, a 7's bar from the right).
    """

    rotate: float = 12.0   # degrees
    scale: float = 0.15    # relative size change of each axis on its own
    slant: float = 0.3     # x += slant * y (shear), in units of the digit's height
    jitter: float = 0.01   # std of noise added to each point, as a share of the digit's size
    drop: float = 0.3      # up to this share of a stroke's inner points left out
    split: float = 0.1     # probability that a stroke is cut in two (pen lifted mid-way)
    join: float = 0.1      # probability that two consecutive strokes become one
    reverse: float = 0.25  # probability that a stroke is traced from its other end

    def __call__(self, strokes: Sequence[np.ndarray], rng: np.random.Generator,
                 ) -> list[np.ndarray]:
        """Distorted copies of `strokes` ((n, 2) arrays, y down); the input is not changed."""
        pts = [np.asarray(s, np.float64)[:, :2].copy() for s in strokes if len(s)]
        if not pts:
            return []
        ink = np.concatenate(pts)
        centre, size = ink.mean(0), max(float(np.ptp(ink, axis=0).max()), 1e-9)
        a = np.deg2rad(rng.uniform(-self.rotate, self.rotate))
        zoom = 1 + rng.uniform(-self.scale, self.scale, 2)
        shear = rng.uniform(-self.slant, self.slant)
        m = (np.array([[1.0, -shear], [0.0, 1.0]])  # slant: y down, so x grows upward
             @ np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]]) * zoom[:, None])
        out = []
        for p in pts:
            p = (p - centre) @ m.T + centre + rng.normal(0, self.jitter * size, p.shape)
            if len(p) > 2 and self.drop:
                inner = rng.random(len(p) - 2) >= rng.uniform(0, self.drop)
                p = p[np.concatenate([[True], inner, [True]])]
            if len(p) >= 4 and rng.random() < self.split:
                cut = int(rng.integers(2, len(p) - 1))
                out += [p[:cut], p[cut:]]
            else:
                out.append(p)
        if len(out) > 1 and rng.random() < self.join:
            i = int(rng.integers(len(out) - 1))
            out[i:i + 2] = [np.vstack(out[i:i + 2])]
        if self.reverse:   # drawn last, so the draws above are those of an augmenter without
            flip = rng.random(len(out)) < self.reverse
            out = [p[::-1] if f else p for p, f in zip(out, flip, strict=True)]
        return out


def traced_backwards(strokes: Sequence) -> list[np.ndarray]:
    """The same ink drawn the other way round: each stroke ((n, 2) or (n, 3) points) from its
    last point to its first, in the order the strokes were drawn (a 0 traced clockwise instead
    of anticlockwise); times, when given, are dropped. Strokes without points are left out."""
    return [p[::-1].copy() for p in _ordered(strokes)]


@dataclass
class SequenceSplits(Splits):
    """`mnist.Splits` of sequences: augmented when made (from strokes), so the Trainer adds
    no image augmentation (`augmented` is True)."""

    augmented: ClassVar[bool] = True


@dataclass
class PaddedSequenceSplits(SequenceSplits):
    """Splits of sequences of different lengths, each end-padded to its split's longest:
    x (N, T_max, F) and `lengths_*` (N,) ints, each sequence's real steps. The Trainer
    batches them by length and passes the lengths on (padding changes nothing)."""

    lengths_train: np.ndarray | None = None
    lengths_val: np.ndarray | None = None
    lengths_test: np.ndarray | None = None


def pad_sequences(sequences: Sequence[np.ndarray], features: int | None = None,
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Sequences (T_i, F) of different lengths -> x (N, max T_i, F) float32, end-padded with
    zeros, and lengths (N,) int64 (Keras's `pad_sequences(padding="post")` with the lengths
    kept, so a recurrent layer can skip the padding: `lengths_mask`). ValueError for an
    empty sequence or features that differ; `features` gives F when there are none."""
    if not sequences:
        return np.zeros((0, 0, features or 0), np.float32), np.zeros(0, np.int64)
    lengths = np.array([len(q) for q in sequences], np.int64)
    widths = {np.shape(q)[1] if np.ndim(q) == 2 else -1 for q in sequences}
    if lengths.min() < 1 or len(widths) != 1 or -1 in widths:
        raise ValueError("every sequence needs at least one step of the same features")
    x = np.zeros((len(sequences), int(lengths.max()), widths.pop()), np.float32)
    for row, q in zip(x, sequences, strict=True):
        row[:len(q)] = q
    return x, lengths


def sequence_set(digits: Sequence, variants: int = 0, seed: int = 0,
                 augmenter: TrajectoryAugmenter | None = None, length: int = SEQUENCE_LENGTH,
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Pen digits (`pendigits.PenDigit`s) as sequences: x (N, length, 5) float32, t (N,) int64.

    Every digit once as written, then `variants` more times through the augmenter (the
    default `TrajectoryAugmenter()`), drawn from a Generator seeded by `seed`.
    """
    rng = np.random.default_rng(seed)
    aug = augmenter or TrajectoryAugmenter()
    xs, ts = [], []
    for v in range(variants + 1):
        for d in digits:
            seq = to_sequence(aug(d.strokes, rng) if v else d.strokes, length)
            if seq is not None:
                xs.append(seq)
                ts.append(d.label)
    x = np.stack(xs) if xs else np.zeros((0, length, len(FEATURES)), np.float32)
    return x, np.array(ts, np.int64)


def pendigit_splits(digits: Sequence, *, variants: int = 0, seed: int = 0,
                    validation: Iterable[int] = VALIDATION_WRITERS,
                    held_out: Iterable[int] | None = None, length: int = SEQUENCE_LENGTH):
    """`mnist.Splits` of sequences for the Trainer, by writer: train on writers 1-20 except
    `validation` (with `variants` augmented copies of each digit), validate on `validation`
    (as written), test on the held-out writers 21-30 (as written; measured, never trained on).
    """
    from nndesk.data.pendigits import HELD_OUT_WRITERS

    held = set(HELD_OUT_WRITERS if held_out is None else held_out)
    val = set(validation) - held
    train = [d for d in digits if d.writer not in held and d.writer not in val]
    x_train, t_train = sequence_set(train, variants, seed, length=length)
    x_val, t_val = sequence_set([d for d in digits if d.writer in val], length=length)
    x_test, t_test = sequence_set([d for d in digits if d.writer in held], length=length)
    return SequenceSplits(x_train, t_train, x_val, t_val, x_test, t_test)


def sequence_metadata(validate: bool = True, augment: bool = False,
                      length: int = SEQUENCE_LENGTH) -> dict:
    """What a trajectory model's file records under `TRAJECTORY_KEY`: the sequence it reads
    and the writers it was trained and validated on (writers 21-30 never)."""
    from nndesk.data.pendigits import HELD_OUT_WRITERS

    val = [w for w in VALIDATION_WRITERS if validate]
    return {"length": length, "features": list(FEATURES),
            "train_writers": [w for w in range(1, 31) if w not in HELD_OUT_WRITERS
                              and w not in val],
            "validation_writers": val, "held_out_writers": list(HELD_OUT_WRITERS),
            "augment": {"variants": 8, **vars(TrajectoryAugmenter())} if augment else None}
