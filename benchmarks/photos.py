#!/usr/bin/env python
"""The shipped model on synthetic photos of digits, per kind of damage: old vs new preprocessing.

Digits: MNIST test images and pen digits of the held-out writers (21-30) drawn on the canvas,
each photographed once per kind (nndesk.data.photos, reproducible from --seed). "before" is
the preprocessing as it was before issue 11 (a copy kept below for this comparison only),
"after" is nndesk.data.preprocess. Also: correlation of new vs old output on clean inputs
(canvas drawings of pen digits, MNIST test digits) and the time per image.

Usage: benchmarks/photos.py [--n 100] [--seed 0] [--kinds clean,box,...] [--show DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nndesk.data import preprocess as pp  # noqa: E402
from nndesk.data.mnist import load_mnist  # noqa: E402
from nndesk.data.pendigits import (  # noqa: E402
    HELD_OUT_WRITERS,
    load_pendigits,
    pendigits_path,
    split_writers,
    to_canvas,
)
from nndesk.data.photos import KINDS, photo_set  # noqa: E402
from nndesk.data.strokes import PEN_WIDTH, render_strokes  # noqa: E402
from nndesk.paths import default_model_path  # noqa: E402
from nndesk.train import load_model  # noqa: E402


# -- the preprocessing before issue 11 (border-median polarity, no background, no components)
def _old_ink(gray: np.ndarray) -> np.ndarray:
    border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    background = float(np.median(border))
    ink = background - gray if background > 127 else gray - background
    return np.maximum(ink, 0)


def _old_span(profile: np.ndarray, speck: float = 0.02) -> tuple[int, int]:
    on = np.concatenate([[False], profile > 0, [False]])
    edges = np.flatnonzero(on[1:] != on[:-1])
    starts, ends = edges[::2], edges[1::2]
    c = np.concatenate([[0], np.cumsum(profile)])
    mass = (c[ends] - c[starts]) / c[-1]
    first, last = 0, len(starts) - 1
    while first < last and mass[first] < speck:
        first += 1
    while last > first and mass[last] < speck:
        last -= 1
    return int(starts[first]), int(ends[last])


def old_preprocess(image) -> np.ndarray | None:
    """nndesk.data.preprocess.preprocess as it was at 3c90c7c (before issue 11)."""
    ink = _old_ink(pp.to_gray(image))
    peak = float(ink.max())
    if peak < 25:
        return None
    mask = ink > 0.1 * peak
    if mask.sum() < 0.0005 * ink.size:
        return None
    masked = np.where(mask, ink, 0)
    y0, y1 = _old_span(masked.sum(1))
    x0, x1 = _old_span(masked.sum(0))
    if max(y1 - y0, x1 - x0) < 0.1 * max(ink.shape):
        return None
    crop = masked[y0:y1, x0:x1] / peak
    h, w = crop.shape
    scale = 20 / max(h, w)
    mass = crop.sum()
    cy = (crop.sum(1) @ (np.arange(h) + 0.5)) / mass
    cx = (crop.sum(0) @ (np.arange(w) + 0.5)) / mass
    span = 28 / scale
    left, top = cx - 14.5 / scale, cy - 14.5 / scale
    pad = int(np.ceil(span)) + 1
    src = np.zeros((h + 2 * pad, w + 2 * pad), np.float32)
    src[pad:pad + h, pad:pad + w] = crop
    box = (left + pad, top + pad, left + pad + span, top + pad + span)
    out = np.clip(np.asarray(Image.fromarray(src).resize((28, 28), Image.Resampling.BOX,
                                                          box=box)), 0, 1)
    if out.max() <= 0:
        return None
    return np.minimum(out / out.max(), 1.0).astype(np.float32)[None]


def digits_for_photos(n: int, seed: int) -> tuple[list[np.ndarray], list[int]]:
    """n MNIST test digits and n held-out pen digits, white on black."""
    rng = np.random.default_rng(seed)
    mnist = load_mnist(flatten=False, val_split=0)
    idx = rng.choice(len(mnist.x_test), n, replace=False)
    digits = [mnist.x_test[i, 0] for i in idx]
    labels = [int(mnist.t_test[i]) for i in idx]
    _, pens = split_writers(load_pendigits(pendigits_path()), HELD_OUT_WRITERS)
    for i in rng.choice(len(pens), n, replace=False):
        digits.append(render_strokes(to_canvas(pens[i], rng), width=PEN_WIDTH))
        labels.append(pens[i].label)
    return digits, labels


def accuracy_table(net, digits, labels, kinds, seed, show: Path | None) -> list[dict]:
    rows = []
    for kind in kinds:
        right = {"before": 0, "after": 0}
        n = 0
        for i, (_, label, img) in enumerate(photo_set(digits, labels, (kind,), seed)):
            n += 1
            for name, fn in (("before", old_preprocess), ("after", pp.preprocess)):
                x = fn(img)
                ok = x is not None and int(net.predict(x[None])[0].argmax()) == label
                right[name] += ok
                if show is not None and name == "after" and not ok:
                    Image.fromarray(img).save(show / f"{kind}-{i}-label{label}.png")
        rows.append({"kind": kind, "n": n, "before": right["before"] / n,
                     "after": right["after"] / n})
        print(f"{kind:10s} n={n:4d}  before {100 * rows[-1]['before']:5.1f}%  "
              f"after {100 * rows[-1]['after']:5.1f}%", flush=True)
    return rows


def clean_agreement(n: int, seed: int) -> None:
    """Correlation of the new output with the old on inputs that were already clean."""
    rng = np.random.default_rng(seed)
    mnist = load_mnist(flatten=False, val_split=0)
    _, pens = split_writers(load_pendigits(pendigits_path()), HELD_OUT_WRITERS)
    for name, images in (
            ("MNIST test", [mnist.x_test[i, 0] for i in rng.choice(10000, n, replace=False)]),
            ("pen digits", [render_strokes(to_canvas(pens[i], rng), width=PEN_WIDTH * rng.uniform(
                0.75, 1.3)) for i in rng.choice(len(pens), n, replace=False)])):
        corr, t_old, t_new = [], [], []
        for img in images:
            t = time.perf_counter()
            a = old_preprocess(img)
            t_old.append(time.perf_counter() - t)
            t = time.perf_counter()
            b = pp.preprocess(img)
            t_new.append(time.perf_counter() - t)
            if a is None or b is None:
                corr.append(1.0 if a is None and b is None else 0.0)
            else:
                corr.append(float(np.corrcoef(a.ravel(), b.ravel())[0, 1]))
        c = np.array(corr)
        print(f"{name}: n={n} correlation new vs old: median {np.median(c):.4f}, "
              f"min {c.min():.4f}, share > 0.99: {100 * (c > 0.99).mean():.1f}%; "
              f"median time old {1000 * np.median(t_old):.2f} ms, "
              f"new {1000 * np.median(t_new):.2f} ms")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=100, help="MNIST digits and pen digits, each")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--kinds", default=",".join(KINDS))
    p.add_argument("--show", type=Path, help="save the photos read wrongly after, here")
    p.add_argument("--no-clean", action="store_true", help="skip the new-vs-old agreement")
    args = p.parse_args(argv)
    net = load_model(default_model_path()).network
    if args.show:
        args.show.mkdir(parents=True, exist_ok=True)
    digits, labels = digits_for_photos(args.n, args.seed)
    rows = accuracy_table(net, digits, labels, args.kinds.split(","), args.seed, args.show)
    n = sum(r["n"] for r in rows)
    before = sum(r["before"] * r["n"] for r in rows) / n
    after = sum(r["after"] * r["n"] for r in rows) / n
    print(f"{'overall':10s} n={n:4d}  before {100 * before:5.1f}%  after {100 * after:5.1f}%")
    if not args.no_clean:
        clean_agreement(500, args.seed + 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
