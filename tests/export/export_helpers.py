"""Helpers for the export tests (imported by their conftest and tests)."""

from __future__ import annotations

import numpy as np

from nndesk.nn import Network

# Every layer type, with the settings where engines disagree by default: a 3x3 pool with
# stride 2 on 28 pixels (floor mode gives 13, ceil mode would give 14), strided and padded
# convolutions, BatchNorm on maps and on vectors, a Dense straight after a convolution.
EVERY_LAYER = {
    "name": "EveryLayer", "input_shape": [1, 28, 28],
    "layers": [
        {"type": "Conv2D", "filters": 6, "kernel_size": 3, "pad": 1},
        {"type": "BatchNorm", "momentum": 0.8, "eps": 1e-3},
        {"type": "LeakyReLU", "alpha": 0.1},
        {"type": "MaxPool2D", "pool_size": 3, "stride": 2},
        {"type": "Conv2D", "filters": 8, "kernel_size": 3, "stride": 2},
        {"type": "Tanh"},
        {"type": "AvgPool2D", "pool_size": 2},
        {"type": "Conv2D", "filters": 8, "kernel_size": 1},
        {"type": "Dense", "units": 24},
        {"type": "BatchNorm"},
        {"type": "Sigmoid"},
        {"type": "Dropout", "rate": 0.3},
        {"type": "Dense", "units": 16},
        {"type": "ReLU"},
        {"type": "Flatten"},
        {"type": "Dense", "units": 10},
    ],
}


def every_layer_network(spec: dict = EVERY_LAYER, seed: int = 3) -> Network:
    """The network with non-trivial weights everywhere: random gamma/beta and biases, and
    running statistics moved by a few training batches (not the 0/1 they start at)."""
    net = Network.from_spec(spec, seed=seed)
    rng = np.random.default_rng(seed)
    for key, value in net.params().items():
        if key.endswith((".b", ".beta")):
            value[...] = rng.normal(0, 0.1, value.shape)
        elif key.endswith(".gamma"):
            value[...] = rng.uniform(0.5, 1.5, value.shape)
    x = rng.random((64, 1, 28, 28), dtype=np.float32)
    for _ in range(3):
        net.forward(x, train=True)
    return net
