"""CPU ms of `preprocess` on canvas drawings: with its shortcuts for clean canvas ink (clean paper
decided from where the ink is, the steps done in the ink's window) and without them (the whole
image, as before), interleaved in one process, with the single-image forward pass of a model
for scale. The outputs are checked equal as it goes (tests/data/test_preprocess_same.py proves
it bit for bit).

    python benchmarks/preprocess_canvas.py --rounds 5 [--model models/default.npz]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def canvas_drawings(n: int = 30, seed: int = 0) -> list[np.ndarray]:
    """Pen digits (writers 1-20, when the file is there) drawn on the canvas, else the tests'
    three traced digits."""
    from nndesk.data.strokes import render_strokes

    path = ROOT.parent / "shared" / "data" / "pendigits"
    try:
        from nndesk.data.pendigits import FILE_NAME, load_pendigits, to_canvas

        digits = load_pendigits(path / FILE_NAME)
    except (OSError, ValueError, ImportError):
        digits = None
    if digits is None or not len(digits):
        sys.path.insert(0, str(ROOT / "tests" / "gui"))
        from gui_helpers import digit_strokes

        return [render_strokes(digit_strokes(d)) for d in "710"]
    rng = np.random.default_rng(seed)
    step = max(len(digits) // n, 1)
    return [render_strokes(to_canvas(d, rng)) for d in digits[::step][:n]]


@contextmanager
def whole_image():
    """`preprocess` without the canvas shortcuts: every step on the whole image."""
    from nndesk.data import preprocess as pp

    cells, window = pp._inked_cells, pp._ink_window
    pp._inked_cells, pp._ink_window = (lambda *a: None), (lambda *a: None)
    try:
        yield
    finally:
        pp._inked_cells, pp._ink_window = cells, window


def cpu_ms(fn, images, repeat: int = 3) -> float:
    """Median over `images` of the CPU ms of one call (best of `repeat`)."""
    times = []
    for image in images:
        best = float("inf")
        for _ in range(repeat):
            t = time.process_time()
            fn(image)
            best = min(best, time.process_time() - t)
        times.append(1000 * best)
    return float(np.median(times))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--digits", type=int, default=30)
    p.add_argument("--model", default=str(ROOT / "models" / "default.npz"))
    a = p.parse_args(argv)
    from threadpoolctl import threadpool_limits

    from nndesk.data.preprocess import preprocess

    images = canvas_drawings(a.digits)
    for image in images:  # the same numbers both ways
        with whole_image():
            slow = preprocess(image)
        fast = preprocess(image)
        assert (slow is None) == (fast is None) and (fast is None or (fast == slow).all())
    net = None
    if Path(a.model).is_file():
        from nndesk.train import load_model

        net = load_model(a.model).network
    x = next(preprocess(i) for i in images if preprocess(i) is not None)
    rows = []
    with threadpool_limits(1):  # the canvas's thread: one BLAS thread, as the window runs
        for r in range(a.rounds):
            with whole_image():
                before = cpu_ms(preprocess, images)
            after = cpu_ms(preprocess, images)
            forward = cpu_ms(lambda _: net.forward_all(x[None]), images[:10]) if net else None
            rows.append((before, after, forward))
            print(f"round {r + 1}: whole image {before:.2f} ms, canvas shortcuts {after:.2f} ms"
                  + (f", forward_all {forward:.2f} ms" if forward is not None else ""),
                  file=sys.stderr, flush=True)
    med = np.median(np.array([(b, f, w if w is not None else np.nan) for b, f, w in rows]), 0)
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(json.dumps({"preprocess_canvas_cpu_ms": {
        "drawings": len(images), "rounds": a.rounds, "whole_image": round(float(med[0]), 3),
        "canvas_shortcuts": round(float(med[1]), 3), "ratio": round(float(med[1] / med[0]), 3),
        "forward_all_one_image": None if np.isnan(med[2]) else round(float(med[2]), 3)},
        "uptime": uptime}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
