#!/usr/bin/env python
"""A/B of Conv2D's stride-1 input gradient in the whole LeNet5 training step, in one process.

'wide': the padded-width col2im that `Conv2D._dx_flat` replaced (one GEMM per image, then
K*K adds over N*C strided runs of OH*Wp values; kept here as the reference, with
`im2col.col2im_wide`); 'flat': `Conv2D._dx_flat` as shipped. The two alternate, each on
its own network, batch 100, Adam, one BLAS thread, malloc as the app sets it; CPU ms per
step and of LeNet5's conv 2 backward inside it (medians).
Usage: benchmarks/ab_dx.py [--rounds N] [--steps N] [--net LeNet5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import threadpoolctl

sys.path.insert(0, str(Path(__file__).resolve().parent))


def dx_wide(layer, dout: np.ndarray) -> np.ndarray:
    """The replaced path: dcol per image over the padded width, then col2im_wide."""
    from nndesk.nn.im2col import col2im_wide

    W, k = layer.params["W"], layer.kernel_size
    n, f, oh, ow = dout.shape
    c, wp = layer.x_shape[1], layer.x_shape[3] + 2 * layer.pad
    wide = layer.scratch("ab_wide", (n, f, oh, wp), dout.dtype)    # columns >= ow stay zero
    wide[:, :, :, :ow] = dout
    dcol = layer.scratch("ab_dcol", (n, c * k * k, oh * wp), dout.dtype)
    np.matmul(W.reshape(f, -1).T, wide.reshape(n, f, -1), out=dcol)
    return col2im_wide(dcol, layer.x_shape, k, k, layer.pad)


def main() -> None:
    from cases import nndesk_case, time_calls

    from nndesk.nn import Conv2D, keep_freed_memory
    from nndesk.presets import load_preset

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=20)
    p.add_argument("--steps", type=int, default=3)
    p.add_argument("--net", default="LeNet5")
    args = p.parse_args()
    keep_freed_memory()
    threadpoolctl.threadpool_limits(1)
    rng = np.random.default_rng(0)
    x = rng.random((100, 1, 28, 28), dtype=np.float32)
    t = rng.integers(0, 10, 100)
    spec = load_preset(args.net)
    paths = {"wide": dx_wide, "flat": Conv2D._dx_flat}
    steps = {name: nndesk_case(spec, x, t, x[:1]).step for name in paths}
    step_cpu: dict[str, list[float]] = {name: [] for name in paths}
    layer_cpu: dict[str, list[float]] = {name: [] for name in paths}
    current = ["wide"]
    backward = Conv2D.backward

    def timed(self, dout):
        c0 = time.process_time()
        out = backward(self, dout)
        if self.needs_dx and self.stride == 1:              # the layers taking a dx path
            layer_cpu[current[0]].append(time.process_time() - c0)
        return out

    Conv2D.backward = timed
    try:
        for _ in range(args.rounds):
            for name, step in steps.items():
                Conv2D._dx_flat = paths[name]
                current[0] = name
                step()                                      # warm: this variant's buffers
                time_calls(step, args.steps, step_cpu[name])
    finally:
        Conv2D.backward, Conv2D._dx_flat = backward, paths["flat"]
    med = {k: {n: 1e3 * statistics.median(v[n]) for n in paths}
           for k, v in (("step", step_cpu), ("layer", layer_cpu))}
    print(f"{args.net}, CPU ms (medians of {args.rounds} rounds x {args.steps} steps)")
    print("| | wide (before) | flat (after) | after/before |\n|---|---|---|---|")
    for k, label in (("step", "whole step"), ("layer", "conv backward(s) with a dx path")):
        print(f"| {label} | {med[k]['wide']:.1f} | {med[k]['flat']:.1f} | "
              f"{med[k]['flat'] / med[k]['wide']:.2f} |")


if __name__ == "__main__":
    main()
