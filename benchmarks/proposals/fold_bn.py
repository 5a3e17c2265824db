#!/usr/bin/env python
"""Proposal: fold eval-mode BatchNorm into the Conv2D/Dense before it, for prediction.

In eval mode BatchNorm is a fixed per-channel affine map, s * (z - mean) + beta with
s = gamma / sqrt(var + eps); after z = W x + b it folds into W' = s * W, b' = s * (b - mean)
+ beta. The predict path then skips one pass per BatchNorm. Checks the folded network's
probabilities against the original and times single-image predict of the shipped model's
architecture (DigitNet). Usage: proposals/fold_bn.py [PRESET]
"""

from __future__ import annotations

import sys
import time

import numpy as np
import threadpoolctl


def fold_batchnorm(net):
    """A new Network computing the same eval-mode output, BatchNorm folded into its producer."""
    from nndesk.nn import Network

    spec, state = net.spec, net.state_dict()
    layers, keep, new_state, folded = spec["layers"], [], {}, 0
    for i, layer in enumerate(layers):
        prev = layers[i - 1]["type"] if i else None
        if layer["type"] == "BatchNorm" and prev in ("Conv2D", "Dense"):
            j = len(keep) - 1                                     # the producer's new index
            s = state[f"{i}.gamma"] / np.sqrt(state[f"{i}.running_var"] + layer.get("eps", 1e-5))
            W, b = new_state[f"{j}.W"], new_state[f"{j}.b"]
            new_state[f"{j}.W"] = W * (s[:, None, None, None] if W.ndim == 4 else s[None, :])
            new_state[f"{j}.b"] = (b - state[f"{i}.running_mean"]) * s + state[f"{i}.beta"]
            folded += 1
            continue
        j = len(keep)
        keep.append(layer)
        for key, value in state.items():
            if key.startswith(f"{i}."):
                new_state[f"{j}.{key.split('.', 1)[1]}"] = value
    out = Network.from_spec({**spec, "layers": keep}, seed=0, dtype=net.dtype)
    out.load_state_dict({k: v.astype(net.dtype) for k, v in new_state.items()})
    return out, folded


def main() -> int:
    from nndesk.nn import Network
    from nndesk.presets import load_preset

    threadpoolctl.threadpool_limits(limits=1)
    name = sys.argv[1] if len(sys.argv) > 1 else "DigitNet"
    net = Network.from_spec(load_preset(name), seed=0)
    rng = np.random.default_rng(0)
    for layer in net.layers:  # trained-looking statistics, not the 0/1 defaults
        if "running_var" in layer.buffers:
            c = layer.buffers["running_var"].shape
            layer.buffers["running_mean"][:] = rng.normal(0, 0.5, c)
            layer.buffers["running_var"][:] = rng.uniform(0.5, 2.0, c)
            layer.params["gamma"][:] = rng.uniform(0.5, 1.5, c)
            layer.params["beta"][:] = rng.normal(0, 0.2, c)
    fast, n = fold_batchnorm(net)
    x = rng.random((200, 1, 28, 28), dtype=np.float32)
    diff = float(np.abs(fast.predict(x) - net.predict(x)).max())
    one = x[:1]
    times = {"original": [], "folded": []}
    for _ in range(5):
        for label, m in (("original", net), ("folded", fast)):
            for _ in range(100):
                c0 = time.process_time()
                m.predict(one)
                times[label].append(time.process_time() - c0)
    a, b = (float(np.median(times[k])) * 1e3 for k in ("original", "folded"))
    print(f"{name}: {n} BatchNorm folded; max |p diff| {diff:.1e}; predict 1 image CPU "
          f"{a:.3f} ms -> {b:.3f} ms ({a / b:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
