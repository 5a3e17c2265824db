#!/usr/bin/env python
"""Winograd F(2x2, 3x3) (nn/winograd.py) against im2col, per 3x3 Conv2D layer and per pass.

For each 3x3 layer of DeepConvNet (batch 100, float32, one BLAS thread, one batch worker; in
interleaved rounds, median CPU ms): Conv2D's forward (training) and backward through im2col
(as shipped) and through Winograd, the backward also without dX (dW and db only), so that
dX = backward - backward without dX. Ratio < 1: Winograd faster. With PyTorch installed, its
`conv2d` and `convolution_backward` on the same layer (`--no-torch` to leave it out).
Usage: benchmarks/winograd_layers.py [--rounds N] [--workers N] [--no-torch]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import numpy as np
import threadpoolctl

from nndesk.nn import Conv2D
from nndesk.nn.memory import keep_freed_memory
from nndesk.nn.parallel import set_workers

LAYERS = [(1, 16, 1, 28), (16, 16, 1, 28), (16, 32, 1, 14), (32, 32, 2, 14), (32, 64, 1, 8),
          (64, 64, 1, 8)]                                  # DeepConvNet: (C, F, pad, H=W)
N = 100
PASSES = ("fwd", "bwd", "bwd no dX")


def layer_runs(c: int, f: int, pad: int, hw: int, torch) -> dict:
    """name -> a call timing one pass, for both paths (and torch's)."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((N, c, hw, hw)).astype(np.float32)
    runs = {}
    for path, on in (("im2col", False), ("winograd", True)):
        for needs_dx in (True, False):
            layer = Conv2D(filters=f, kernel_size=3, pad=pad)
            layer.winograd_pays = lambda on=on: on             # this instance only
            layer.build((c, hw, hw), np.random.default_rng(1), np.float32, "relu")
            layer.needs_dx = needs_dx
            dout = rng.standard_normal(layer.forward(x, train=True).shape).astype(np.float32)
            if needs_dx:
                runs[path, "fwd"] = lambda layer=layer: layer.forward(x, train=True)
                runs[path, "bwd"] = lambda layer=layer, d=dout: layer.backward(d)
            else:
                runs[path, "bwd no dX"] = lambda layer=layer, d=dout: layer.backward(d)
    if torch is not None:
        tx, tw = torch.from_numpy(x), torch.from_numpy(rng.standard_normal(
            (f, c, 3, 3)).astype(np.float32))
        tb, td = torch.zeros(f), torch.from_numpy(dout)
        cb = torch.ops.aten.convolution_backward
        runs["torch", "fwd"] = lambda: torch.nn.functional.conv2d(tx, tw, tb, padding=pad)
        runs["torch", "bwd"] = lambda: cb(td, tx, tw, [f], [1, 1], [pad, pad], [1, 1], False,
                                          [0, 0], 1, [True, True, True])
        runs["torch", "bwd no dX"] = lambda: cb(td, tx, tw, [f], [1, 1], [pad, pad], [1, 1],
                                                False, [0, 0], 1, [False, True, True])
    return runs


def cpu_ms(fn) -> float:
    t = time.process_time()
    fn()
    return 1e3 * (time.process_time() - t)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--workers", type=int, default=1, help="batch workers (then wall ms)")
    p.add_argument("--no-torch", action="store_true")
    args = p.parse_args()
    threadpoolctl.threadpool_limits(1)
    keep_freed_memory()                                    # as the entry points do
    set_workers(args.workers)
    torch = None
    if not args.no_torch:
        try:
            import torch
            torch.set_num_threads(args.workers)
        except ImportError:
            print("(PyTorch not installed: its columns are left empty)")
    clock = cpu_ms if args.workers == 1 else wall_ms
    runs = {layer: layer_runs(*layer, torch) for layer in LAYERS}
    times: dict = {}
    for _ in range(args.rounds):
        for layer, calls in runs.items():
            for key, fn in calls.items():
                times.setdefault((layer, *key), []).append(clock(fn))
    ms = {key: statistics.median(v) for key, v in times.items()}
    for layer in LAYERS:                                   # dX = bwd - bwd without dX
        for path in ("im2col", "winograd", "torch"):
            if (layer, path, "bwd") in ms:
                ms[layer, path, "dX"] = ms[layer, path, "bwd"] - ms[layer, path, "bwd no dX"]
    cols = ("fwd", "bwd no dX", "dX", "bwd")
    print("| layer (C>F, pad, HxW) | " + " | ".join(
        f"{c} im2col | {c} wino | wino/im2col" for c in cols) + " | fwd+bwd wino/im2col |"
        + (" fwd+bwd torch | wino/torch |" if torch is not None else ""))
    print("|---|" + "---|---|---|" * len(cols) + "---|" + ("---|---|" if torch is not None else ""))
    for layer in LAYERS:
        c, f, pad, hw = layer
        cells = []
        for col in cols:
            a, b = ms[layer, "im2col", col], ms[layer, "winograd", col]
            cells += [f"{a:.1f}", f"{b:.1f}", f"{b / a:.2f}"]
        both = {path: ms[layer, path, "fwd"] + ms[layer, path, "bwd"]
                for path in ("im2col", "winograd", "torch") if (layer, path, "fwd") in ms}
        cells.append(f"{both['winograd'] / both['im2col']:.2f}")
        if "torch" in both:
            cells += [f"{both['torch']:.1f}", f"{both['winograd'] / both['torch']:.2f}"]
        print(f"| {c}>{f}, p{pad}, {hw} | " + " | ".join(cells) + " |")
    total = {path: sum(ms[layer, path, "fwd"] + ms[layer, path, "bwd"] for layer in LAYERS)
             for path in ("im2col", "winograd")}
    print(f"\nAll six layers, forward + backward: im2col {total['im2col']:.1f} ms, "
          f"Winograd {total['winograd']:.1f} ms ({total['winograd'] / total['im2col']:.2f}x); "
          f"load average {' / '.join(f'{v:.2f}' for v in os.getloadavg())}")


def wall_ms(fn) -> float:
    """Wall ms: with several workers CPU time would add their threads up."""
    t = time.perf_counter()
    fn()
    return 1e3 * (time.perf_counter() - t)


if __name__ == "__main__":
    main()
