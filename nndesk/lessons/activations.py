"""Ch. 3: activation functions with their derivatives, softmax's overflow, and the shapes of
the 3-layer forward pass (figs. 3-6 to 3-9, 3-15 to 3-20, eq. 3.10 and 3.11)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nndesk.nn import functions
from nndesk.nn.layers import LeakyReLU, ReLU, Sigmoid, Tanh

__all__ = ["ACTIVATIONS", "activation_curve", "softmax_naive", "softmax_stable",
           "BOOK_NETWORK", "BOOK_X", "MNIST_NETWORK", "NETWORKS", "OUTPUTS", "ForwardStep",
           "forward_steps"]


def _engine_derivative(layer_cls, **settings) -> Callable[[np.ndarray], np.ndarray]:
    """The derivative as the engine's layer computes it: backward(1) after forward(x)."""
    def derivative(x: np.ndarray) -> np.ndarray:
        layer = layer_cls(**settings)
        layer.forward(x, train=True)
        return layer.backward(np.ones_like(x))
    return derivative


# name -> (function, derivative); the derivatives of the four layers are the engine's backward
ACTIVATIONS: dict[str, tuple[Callable, Callable]] = {
    "step": (functions.step, lambda x: np.zeros_like(x)),        # 0 everywhere but at 0
    "sigmoid": (functions.sigmoid, _engine_derivative(Sigmoid)),
    "tanh": (functions.tanh, _engine_derivative(Tanh)),
    "ReLU": (functions.relu, _engine_derivative(ReLU)),
    "leaky ReLU": (lambda x: functions.leaky_relu(x, 0.1),    # alpha 0.1: visible at this scale
                   _engine_derivative(LeakyReLU, alpha=0.1)),
    "identity": (functions.identity, lambda x: np.ones_like(x)),
}


def activation_curve(name: str, lo: float = -5.0, hi: float = 5.0, n: int = 401
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x (n,), h(x), h'(x) on [lo, hi] for ACTIVATIONS[name] (KeyError for an unknown name)."""
    f, df = ACTIVATIONS[name]
    x = np.linspace(lo, hi, n)
    return x, np.asarray(f(x), dtype=np.float64), np.asarray(df(x), dtype=np.float64)


def softmax_naive(a: np.ndarray) -> tuple[np.ndarray, bool]:
    """exp(a) / sum(exp(a)) as eq. 3.10 is written: (y, overflowed). At a = 1000, exp(a) is
    inf in float64 and y holds nan; the overflow is reported, never warned."""
    a = np.asarray(a, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(a)
        y = e / e.sum()
    return y, bool(not np.all(np.isfinite(e)))


def softmax_stable(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Eq. 3.11: (a - max(a), softmax) — the shift changes nothing but keeps exp finite."""
    a = np.asarray(a, dtype=np.float64)
    return a - a.max(), functions.softmax(a)


# The book's 3.4.3 init_network(): weights and biases of the 2-3-2-2 network
BOOK_NETWORK: dict[str, np.ndarray] = {
    "W1": np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]), "b1": np.array([0.1, 0.2, 0.3]),
    "W2": np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]), "b2": np.array([0.1, 0.2]),
    "W3": np.array([[0.1, 0.3], [0.2, 0.4]]), "b3": np.array([0.1, 0.2]),
}
BOOK_X = np.array([1.0, 0.5])


def _mnist_network(seed: int = 0) -> dict[str, np.ndarray]:
    """The book's 3.6 MNIST network, 784 -> 50 -> 100 -> 10, with untrained weights (normal,
    std 0.01, as ch. 4's TwoLayerNet starts; sample_weight.pkl is not shipped)."""
    rng = np.random.default_rng(seed)
    sizes = (784, 50, 100, 10)
    net = {}
    for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:], strict=False), 1):
        net[f"W{i}"] = 0.01 * rng.standard_normal((n_in, n_out))
        net[f"b{i}"] = np.zeros(n_out)
    return net


MNIST_NETWORK: dict[str, np.ndarray] = _mnist_network()

# the output layer's function: identity for 3.4.3's forward(), softmax for 3.6's predict()
OUTPUTS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "identity": functions.identity, "softmax": functions.softmax}

# each network of the chapter with the output function the book's code ends with
NETWORKS: dict[str, tuple[dict[str, np.ndarray], str]] = {
    "book": (BOOK_NETWORK, "identity"),     # 3.4.3 forward(): y = identity_function(a3)
    "mnist": (MNIST_NETWORK, "softmax"),    # 3.6.2 predict(): y = softmax(a3)
}


@dataclass
class ForwardStep:
    """One line of the forward pass: `out = act(x @ W + b)` with every shape."""

    layer: int
    x_shape: tuple[int, ...]
    w_shape: tuple[int, ...]
    b_shape: tuple[int, ...]
    a_shape: tuple[int, ...]       # x @ W + b (broadcast b over the batch)
    activation: str                # "sigmoid" (hidden), else the output's: a key of OUTPUTS
    a: np.ndarray
    z: np.ndarray


def forward_steps(x: np.ndarray = BOOK_X, network: dict[str, np.ndarray] | None = None,
                  output: str = "identity") -> list[ForwardStep]:
    """The 3-layer forward pass for one sample x (D,) or a batch (N, D): sigmoid on the hidden
    layers, `output` (a key of OUTPUTS) at the last: "identity" is 3.4.3's `forward`,
    "softmax" 3.6's `predict` (NETWORKS pairs each network with its own). ValueError names the
    layer whose shapes do not chain."""
    network = BOOK_NETWORK if network is None else network
    out_fn = OUTPUTS[output]
    z = np.asarray(x, dtype=np.float64)
    steps: list[ForwardStep] = []
    n_layers = len(network) // 2
    for i in range(1, n_layers + 1):
        w, b = network[f"W{i}"], network[f"b{i}"]
        if z.shape[-1] != w.shape[0]:
            raise ValueError(f"layer {i}: input has {z.shape[-1]} values per sample but "
                             f"W{i} has {w.shape[0]} rows")
        a = z @ w + b
        act = output if i == n_layers else "sigmoid"
        out = functions.sigmoid(a) if act == "sigmoid" else out_fn(a)
        steps.append(ForwardStep(i, z.shape, w.shape, b.shape, a.shape, act, a, out))
        z = out
    return steps
