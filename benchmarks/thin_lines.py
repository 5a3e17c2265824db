#!/usr/bin/env python
"""Pen digits drawn with thin and thick lines, as PNG files are: the shipped model's answers.

The held-out writers' (21-30) trajectories drawn black on white with Pillow's line (as a
tester's script or a drawing program does), the digit's longer side 80% of a square image,
at several line widths and image sides. Each image is written as a PNG and read back through
`preprocess` (the path of `nndesk predict`), then judged with the model's calibration:
right (a digit, the right one), wrong, "not sure", "not a digit". "before": the same
preprocessing without the stroke-width step (`preprocess._thickened` as identity).

Usage: benchmarks/thin_lines.py [--sides 200,600] [--widths 2,3,5,8,14] [--n 150]
       [--show DIR] (DIR: a montage per side and width, the network's inputs)
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nndesk.data import preprocess as pp  # noqa: E402
from nndesk.data.pendigits import (  # noqa: E402
    HELD_OUT_WRITERS,
    load_pendigits,
    pendigits_path,
    split_writers,
)
from nndesk.insight.reject import Calibration, judge  # noqa: E402
from nndesk.paths import default_model_path  # noqa: E402
from nndesk.train import load_model  # noqa: E402


def draw_png(strokes, side: int, width: int) -> bytes:
    """The strokes (y down) black on white, longer side 80% of `side`, centred: PNG bytes."""
    pts = np.concatenate(strokes)
    lo, hi = pts.min(0), pts.max(0)
    scale = 0.8 * side / max(float((hi - lo).max()), 1.0)
    offset = (side - (hi - lo) * scale) / 2
    im = Image.new("L", (side, side), 255)
    draw = ImageDraw.Draw(im)
    for s in strokes:
        xy = [tuple(p) for p in ((s - lo) * scale + offset).tolist()]
        if len(xy) > 1:
            draw.line(xy, fill=0, width=width, joint="curve")
        else:
            (x, y), r = xy[0], width / 2
            draw.ellipse([x - r, y - r, x + r, y + r], fill=0)
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def measure(model, cal, pngs: list[bytes], labels: np.ndarray) -> tuple[dict, np.ndarray]:
    """Counts of right / wrong / unsure / not a digit / no digit, and the inputs."""
    xs, ts, none = [], [], 0
    for png, t in zip(pngs, labels, strict=True):
        x = pp.preprocess(Image.open(io.BytesIO(png)))
        if x is None:
            none += 1
            continue
        xs.append(x)
        ts.append(t)
    x = np.stack(xs)
    shape = tuple(model.spec["input_shape"])
    verdicts = judge(model.network, cal, x.reshape(len(x), *shape))
    counts = {"right": 0, "wrong": 0, "unsure": 0, "not a digit": 0, "no digit": none}
    for v, t in zip(verdicts, ts, strict=True):
        if v.kind == "digit":
            counts["right" if v.label == t else "wrong"] += 1
        else:
            counts["unsure" if v.kind == "unsure" else "not a digit"] += 1
    return counts, x


def montage(x: np.ndarray, path: Path, cols: int = 15) -> None:
    """The inputs (N, 1, 28, 28) side by side, 2x enlarged."""
    n = len(x)
    rows = -(-n // cols)
    sheet = np.zeros((rows * 28, cols * 28), np.float32)
    for i, img in enumerate(x):
        r, c = divmod(i, cols)
        sheet[r * 28:(r + 1) * 28, c * 28:(c + 1) * 28] = img[0]
    Image.fromarray((sheet * 255).astype(np.uint8)).resize(
        (cols * 56, rows * 56), Image.Resampling.NEAREST).save(path)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sides", default="200,600")
    p.add_argument("--widths", default="2,3,5,8,14")
    p.add_argument("--n", type=int, default=150, help="digits, evenly over the writers")
    p.add_argument("--show", type=Path, help="folder for montages of the inputs")
    args = p.parse_args()
    _, pens = split_writers(load_pendigits(pendigits_path()), HELD_OUT_WRITERS)
    pens = [pens[i] for i in np.linspace(0, len(pens) - 1, min(args.n, len(pens))).astype(int)]
    labels = np.array([d.label for d in pens])
    model = load_model(default_model_path())
    cal = Calibration.from_metadata(model.metadata)
    thickened = pp._thickened
    if args.show:
        args.show.mkdir(parents=True, exist_ok=True)
    print(f"{len(pens)} pen digits of writers 21-30; right / wrong / not sure / not a digit "
          f"/ no digit")
    print(f"{'side':>5} {'width':>5}  {'before':>22}  {'after':>22}")
    for side in map(int, args.sides.split(",")):
        for width in map(int, args.widths.split(",")):
            pngs = [draw_png(d.strokes, side, width) for d in pens]
            pp._thickened = lambda crop: crop
            before, _ = measure(model, cal, pngs, labels)
            pp._thickened = thickened
            after, x = measure(model, cal, pngs, labels)
            if args.show:
                montage(x, args.show / f"thin_{side}_{width}.png")
            print(f"{side:>5} {width:>5}  " + "  ".join(
                f"{c['right']:>4} {c['wrong']:>4} {c['unsure']:>4} {c['not a digit']:>4} "
                f"{c['no digit']:>3}" for c in (before, after)), flush=True)


if __name__ == "__main__":
    main()
