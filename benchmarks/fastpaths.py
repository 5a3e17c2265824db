#!/usr/bin/env python
"""Each engine fast path against the plain form it replaces, same inputs, same numbers.

CPU milliseconds per call (median of --reps, one BLAS thread), printed as a markdown table for
benchmarks/PROFILE.md ("Fast paths"). Shapes are those of the presets' busiest layers, batch
100. On a shared machine the figures are upper bounds; the ratios are what matter.
Usage: OPENBLAS_NUM_THREADS=1 benchmarks/fastpaths.py [--reps N]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from nndesk.nn import Adam, BatchNorm, Conv2D, MaxPool2D, ReLU
from nndesk.nn.batchnorm import book_backward, book_forward


def cpu_ms(fn, reps: int) -> float:
    fn()                                                   # warm: buffers, caches
    times = []
    for _ in range(reps):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return 1e3 * statistics.median(times)


def conv(c, f, k, pad, hw, rng):
    layer = Conv2D(filters=f, kernel_size=k, pad=pad)
    layer.build((c, hw, hw), rng, np.float32, "relu")
    x = rng.standard_normal((100, c, hw, hw)).astype(np.float32)
    dout = rng.standard_normal((100,) + layer.output_shape((c, hw, hw))).astype(np.float32)
    layer.forward(x, train=True)
    layer.backward(dout)
    d = dout.reshape(100, f, -1)
    return layer, dout, d


def rows(reps: int) -> list[tuple[str, str, float, float]]:
    rng = np.random.default_rng(0)
    out = []
    # MaxPool2D 2x2 in training: pairwise maxima vs the general offsets loop
    x = rng.standard_normal((100, 30, 24, 24)).astype(np.float32)
    dout = rng.standard_normal((100, 30, 12, 12)).astype(np.float32)
    fast, plain = MaxPool2D(), MaxPool2D()
    plain._tiles_2x2 = lambda: False

    def both(layer):
        return lambda: layer.backward(layer.forward(x, train=True) * 0 + dout)

    out.append(("MaxPool2D._forward_2x2/_backward_2x2", "offsets loop + masks (30x24x24)",
                cpu_ms(both(fast), reps), cpu_ms(both(plain), reps)))
    # Conv2D stride-1 input gradient: flipped kernels or batch-flat rows vs the book's col2im
    for c, f, k, pad, hw, name in ((6, 16, 5, 0, 14, "LeNet5 conv 2"),
                                   (16, 16, 3, 1, 28, "DeepConvNet conv 2")):
        layer, dout, d = conv(c, f, k, pad, hw, rng)
        book = cpu_ms(lambda layer=layer, d=d: layer._dx_col2im(d), reps)
        out.append((f"Conv2D._dx_flipped ({name})", "_dx_col2im (book)",
                    cpu_ms(lambda layer=layer, g=dout: layer._dx_flipped(g), reps), book))
        out.append((f"Conv2D._dx_flat ({name})", "_dx_col2im (book)",
                    cpu_ms(lambda layer=layer, g=dout: layer._dx_flat(g), reps), book))
    # DigitNet's conv 2 (32->64, 5x5, pad 2, 14x14): row-layout forward and frequency-domain
    # backward against the column layout and the im2col backward
    fast_conv = conv(32, 64, 5, 2, 14, rng)[0]
    plain_conv = Conv2D(filters=64, kernel_size=5, pad=2)
    plain_conv.build((32, 14, 14), rng, np.float32, "relu")
    plain_conv.params = fast_conv.params
    plain_conv.fft_pays = lambda: False
    x32 = rng.standard_normal((100, 32, 14, 14)).astype(np.float32)
    d64 = rng.standard_normal((100, 64, 14, 14)).astype(np.float32)
    out.append(("Conv2D forward via conv_rows (DigitNet conv 2)", "im2col + per-image GEMMs",
                cpu_ms(lambda: fast_conv.forward(x32, train=True), reps),
                cpu_ms(lambda: plain_conv.forward(x32, train=True), reps)))
    fast_conv.forward(x32, train=True)
    plain_conv.forward(x32, train=True)
    out.append(("Conv2D backward via fftconv (DigitNet conv 2)", "im2col dW + _dx_flat/_flipped",
                cpu_ms(lambda: fast_conv.backward(d64), reps),
                cpu_ms(lambda: plain_conv.backward(d64), reps)))
    # BatchNorm training forward + backward: element-wise passes on expanded rows vs the book
    a = rng.standard_normal((100, 32, 28, 28)).astype(np.float32)
    b = rng.standard_normal((100, 32, 28, 28)).astype(np.float32)
    bn = BatchNorm()
    bn.build((32, 28, 28), rng, np.float32, None)
    gamma, beta = bn.params["gamma"], bn.params["beta"]

    a_rows = np.ascontiguousarray(a.transpose(0, 2, 3, 1).reshape(-1, 32))  # (N*H*W, C)
    b_rows = np.ascontiguousarray(b.transpose(0, 2, 3, 1).reshape(-1, 32))

    def book():
        return book_backward(b_rows, gamma, book_forward(a_rows, gamma, beta, 1e-5)[1])

    out.append(("BatchNorm.forward/backward (32x28x28)", "book_forward/book_backward (ch. 6.3)",
                cpu_ms(lambda: (bn.forward(a, train=True), bn.backward(b)), reps),
                cpu_ms(book, reps)))
    out.append(("BatchNorm._sums(a, b)", "(a * b).sum(axis=(0, 2))",
                cpu_ms(lambda: BatchNorm._sums(a.reshape(100, 32, -1), b.reshape(100, 32, -1)),
                       reps),
                cpu_ms(lambda: (a * b).reshape(100, 32, -1).sum(axis=(0, 2)), reps)))
    # the activation after the pool (network._run_order): ReLU on a 4x smaller map
    small = rng.standard_normal((100, 30, 12, 12)).astype(np.float32)
    relu = ReLU()
    out.append(("ReLU after MaxPool2D (_run_order)", "ReLU before it (30x24x24)",
                cpu_ms(lambda: relu.backward(relu.forward(small, True)), reps),
                cpu_ms(lambda: relu.backward(relu.forward(x, True)), reps)))
    # Adam in preallocated buffers vs the formulas written plainly
    p = {"W": rng.standard_normal((4320, 100)).astype(np.float32)}
    g = {"W": rng.standard_normal((4320, 100)).astype(np.float32)}
    adam = Adam()
    m, v = np.zeros_like(p["W"]), np.zeros_like(p["W"])
    step = [0]

    def plain_adam():
        step[0] += 1
        t = step[0]
        m[...] = 0.9 * m + 0.1 * g["W"]
        v[...] = 0.999 * v + 0.001 * g["W"] ** 2
        lr_t = 0.001 * np.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t)
        p["W"] -= lr_t * m / (np.sqrt(v) + 1e-8)

    out.append(("Adam._step (buffers, pieces)", "plain formulas (432,000 weights)",
                cpu_ms(lambda: adam.update(p, g), reps), cpu_ms(plain_adam, reps)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=15)
    reps = ap.parse_args().reps
    print("| fast path | replaces | fast ms | plain ms | plain / fast |")
    print("|---|---|---:|---:|---:|")
    for name, plain_name, fast, plain in rows(reps):
        print(f"| {name} | {plain_name} | {fast:.2f} | {plain:.2f} | {plain / fast:.1f}x |")


if __name__ == "__main__":
    main()
