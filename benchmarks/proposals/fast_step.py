#!/usr/bin/env python
"""A whole training step with the proposals applied to the engine's own network, side by side.

Builds the preset twice with the same seed; in the second one (without editing nn/) swaps in:
  - conv input gradient as one GEMM (conv_nchw.conv_dx_gemm) where its column matrix is at most
    3x the size of the one col2im would scatter (stride 1);
  - max pooling with a one-byte argmax and branch-free strided slices (pool_relu);
  - Conv -> ReLU -> MaxPool run as Conv -> MaxPool -> ReLU (they commute: same output, same
    gradient), so ReLU touches a quarter of the numbers.
Checks the loss and every gradient against the engine, then times both (CPU time: robust on a
busy machine), interleaved, 1 thread.
Usage: proposals/fast_step.py [PRESET ...] [--rounds N]
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
import threadpoolctl
from conv_nchw import conv_dx_gemm
from pool_relu import maxpool_backward, maxpool_forward


def _gemm_dx_pays(layer, x_shape) -> bool:
    """GEMM input gradient when stride 1 and its columns are at most 3x col2im's."""
    n, c, h, w = x_shape
    k, p = layer.kernel_size, layer.pad
    oh, ow = h + 2 * p - k + 1, w + 2 * p - k + 1
    return layer.stride == 1 and p <= k - 1 and layer.filters * h * w <= 3 * c * oh * ow


def patch_conv(layer) -> None:
    """Wrap the engine Conv2D's backward: same dW, db; dx by one GEMM when that pays."""
    engine_backward = layer.backward

    def backward(dout):
        if not layer.needs_dx or not _gemm_dx_pays(layer, layer.x_shape):
            return engine_backward(dout)
        layer.needs_dx = False
        engine_backward(dout)                                      # dW, db only
        layer.needs_dx = True
        return conv_dx_gemm(np.ascontiguousarray(dout), layer.params["W"], layer.x_shape,
                            layer.pad)

    layer.backward = backward


def patch_pool(layer) -> None:
    """Replace a 2x2/stride-2 MaxPool2D's forward/backward by the argmax version."""
    if layer.pool_size != 2 or layer.step != 2:
        return
    state = {}

    def forward(x, train=False):
        out, state["arg"] = maxpool_forward(x)
        state["shape"] = x.shape
        return out

    def backward(dout):
        return maxpool_backward(np.ascontiguousarray(dout), state["arg"], state["shape"])

    layer.forward, layer.backward = forward, backward


def proposed(spec: dict, parts: str = "swap,pool,conv"):
    """The engine's network with the proposals `parts` patched in (same weights as seed 0)."""
    from nndesk.nn import Conv2D, MaxPool2D, Network, ReLU

    net = Network.from_spec(spec, seed=0)
    layers = net.layers
    for i in range(len(layers) - 1):                   # Conv, ReLU, MaxPool -> Conv, Pool, ReLU
        if "swap" in parts and isinstance(layers[i], ReLU) and i > 0 \
                and isinstance(layers[i + 1], MaxPool2D) and isinstance(layers[i - 1], Conv2D):
            layers[i], layers[i + 1] = layers[i + 1], layers[i]
    for layer in layers:
        if isinstance(layer, Conv2D) and "conv" in parts:
            patch_conv(layer)
        elif isinstance(layer, MaxPool2D) and "pool" in parts:
            patch_pool(layer)
    return net


def _step(net, opt, x, t) -> float:
    loss = net.loss(x, t, train=True)
    net.backward()
    opt.update(net.params(), net.grads())
    return loss


def compare(name: str, rounds: int, steps: int, parts: str) -> str:
    from nndesk.nn import Adam, Network
    from nndesk.presets import load_preset

    spec = load_preset(name)
    rng = np.random.default_rng(1)
    x = rng.random((100, 1, 28, 28), dtype=np.float32)
    t = rng.integers(0, 10, 100)
    a, b = Network.from_spec(spec, seed=0), proposed(spec, parts)
    # correctness: same loss and gradients (dropout draws from each net's own seeded rng)
    la, lb = a.loss(x, t, train=True), b.loss(x, t, train=True)
    a.backward(), b.backward()
    ga, gb = a.grads(), b.grads()
    err = max(float(np.abs(ga[k] - gb[k]).max() / (np.abs(ga[k]).max() + 1e-30)) for k in ga)
    oa, ob = Adam(lr=1e-3), Adam(lr=1e-3)
    times = {"engine": [], "proposal": []}
    for _ in range(rounds):
        for label, net, opt in (("engine", a, oa), ("proposal", b, ob)):
            for _ in range(steps):
                t0 = time.process_time()
                _step(net, opt, x, t)
                times[label].append(time.process_time() - t0)
    me, mp = (float(np.median(times[k])) * 1e3 for k in ("engine", "proposal"))
    return (f"| {name} | {parts} | {me:.1f} | {mp:.1f} | {me / mp:.2f}x | {abs(la - lb):.1e} "
            f"| {err:.1e} |")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("presets", nargs="*", default=["SimpleConvNet", "LeNet5", "DeepConvNet"])
    p.add_argument("--rounds", type=int, default=4)
    p.add_argument("--steps", type=int, default=5)
    p.add_argument("--parts", default="pool",
                   help="which proposals: comma-separated swap, pool, conv")
    args = p.parse_args()
    threadpoolctl.threadpool_limits(limits=1)
    print("| preset (batch 100, Adam, 1 thread) | proposals | engine step, CPU ms | with "
          "proposals, CPU ms | speed-up | loss diff | max rel grad diff |")
    print("|---|---|---|---|---|---|---|")
    for name in args.presets:
        print(compare(name, args.rounds, args.steps, args.parts), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
