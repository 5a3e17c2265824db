#!/usr/bin/env python
"""Micro-benchmark of the proposed kernels against the engine's layers, with correctness checks.

For every conv and pool shape of SimpleConvNet, LeNet-5 and DeepConvNet (batch 100): forward
+ backward time of the engine's layer and of the proposal (interleaved, median), and the max
relative difference of every output. One BLAS thread. Usage: proposals/bench_kernels.py
"""

from __future__ import annotations

import sys
import time
from functools import partial

import numpy as np
import threadpoolctl
from conv_nchw import conv_backward, conv_forward
from pool_relu import maxpool_backward, maxpool_forward, relu_backward, relu_forward

# (label, (C, H, W), filters, kernel, pad); needs_dx False for a network's first layer
CONVS = [("SimpleConvNet conv1", (1, 28, 28), 30, 5, 0, False),
         ("LeNet5 conv1", (1, 28, 28), 6, 5, 2, False),
         ("LeNet5 conv2", (6, 14, 14), 16, 5, 0, True),
         ("DeepConvNet conv2", (16, 28, 28), 16, 3, 1, True),
         ("DeepConvNet conv3", (16, 14, 14), 32, 3, 1, True),
         ("DeepConvNet conv4", (32, 14, 14), 32, 3, 2, True),
         ("DeepConvNet conv5", (32, 8, 8), 64, 3, 1, True),
         ("DeepConvNet conv6", (64, 8, 8), 64, 3, 1, True)]
POOLS = [("SimpleConvNet pool", (30, 24, 24)), ("LeNet5 pool1", (6, 28, 28)),
         ("DeepConvNet pool1", (16, 28, 28)), ("DeepConvNet pool2", (32, 16, 16))]


def _median_ms(fn, reps: int) -> float:
    out = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return float(np.median(out)) * 1e3


def _rel(a, b) -> float:
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return float(np.abs(a - b).max() / max(np.abs(b).max(), 1e-30))


def _race(engine_fn, new_fn, reps: int) -> tuple[float, float]:
    """Median ms of each, interleaved in 3 rounds."""
    e, n = [], []
    for _ in range(3):
        e.append(_median_ms(engine_fn, reps))
        n.append(_median_ms(new_fn, reps))
    return float(np.median(e)), float(np.median(n))


def _engine_conv(layer, x, dout) -> None:
    layer.forward(x, True)
    layer.backward(dout)


def _new_conv(x, W, b, p, dout, needs_dx) -> None:
    _, col = conv_forward(x, W, b, 1, p)
    conv_backward(dout, col, W, x.shape, 1, p, needs_dx)


def _engine_pool(relu, pool, x, dout) -> None:
    pool.forward(relu.forward(x, True), True)
    relu.backward(pool.backward(dout))


def _new_pool(x, dout) -> None:
    pooled, arg = maxpool_forward(x)
    _, mask = relu_forward(pooled)
    maxpool_backward(relu_backward(dout, mask), arg, x.shape)


def bench_conv(rng, reps: int) -> list[str]:
    from nndesk.nn import Conv2D

    lines = []
    for label, (c, h, w), f, k, p, needs_dx in CONVS:
        layer = Conv2D(filters=f, kernel_size=k, stride=1, pad=p)
        layer.build((c, h, w), rng, np.float32, "relu")
        layer.needs_dx = needs_dx
        W, b = layer.params["W"], layer.params["b"]
        x = rng.standard_normal((100, c, h, w), dtype=np.float32)
        out = layer.forward(x, True)
        dout = rng.standard_normal(out.shape, dtype=np.float32)
        # the engine hands its next layer a transposed view; a contiguous dout is what the
        # next layer's backward gives both versions
        dx = layer.backward(dout)
        out2, col = conv_forward(x, W, b, 1, p)
        dx2, dW2, db2 = conv_backward(dout, col, W, x.shape, 1, p, needs_dx)
        errs = [_rel(out2, out), _rel(dW2, layer.grads["W"]), _rel(db2, layer.grads["b"])]
        if needs_dx:
            errs.append(_rel(dx2, dx))
        te, tn = _race(partial(_engine_conv, layer, x, dout),
                       partial(_new_conv, x, W, b, p, dout, needs_dx), reps)
        lines.append(f"| {label} | {te:.2f} | {tn:.2f} | {te / tn:.2f}x | {max(errs):.1e} |")
    return lines


def bench_pool(rng, reps: int) -> list[str]:
    from nndesk.nn import MaxPool2D, ReLU

    lines = []
    for label, shape in POOLS:
        pool, relu = MaxPool2D(pool_size=2, stride=2), ReLU()
        x = rng.standard_normal((100, *shape), dtype=np.float32)
        y = pool.forward(relu.forward(x, True), True)               # the engine: ReLU, pool
        dout = rng.standard_normal(y.shape, dtype=np.float32)
        dx = relu.backward(pool.backward(dout))
        # proposal: pool first (max and ReLU commute), ReLU on the 4x smaller map
        pooled, arg = maxpool_forward(x)
        y2, mask = relu_forward(pooled)
        dx2 = maxpool_backward(relu_backward(dout, mask), arg, x.shape)
        errs = [_rel(y2, y), _rel(dx2, dx)]
        te, tn = _race(partial(_engine_pool, relu, pool, x, dout),
                       partial(_new_pool, x, dout), reps)
        lines.append(f"| {label} ReLU+MaxPool | {te:.2f} | {tn:.2f} | {te / tn:.2f}x "
                     f"| {max(errs):.1e} |")
    return lines


def main() -> int:
    threadpoolctl.threadpool_limits(limits=1)
    rng = np.random.default_rng(0)
    reps = 3 if "--smoke" in sys.argv else 15
    print("| kernel (batch 100, fwd+bwd) | engine ms | proposal ms | speed-up | max rel diff |")
    print("|---|---|---|---|---|")
    for line in bench_conv(rng, reps) + bench_pool(rng, reps):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
