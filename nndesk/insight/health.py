"""Layer health from a network and one batch: is each layer learning? Never imports Qt.

What the book's ch. 6 (figures 6-10 to 6-14: activation histograms by weight init) and
Nielsen's ch. 5 (the unstable gradient problem: "speed of learning" per layer) look at:
- per activation layer: a histogram of its outputs, the share of dead ReLU units (zero for
  every sample of the batch) and of saturated sigmoid/tanh outputs (within 0.02 of a bound);
- per weighted layer (Dense, Conv2D): histograms of weights and gradients, the gradient norm,
  and lr * ||dW|| / ||W|| (the SGD update/weight ratio; ~1e-3 is the usual healthy figure,
  Karpathy's CS231n notes); `update_ratios` measures the real one between two snapshots;
- per BatchNorm: running mean and variance.
"""

from __future__ import annotations

import numpy as np

__all__ = ["layer_health", "update_ratios", "SATURATION"]

RELU_LIKE = {"ReLU", "LeakyReLU"}
SATURATION = {"Sigmoid": 0.02, "Tanh": 0.02}  # |output - bound| below this: saturated
WEIGHTED = {"Dense", "Conv2D"}


def _hist(a: np.ndarray, bins: int, lo: float | None = None, hi: float | None = None) -> dict:
    a = np.asarray(a, dtype=np.float64).reshape(-1)
    rng = (lo, hi) if lo is not None else None
    counts, edges = np.histogram(a, bins=bins, range=rng)
    return {"counts": counts.tolist(), "edges": edges.tolist(), "mean": float(a.mean()),
            "std": float(a.std())}


def _copy(net):
    from nndesk.nn import Network

    copy = Network.from_spec(net.spec, dtype=net.dtype)
    copy.load_state_dict(net.state_dict())
    return copy


def layer_health(net, x: np.ndarray, t: np.ndarray, *, lr: float = 0.001,
                 bins: int = 30) -> dict:
    """Health figures of `net` on the batch x (N, *input_shape), labels t (N,), in training
    mode (BatchNorm batch statistics, dropout), computed on a copy: `net` is not changed.

    Returns {"loss": float,
     "activations": [{"index", "type", "hist", "dead_fraction" (ReLU-like, else None),
                      "saturated_fraction" (Sigmoid/Tanh, else None)}],
     "weighted": [{"index", "type", "weights": hist, "grads": hist, "weight_norm",
                   "grad_norm", "update_ratio" (lr * grad_norm / weight_norm)}],
     "batchnorm": [{"index", "running_mean": [...], "running_var": [...]}]}
    with `index` the 0-based layer of the spec and each hist {"counts", "edges", "mean",
    "std"} (`bins` bins; sigmoid outputs on [0, 1], tanh on [-1, 1]).
    """
    net = _copy(net)
    x = np.asarray(x, dtype=net.dtype)
    start = net.rng.bit_generator.state
    h, activations = x, []
    for i, layer in enumerate(net.layers):  # spec order, as the maths reads
        h = layer.forward(h, train=True)
        kind = layer.get_config()["type"]
        if kind in RELU_LIKE | set(SATURATION):
            activations.append(_activation(i, kind, h, bins))
    net.rng.bit_generator.state = start  # the same dropout masks for the gradients
    loss = float(net.loss(x, t, train=True))
    net.backward()
    weighted, batchnorm = [], []
    for i, layer in enumerate(net.layers):
        kind = layer.get_config()["type"]
        if kind in WEIGHTED:
            w, g = layer.params["W"], layer.grads.get("W")
            g = np.zeros_like(w) if g is None else g
            wn, gn = float(np.linalg.norm(w)), float(np.linalg.norm(g))
            weighted.append({"index": i, "type": kind, "weights": _hist(w, bins),
                             "grads": _hist(g, bins), "weight_norm": wn, "grad_norm": gn,
                             "update_ratio": lr * gn / wn if wn else None})
        elif kind == "BatchNorm":
            batchnorm.append({"index": i,
                              "running_mean": net.layers[i].buffers["running_mean"].tolist(),
                              "running_var": net.layers[i].buffers["running_var"].tolist()})
    return {"loss": loss, "activations": activations, "weighted": weighted,
            "batchnorm": batchnorm}


def _activation(i: int, kind: str, out: np.ndarray, bins: int) -> dict:
    dead = saturated = None
    if kind in RELU_LIKE:  # a unit (feature, or channel at a position) silent for every sample
        dead = float((out <= 0).all(axis=0).mean())
        hist = _hist(out, bins)
    elif kind == "Sigmoid":
        eps = SATURATION[kind]
        saturated = float(((out < eps) | (out > 1 - eps)).mean())
        hist = _hist(out, bins, 0.0, 1.0)
    else:  # Tanh
        saturated = float((np.abs(out) > 1 - SATURATION[kind]).mean())
        hist = _hist(out, bins, -1.0, 1.0)
    return {"index": i, "type": kind, "hist": hist, "dead_fraction": dead,
            "saturated_fraction": saturated}


def update_ratios(before: dict, after: dict) -> dict[str, float]:
    """||after - before|| / ||before|| per weight tensor ("0.W", ...) of two state dicts
    (e.g. two training snapshots): the update/weight ratio actually taken over that interval."""
    out = {}
    for key, w in before.items():
        if key.endswith(".W") and key in after:
            norm = float(np.linalg.norm(w))
            out[key] = float(np.linalg.norm(after[key] - w)) / norm if norm else float("nan")
    return out
