"""Real pen digits (UCI pendigits, 30 writers) drawn on our canvas: the closest thing to users.

`load_pendigits` parses the UNIPEN-like file, `to_canvas` places a trajectory as a person
would draw it (`fit_to_canvas`: any drawing's strokes, in any units, placed the same way),
`render` runs it through the canvas rendering and THE preprocessing, and
`evaluate_pendigits` measures a model on whole writers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from nndesk import paths
from nndesk.data.mnist import data_dir
from nndesk.data.preprocess import preprocess
from nndesk.data.strokes import CANVAS_SIZE, PEN_WIDTH, render_strokes

__all__ = ["PenDigit", "load_pendigits", "pendigits_path", "to_canvas", "fit_to_canvas", "render",
           "render_set", "split_writers", "training_set", "evaluate_pendigits", "export_folder",
           "HELD_OUT_WRITERS", "HEIGHT_RANGE", "WIDTH_RANGE"]

HEIGHT_RANGE = (0.5, 0.9)   # digit height as a share of the canvas, as users draw
WIDTH_RANGE = (0.75, 1.3)   # pen width as a multiple of PEN_WIDTH (mouse vs. tablet users)
FILE_NAME = "pendigits-orig.tra"
HELD_OUT_WRITERS = tuple(range(21, 31))  # writers 21-30: measure on them, never train on them
SMOOTH = 4                  # points per tablet sample after Catmull-Rom smoothing


@dataclass(frozen=True)
class PenDigit:
    label: int
    writer: int
    strokes: tuple[np.ndarray, ...]  # each (n, 2) float (x, y), tablet units, y pointing DOWN


def load_pendigits(path: str | os.PathLike) -> list[PenDigit]:
    """Parse pendigits-orig.tra; y is flipped so the digits stand upright on a screen."""
    path = Path(path)
    digits: list[PenDigit] = []
    label = writer = None
    strokes: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] | None = None

    def finish() -> None:
        if label is not None:
            digits.append(PenDigit(label, writer, tuple(
                np.array(s, np.float64).reshape(-1, 2) * (1, -1) for s in strokes if s)))

    with open(path, encoding="ascii") as f:
        for n, line in enumerate(f, 1):
            word = line.split()
            if not word:
                continue
            if word[0] == ".SEGMENT":
                finish()
                label, writer, strokes = int(word[-1].strip('"')), None, []
            elif word[0] == ".COMMENT" and label is not None:
                writer = int(word[2])
            elif word[0] == ".PEN_DOWN":
                current = []
                strokes.append(current)
            elif word[0] == ".PEN_UP":
                current = None
            elif not word[0].startswith(".") and current is not None:
                if len(word) != 2:
                    raise ValueError(f"{path}:{n}: expected 'x y', got {line.strip()!r}")
                current.append((int(word[0]), int(word[1])))
    finish()
    if not digits:
        raise ValueError(f"{path}: no .SEGMENT digits found")
    return digits


def split_writers(digits: Sequence[PenDigit], held_out: Iterable[int] = HELD_OUT_WRITERS,
                  ) -> tuple[list[PenDigit], list[PenDigit]]:
    """(train, held_out) by writer, never by sample: a model is measured on unseen hands."""
    out = set(held_out)
    return [d for d in digits if d.writer not in out], [d for d in digits if d.writer in out]


def _smooth(points: np.ndarray, k: int = SMOOTH) -> np.ndarray:
    """Catmull-Rom through the samples: the pen's path, not a polygon of 100 ms samples."""
    if len(points) < 3:
        return points
    p = np.vstack([points[:1], points, points[-1:]])             # (n+2, 2) end padding
    t = np.linspace(0, 1, k, endpoint=False)[:, None, None]      # (k, 1, 1)
    p0, p1, p2, p3 = p[:-3], p[1:-2], p[2:-1], p[3:]             # (n-1, 2) each
    curve = 0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2
                   + (3 * p1 - p0 - 3 * p2 + p3) * t**3)         # (k, n-1, 2)
    return np.vstack([curve.transpose(1, 0, 2).reshape(-1, 2), points[-1:]])


def _placement(points: np.ndarray, rng: np.random.Generator | None, height: float | None,
               centre: Sequence[float] | None, size: int) -> tuple[np.ndarray, float, np.ndarray]:
    """(lo, scale, origin): canvas point = (point - lo) * scale + origin, for points (n, 2)."""
    lo, hi = points.min(0), points.max(0)
    extent = np.maximum(hi - lo, 1e-6 * float((hi - lo).max()) or 1e-6)  # a 1 in one column
    if height is None:
        height = rng.uniform(*HEIGHT_RANGE) if rng is not None else 0.7
    scale = height * size / max(extent[1], extent[0] * 0.9)      # very wide digits fit, too
    box = extent * scale                                         # (w, h) on the canvas
    if centre is None:
        margin = np.maximum(size - box, 0) / 2
        centre = (size / 2 + (rng.uniform(-1, 1, 2) * margin if rng is not None else 0))
    return lo, scale, np.asarray(centre, np.float64) - box / 2


def fit_to_canvas(strokes: Sequence[np.ndarray], rng: np.random.Generator | None = None, *,
                  height: float | None = None, centre: Sequence[float] | None = None,
                  size: int = CANVAS_SIZE) -> list[np.ndarray] | None:
    """Strokes in any units (each (n, 2) x, y or (n, 3) x, y, t; y down) moved and scaled, aspect
    kept, so that their bounding box is `height` (share of the canvas) tall at `centre`: the
    pen digits' placement (`to_canvas`), for drawings from any tablet or file.

    Without `rng`, 70% tall and centred. Columns after x, y (times) are kept as they are.
    Returns None when there is no digit to fit: no points, or all of them at one place (a dot;
    within 1e-9 of the coordinates' size). Raises ValueError for points that are not finite.
    """
    pts = [np.asarray(s, np.float64) for s in strokes if len(s)]
    if not pts:
        return None
    ink = np.concatenate([p[:, :2] for p in pts])
    if not np.all(np.isfinite(ink)):
        raise ValueError("stroke points must be finite numbers")
    if np.ptp(ink, axis=0).max() <= 1e-9 * max(1.0, float(np.abs(ink).max())):
        return None
    lo, scale, origin = _placement(ink, rng, height, centre, size)
    return [np.column_stack([(p[:, :2] - lo) * scale + origin, p[:, 2:]]) for p in pts]


def to_canvas(digit: PenDigit, rng: np.random.Generator | None = None, *,
              height: float | None = None, centre: Sequence[float] | None = None,
              size: int = CANVAS_SIZE) -> list[np.ndarray]:
    """The digit's strokes in canvas pixels, `height` (share of the canvas) tall at `centre`.

    With `rng`, unset height and centre are drawn the way users vary: height in HEIGHT_RANGE,
    anywhere that keeps the digit on the canvas. Without, 70% tall and centred. The placement
    is `fit_to_canvas`'s (of the tablet's samples), applied to the smoothed pen path.
    """
    lo, scale, origin = _placement(np.vstack(digit.strokes), rng, height, centre, size)
    return [(_smooth(s) - lo) * scale + origin for s in digit.strokes]


def render(digit: PenDigit, rng: np.random.Generator | None = None,
           width: float | None = None, **placement) -> np.ndarray | None:
    """The digit as the model sees it after the canvas: (1, 28, 28) float32, or None."""
    if width is None:
        width = PEN_WIDTH * (rng.uniform(*WIDTH_RANGE) if rng is not None else 1.0)
    return preprocess(render_strokes(to_canvas(digit, rng, **placement), width=width))


def render_set(digits: Sequence[PenDigit], n_variants: int = 1, seed: int = 0,
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every digit drawn `n_variants` times: x (N, 1, 28, 28), labels (N,), writers (N,)."""
    rng = np.random.default_rng(seed)
    xs, ts, ws = [], [], []
    for _ in range(n_variants):
        for d in digits:
            x = render(d, rng)
            if x is not None:
                xs.append(x)
                ts.append(d.label)
                ws.append(d.writer)
    return (np.stack(xs) if xs else np.zeros((0, 1, 28, 28), np.float32),
            np.array(ts, np.int64), np.array(ws, np.int64))


def pendigits_path() -> Path:
    """pendigits-orig.tra: `NNDESK_PENDIGITS` > user data dir > beside the MNIST folder."""
    env = os.environ.get("NNDESK_PENDIGITS")
    if env:
        return Path(env)
    mine = paths.user_data_dir() / "data" / "pendigits" / FILE_NAME
    beside = data_dir().parent / "pendigits" / FILE_NAME
    return beside if beside.is_file() and not mine.is_file() else mine


def training_set(n_variants: int = 3, seed: int = 1,
                 held_out: Iterable[int] = HELD_OUT_WRITERS,
                 digits: Sequence[PenDigit] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Pen digits of the writers NOT held out, each drawn `n_variants` times with random size,
    place and pen width: x (N, 1, 28, 28), t (N,), to mix into MNIST for training."""
    if digits is None:
        digits = load_pendigits(pendigits_path())
    train, _ = split_writers(digits, held_out)
    x, t, _ = render_set(train, n_variants, seed)
    return x, t


def evaluate_pendigits(predict_fn: Callable[[np.ndarray], np.ndarray],
                       writers: Iterable[int] | None = None, seed: int = 0,
                       n_variants: int = 1, *, digits: Sequence[PenDigit] | None = None,
                       ) -> dict:
    """Accuracy of `predict_fn` ((N, 1, 28, 28) -> labels (N,) or scores (N, 10)) on pen digits.

    Only `writers` (all 30 when None) are drawn, `n_variants` times each with random size,
    place and pen width. Returns overall, per-writer and per-digit accuracy. `digits`
    defaults to `load_pendigits(pendigits_path())`.
    """
    if digits is None:
        digits = load_pendigits(pendigits_path())
    if writers is not None:
        keep = set(writers)
        digits = [d for d in digits if d.writer in keep]
    x, t, w = render_set(digits, n_variants, seed)
    pred = np.asarray(predict_fn(x)) if len(x) else np.zeros(0, np.int64)
    if pred.ndim == 2:
        pred = pred.argmax(1)
    right = pred == t
    return {"accuracy": float(right.mean()) if len(t) else float("nan"),
            "n": int(len(t)), "no_digit": int(n_variants * len(digits) - len(t)),
            "per_writer": {int(k): float(right[w == k].mean()) for k in np.unique(w)},
            "per_digit": {int(k): float(right[t == k].mean()) for k in np.unique(t)}}


def export_folder(digits: Sequence[PenDigit], folder: str | os.PathLike, seed: int = 0,
                  n_variants: int = 1) -> int:
    """Write each digit as a canvas PNG into folder/<label>/ (for `load_folder` and the CLI)."""
    folder = Path(folder)
    rng = np.random.default_rng(seed)
    count = 0
    for v in range(n_variants):
        for i, d in enumerate(digits):
            width = PEN_WIDTH * rng.uniform(*WIDTH_RANGE)
            img = render_strokes(to_canvas(d, rng), width=width)
            (folder / str(d.label)).mkdir(parents=True, exist_ok=True)
            Image.fromarray(img).save(folder / str(d.label) / f"w{d.writer:02d}_{i:05d}_{v}.png")
            count += 1
    return count


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m nndesk.data.pendigits DIR`: export the training writers' digits as canvas
    PNGs in DIR/0 ... DIR/9, for `nndesk train --extra-data DIR`."""
    import argparse

    p = argparse.ArgumentParser(prog="python -m nndesk.data.pendigits", description=main.__doc__)
    p.add_argument("folder")
    p.add_argument("--variants", type=int, default=2, help="drawings per digit (default 2)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--file", default=None, help=f"the {FILE_NAME} file")
    args = p.parse_args(argv)
    digits = load_pendigits(args.file or pendigits_path())
    train, held = split_writers(digits)
    n = export_folder(train, args.folder, seed=args.seed, n_variants=args.variants)
    print(f"{n} images of {len(train)} digits by {len({d.writer for d in train})} writers "
          f"in {args.folder}; writers {', '.join(map(str, HELD_OUT_WRITERS))} held out")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
