"""Nielsen, Neural Networks and Deep Learning: the learning slowdown of one sigmoid neuron
(ch. 3) and universality with steep sigmoid steps (ch. 4), computed with nndesk's engine."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nndesk.nn.functions import sigmoid
from nndesk.nn.network import Network

__all__ = ["Slowdown", "slowdown", "nielsen_function", "bump_spec", "bump_weights",
           "approximate"]


@dataclass
class Slowdown:
    """One neuron's training: values before each epoch and after the last, (epochs + 1,)."""

    w: np.ndarray
    b: np.ndarray
    output: np.ndarray
    cost: np.ndarray


def slowdown(cost: str = "quadratic", w: float = 2.0, b: float = 2.0, eta: float = 0.15,
             epochs: int = 300, x: float = 1.0, y: float = 0.0) -> Slowdown:
    """Gradient descent on one sigmoid neuron a = sigmoid(w x + b), input x, target y.

    "quadratic": C = (a - y)^2 / 2, dC/dw = (a - y) sigmoid'(z) x: starting saturated
    (w = b = 2, a = 0.98) the factor sigmoid'(z) ~ 0.02 makes learning crawl.
    "cross_entropy": C = -[y ln a + (1 - y) ln(1 - a)], dC/dw = (a - y) x: no sigmoid', so
    the worse the neuron, the faster it learns (Nielsen ch. 3, eq. 61-62). ValueError for
    another cost."""
    if cost not in ("quadratic", "cross_entropy"):
        raise ValueError(f"cost must be 'quadratic' or 'cross_entropy', not {cost!r}")
    ws, bs, outs, costs = [], [], [], []
    for epoch in range(epochs + 1):
        a = float(sigmoid(np.array(w * x + b)))
        ws.append(w)
        bs.append(b)
        outs.append(a)
        if cost == "quadratic":
            costs.append((a - y) ** 2 / 2)
            delta = (a - y) * a * (1 - a)
        else:
            costs.append(float(-(y * np.log(a) + (1 - y) * np.log1p(-a))))
            delta = a - y
        if epoch < epochs:
            w, b = w - eta * delta * x, b - eta * delta
    return Slowdown(np.array(ws), np.array(bs), np.array(outs), np.array(costs))


def nielsen_function(x: np.ndarray) -> np.ndarray:
    """The function Nielsen approximates in ch. 4: 0.2 + 0.4 x^2 + 0.3 x sin(15 x)
    + 0.05 cos(50 x) on [0, 1]."""
    x = np.asarray(x, dtype=np.float64)
    return 0.2 + 0.4 * x ** 2 + 0.3 * x * np.sin(15 * x) + 0.05 * np.cos(50 * x)


def bump_spec(bumps: int) -> dict:
    """One input, a hidden layer of 2 * bumps sigmoid neurons, one linear output (MSE)."""
    return {"name": "Universality", "input_shape": [1], "loss": "mse", "layers": [
        {"type": "Dense", "units": 2 * bumps}, {"type": "Sigmoid"}, {"type": "Dense", "units": 1}]}


def bump_weights(edges: np.ndarray, heights: np.ndarray, steepness: float = 1000.0
                 ) -> dict[str, np.ndarray]:
    """Weights for `bump_spec(len(heights))`: bump i is a step up by heights[i] at edges[i]
    and down by as much at edges[i+1]; a step at s is sigmoid(w (x - s)), i.e. bias -w s.
    edges (N+1,) increasing, heights (N,)."""
    edges = np.asarray(edges, dtype=np.float64)
    heights = np.asarray(heights, dtype=np.float64)
    starts, stops = edges[:-1], edges[1:]
    steps = np.stack([starts, stops], axis=1).ravel()             # (2N,) s1, t1, s2, t2, ...
    out = np.stack([heights, -heights], axis=1).ravel()           # (2N,) +h1, -h1, ...
    return {"0.W": np.full((1, steps.size), steepness), "0.b": -steepness * steps,
            "2.W": out[:, None], "2.b": np.zeros(1)}


def approximate(f_at_mid: np.ndarray, edges: np.ndarray, x: np.ndarray,
                steepness: float = 1000.0) -> np.ndarray:
    """Nielsen's construction run by nndesk's Network: bumps of height f(midpoint) between
    consecutive edges, evaluated at x (M,) -> (M,)."""
    net = Network.from_spec(bump_spec(len(f_at_mid)), dtype=np.float64)
    net.load_state_dict(bump_weights(edges, f_at_mid, steepness))
    with np.errstate(over="ignore"):
        return net.forward(np.asarray(x, dtype=np.float64)[:, None])[:, 0]
