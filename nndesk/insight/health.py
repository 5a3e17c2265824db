"""Layer health from a network and one batch: is each layer learning? Never imports Qt.

What the book's ch. 6 (figures 6-10 to 6-14: activation histograms by weight init) and
Nielsen's ch. 5 (the unstable gradient problem: "speed of learning" per layer) look at:
- per activation layer: a histogram of its outputs, the share of dead ReLU units (zero for
  every sample of the batch) and of saturated sigmoid/tanh outputs (within 0.02 of a bound);
- per weighted layer (Dense, Conv2D): histograms of weights and gradients, the gradient norm,
  and lr * ||dW|| / ||W|| (the SGD update/weight ratio; ~1e-3 is the usual healthy figure,
  Karpathy's CS231n notes); `update_ratios` measures the real one between two snapshots;
  its speed of learning, the RMS of its bias gradient (see `vanishing`);
- per BatchNorm: running mean and variance.

Cost (benchmarks/insight_views.py): one forward and one backward pass over the probe batch,
the cost of a training step without the optimizer. The activations are read during that one
forward (no second pass); the dead and saturated shares and the norms are exact over every
value; a histogram (and its mean and standard deviation) reads at most `max_values` values,
drawn at fixed positions (a conv layer's ReLU outputs 100 x 30 x 24 x 24 = 1.7 million
values: binning them all cost twice the passes).
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["layer_health", "update_ratios", "vanishing", "bias_owner", "SATURATION",
           "MAX_VALUES", "VANISHING_RATIO"]

RELU_LIKE = {"ReLU", "LeakyReLU"}
SATURATION = {"Sigmoid": 0.02, "Tanh": 0.02}  # |output - bound| below this: saturated
WEIGHTED = {"Dense", "Conv2D"}
MAX_VALUES = 20_000  # values a histogram bins at most (1% sampling error per bar of ~5%)
VANISHING_RATIO = 10.0  # the first layer learning this many times slower than the last: named
# between a layer and the BatchNorm that takes its bias's place: these move no per-unit offset
# (inverted dropout scales each value, pooling and flattening pass a channel's offset on)
_PASS_OFFSET = {"Dropout", "MaxPool2D", "AvgPool2D", "Flatten"}


_POSITIONS: dict[tuple[int, int], np.ndarray] = {}  # (size, max_values) -> sampled positions


def _sample(a: np.ndarray, max_values: int) -> np.ndarray:
    """All of `a` flattened, or `max_values` of its values at positions fixed by its size
    (drawn with replacement from a Generator seeded 0: the same positions every update)."""
    flat = a.reshape(-1)
    if flat.size <= max_values:
        return flat
    key = (flat.size, max_values)
    if key not in _POSITIONS:
        if len(_POSITIONS) > 64:  # a few networks' worth
            _POSITIONS.clear()
        _POSITIONS[key] = np.sort(np.random.default_rng(0).integers(0, flat.size, max_values))
    return flat[_POSITIONS[key]]


def _hist(a: np.ndarray, bins: int, lo: float | None = None, hi: float | None = None, *,
          max_values: int = MAX_VALUES) -> dict:
    """{"counts", "edges", "mean", "std", "values", "of"}: `bins` equal bins over [lo, hi]
    (default: the sample's min and max), mean and standard deviation of the sampled values
    ("values" of them, out of the "of" values of `a`: all of them up to `max_values`)."""
    a = np.asarray(a)
    sample = _sample(a, max_values).astype(np.float64)
    if lo is None:
        lo, hi = (float(sample.min()), float(sample.max())) if sample.size else (0.0, 1.0)
    if hi <= lo:  # np.histogram's rule for a constant sample
        lo, hi = lo - 0.5, hi + 0.5
    counts, edges = np.histogram(sample, bins=bins, range=(lo, hi))
    return {"counts": counts.tolist(), "edges": edges.tolist(),
            "mean": float(sample.mean()) if sample.size else 0.0,
            "std": float(sample.std()) if sample.size else 0.0,
            "values": int(sample.size), "of": int(a.size)}


def _copy(net):
    from nndesk.nn import Network

    copy = Network.from_spec(net.spec, dtype=net.dtype)
    copy.load_state_dict(net.state_dict())
    copy.rng.bit_generator.state = net.rng.bit_generator.state  # the same dropout masks
    return copy


def layer_health(net, x: np.ndarray, t: np.ndarray, *, lr: float = 0.001,
                 bins: int = 30, max_values: int = MAX_VALUES, copy: bool = True) -> dict:
    """Health figures of `net` on the batch x (N, *input_shape), labels t (N,), in training
    mode (BatchNorm batch statistics, dropout): one forward pass in the spec's order (the
    activations are read on the way) and one backward pass.

    `copy=True` works on a copy (`net` is not changed). `copy=False` uses `net` itself (for
    a caller that owns a private network: saves building one): its gradients are
    overwritten, its parameters, BatchNorm running statistics and dropout Generator are as
    before.

    Returns {"loss": float,
     "activations": [{"index", "type", "hist", "dead_fraction" (ReLU-like, else None),
                      "saturated_fraction" (Sigmoid/Tanh, else None)}],
     "weighted": [{"index", "type", "weights": hist, "grads": hist, "weight_norm",
                   "grad_norm", "grad_rms" (grad_norm / sqrt(W.size): per weight; weights
                   on inputs that are always 0, MNIST's border pixels, count as 0),
                   "update_ratio" (lr * grad_norm / weight_norm),
                   "bias_grad_rms" (RMS over the units of dC/db = delta: Nielsen ch. 5's
                   speed of learning, what `vanishing` compares), "bias_of" (the layer
                   whose bias that is: this one, or the BatchNorm after it, its beta)}],
     "batchnorm": [{"index", "running_mean": [...], "running_var": [...]}]}
    with `index` the 0-based layer of the spec and each hist {"counts", "edges", "mean",
    "std", "values", "of"} (`bins` bins over at most `max_values` sampled values; sigmoid
    outputs on [0, 1], tanh on [-1, 1]). The dead and saturated shares and the norms are
    over every value. BatchNorm's running statistics are the
    network's own (before this batch). Raises ValueError for input of the wrong shape.
    """
    if copy:
        net = _copy(net)
    layers = net.layers
    batchnorm = [{"index": i, "running_mean": layer.buffers["running_mean"].tolist(),
                  "running_var": layer.buffers["running_var"].tolist()}
                 for i, layer in enumerate(layers) if layer.get_config()["type"] == "BatchNorm"]
    saved = [(layer.buffers, {k: v.copy() for k, v in layer.buffers.items()})
             for layer in layers if layer.buffers] if not copy else []
    start = net.rng.bit_generator.state
    h, activations = np.asarray(x, dtype=net.dtype), []
    try:
        for i, layer in enumerate(layers):  # spec order, as the maths reads (forward's own
            h = layer.forward(h, True)      # order moves a ReLU after its MaxPool)
            kind = layer.get_config()["type"]
            if kind in RELU_LIKE | set(SATURATION):
                activations.append(_activation(i, kind, h, bins, max_values))
        loss = float(net.loss_fn.forward(h, t))
        dout = net.loss_fn.backward()
        first = min((i for i, layer in enumerate(layers) if layer.params), default=len(layers))
        for i in range(len(layers) - 1, first - 1, -1):  # Network.backward, in spec order
            layers[i].needs_dx = i > first
            dout = layers[i].backward(dout)
    finally:
        if not copy:  # the running statistics moved one step on the probe batch: put back
            net.rng.bit_generator.state = start
            for buffers, values in saved:
                for name, value in values.items():
                    buffers[name][...] = value
    weighted = []
    for i, layer in enumerate(layers):
        kind = layer.get_config()["type"]
        if kind in WEIGHTED:
            w, g = layer.params["W"], layer.grads.get("W")
            g = np.zeros_like(w) if g is None else g
            wn, gn = float(np.linalg.norm(w)), float(np.linalg.norm(g))
            owner = bias_owner(layers, i)
            db = layers[owner].grads.get("beta" if owner != i else "b")
            db = np.zeros(1) if db is None else db
            weighted.append({"index": i, "type": kind,
                             "weights": _hist(w, bins, max_values=max_values),
                             "grads": _hist(g, bins, max_values=max_values),
                             "weight_norm": wn, "grad_norm": gn,
                             "grad_rms": gn / math.sqrt(max(g.size, 1)),
                             "update_ratio": lr * gn / wn if wn else None,
                             "bias_grad_rms": float(np.linalg.norm(db)) / math.sqrt(db.size),
                             "bias_of": owner})
    return {"loss": loss, "activations": activations, "weighted": weighted,
            "batchnorm": batchnorm}


def _activation(i: int, kind: str, out: np.ndarray, bins: int, max_values: int) -> dict:
    dead = saturated = None
    if kind in RELU_LIKE:  # a unit (feature, or channel at a position) silent for every sample
        dead = float((out.max(axis=0) <= 0).mean())
        hist = _hist(out, bins, max_values=max_values)
    elif kind == "Sigmoid":
        eps = SATURATION[kind]
        saturated = float(np.count_nonzero((out < eps) | (out > 1 - eps)) / out.size)
        hist = _hist(out, bins, 0.0, 1.0, max_values=max_values)
    else:  # Tanh
        saturated = float(np.count_nonzero(np.abs(out) > 1 - SATURATION[kind]) / out.size)
        hist = _hist(out, bins, -1.0, 1.0, max_values=max_values)
    return {"index": i, "type": kind, "hist": hist, "dead_fraction": dead,
            "saturated_fraction": saturated}
def bias_owner(layers: list, i: int) -> int:
    """The index of the layer whose bias gradient is weighted layer `i`'s speed of learning:
    `i` itself, or the BatchNorm that follows it (past Dropout, pooling, Flatten). BatchNorm
    subtracts the batch mean of each unit, the layer's own bias with it: that bias's gradient
    is 0 up to rounding, and BatchNorm's beta is the offset the unit learns (Ioffe & Szegedy
    2015, section 3.2: "the bias b can be ignored")."""
    for j in range(i + 1, len(layers)):
        kind = layers[j].get_config()["type"]
        if kind == "BatchNorm":
            return j
        if kind not in _PASS_OFFSET:
            break
    return i


def vanishing(weighted: list[dict], ratio: float | None = None) -> tuple[int, int, float] | None:
    """(first layer's index, last layer's index, last's speed / first's) when the first
    weighted layer learns more than `ratio` (VANISHING_RATIO, 10) times slower than the last,
    else None. `weighted`: `layer_health(...)["weighted"]` (indices 0-based, as there).

    The speed of learning is Nielsen's (Neural Networks and Deep Learning, ch. 5, "The
    vanishing gradient problem"): delta^l = dC/db^l, the gradient of the layer's biases, its
    RMS over the layer's units ("bias_grad_rms"; Nielsen's ||delta^l|| for layers of 30
    units each, per unit here so that a 100-unit layer compares with a 10-unit one). A bias
    gradient does not depend on the layer's input; the per-weight RMS(dW) does: in a first
    Dense layer over MNIST, 283 of the 784 pixels are 0 in every image of a 100-image probe
    batch, so their weights' gradients are exactly 0 (and the other pixels are mostly small),
    and the healthy TwoLayerNet (ReLU, Adam) looked 11x slower in front than at the back after
    two epochs, where its bias gradients differ 1.6x.
    A layer followed by BatchNorm takes the BatchNorm's beta gradient (`bias_owner`): its
    own bias's is 0. A Conv2D's bias is shared by every position: its gradient is the sum of
    the positions' deltas, the speed that parameter learns at. Under plain SGD (step = lr *
    gradient) a ratio of 10 means the first layer's offsets move 10 times less per step."""
    ratio = VANISHING_RATIO if ratio is None else ratio
    if len(weighted) < 2:
        return None
    first, last = weighted[0], weighted[-1]
    slow, fast = first["bias_grad_rms"], last["bias_grad_rms"]
    if fast <= 0 or not math.isfinite(fast) or not math.isfinite(slow):
        return None
    times = fast / slow if slow > 0 else math.inf
    return (first["index"], last["index"], times) if times > ratio else None


def update_ratios(before: dict, after: dict) -> dict[str, float]:
    """||after - before|| / ||before|| per weight tensor ("0.W", ...) of two state dicts
    (e.g. two training snapshots): the update/weight ratio actually taken over that interval."""
    out = {}
    for key, w in before.items():
        if key.endswith(".W") and key in after:
            norm = float(np.linalg.norm(w))
            out[key] = float(np.linalg.norm(after[key] - w)) / norm if norm else float("nan")
    return out
