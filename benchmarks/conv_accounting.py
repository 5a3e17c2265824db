#!/usr/bin/env python
"""Where a convolution's time goes, per layer and per pass, against the GEMM's own speed.

For each Conv2D of the deep presets (batch 100, float32, one thread everywhere), in
interleaved rounds (median CPU ms): nndesk's forward split into im2col copy and the GEMMs as
conv.py calls them, its dW and dX; the same FLOPs as one bare contiguous `np.matmul`; and
PyTorch's `conv2d` forward and `convolution_backward` (dX and dW apart). GFLOP/s = 2*N*F*C*K*K*
OH*OW / time for every pass (dX of 'full' conv counted at the same FLOPs).
Usage: benchmarks/conv_accounting.py [--rounds N] [--nets DigitNet DeepConvNet LeNet5]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import threadpoolctl

from nndesk.nn import Conv2D
from nndesk.nn.im2col import im2col, out_size

LAYERS = {  # (C, F, K, pad, H=W)
    "LeNet5": [(1, 6, 5, 2, 28), (6, 16, 5, 0, 14)],
    "DeepConvNet": [(1, 16, 3, 1, 28), (16, 16, 3, 1, 28), (16, 32, 3, 1, 14),
                    (32, 32, 3, 2, 14), (32, 64, 3, 1, 8), (64, 64, 3, 1, 8)],
    "DigitNet": [(1, 32, 5, 2, 28), (32, 64, 5, 2, 14)],
}
N = 100


def cpu_ms(fn) -> float:
    """CPU ms of one call: every engine runs one thread, and CPU time is what another busy
    process inflates least (wall time on a loaded machine is mostly waiting)."""
    t = time.process_time()
    fn()
    return 1e3 * (time.process_time() - t)


def cases(c, f, k, pad, hw, torch):
    rng = np.random.default_rng(0)
    layer = Conv2D(filters=f, kernel_size=k, pad=pad)
    layer.build((c, hw, hw), rng, np.float32, "relu")
    layer.needs_dx = True
    oh = out_size(hw, k, 1, pad)
    x = rng.standard_normal((N, c, hw, hw)).astype(np.float32)
    dout = rng.standard_normal((N, f, oh, oh)).astype(np.float32)
    W = layer.params["W"].reshape(f, -1)
    col = np.empty((N, c * k * k, oh * oh), np.float32)
    out = np.empty((N, f, oh * oh), np.float32)
    big = rng.standard_normal((c * k * k, N * oh * oh)).astype(np.float32)
    bigd = rng.standard_normal((f, N * oh * oh)).astype(np.float32)

    def gemms():
        for i in range(N):
            np.matmul(W, col[i], out=out[i])

    def dw_gemms():
        for i in range(N):
            dout.reshape(N, f, -1)[i] @ col[i].T

    no_dx = Conv2D(filters=f, kernel_size=k, pad=pad)
    no_dx.build((c, hw, hw), rng, np.float32, "relu")
    no_dx.needs_dx = False
    for lay in (layer, no_dx):
        lay.forward(x, train=True)
        lay.backward(dout)
    run = {
        "fwd": lambda: layer.forward(x, train=True),
        "im2col": lambda: im2col(x, k, k, 1, pad, out=col),
        "fwd GEMMs": gemms,
        "bwd": lambda: layer.backward(dout),
        "bwd no dX": lambda: no_dx.backward(dout),
        "dW GEMMs": dw_gemms,
        "bare GEMM": lambda: np.matmul(W, big),
        "bare dW GEMM": lambda: bigd @ big.T,
    }
    if torch is not None:
        tx, tw = torch.from_numpy(x), torch.from_numpy(layer.params["W"].copy())
        tb, td = torch.zeros(f), torch.from_numpy(dout)
        cb = torch.ops.aten.convolution_backward
        run["torch fwd"] = lambda: torch.nn.functional.conv2d(tx, tw, tb, padding=pad)
        run["torch dX"] = lambda: cb(td, tx, tw, [f], [1, 1], [pad, pad], [1, 1], False,
                                     [0, 0], 1, [True, False, False])
        run["torch dW"] = lambda: cb(td, tx, tw, [f], [1, 1], [pad, pad], [1, 1], False,
                                     [0, 0], 1, [False, True, True])
    flop = 2 * N * f * c * k * k * oh * oh
    return run, flop


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--nets", nargs="+", default=list(LAYERS))
    p.add_argument("--no-torch", action="store_true")
    args = p.parse_args()
    torch = None
    if not args.no_torch:
        import torch
        torch.set_num_threads(1)
    threadpoolctl.threadpool_limits(1)
    from nndesk.nn.parallel import set_workers
    set_workers(1)
    runs = {(net, i): cases(*shape, torch) for net in args.nets
            for i, shape in enumerate(LAYERS[net])}
    times: dict = {}
    for _ in range(args.rounds):
        for key, (run, _) in runs.items():
            for name, fn in run.items():
                times.setdefault(key, {}).setdefault(name, []).append(cpu_ms(fn))
    cols = ["fwd", "im2col", "fwd GEMMs", "bare GEMM", "torch fwd", "bwd no dX", "dW GEMMs",
            "bare dW GEMM", "torch dW", "dX", "torch dX"]
    print("| layer (C>F, KxK, pad, HxW) | MFLOP/pass | "
          + " | ".join(f"{c} ms (GFLOP/s)" for c in cols) + " |")
    print("|" + "---|" * (len(cols) + 2))
    for (net, i), (_run, flop) in runs.items():
        c, f, k, pad, hw = LAYERS[net][i]
        cells = []
        for col in cols:
            if col == "dX":
                t = times[net, i]
                times[net, i]["dX"] = [a - b for a, b in zip(t["bwd"], t["bwd no dX"], strict=True)]
            if col not in times[net, i]:
                cells.append("-")
                continue
            ms = statistics.median(times[net, i][col])
            gf = flop / ms / 1e6 if col != "im2col" else None
            cells.append(f"{ms:.1f}" + (f" ({gf:.0f})" if gf else ""))
        print(f"| {net} {i + 1} ({c}>{f}, {k}x{k}, p{pad}, {hw}) | {flop / 1e6:.0f} | "
              + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
