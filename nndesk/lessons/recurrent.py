"""Recurrent networks on the pen's path (ゼロから作るDeep Learning ❷ / 深度学习进阶, ch. 5-6):
the hidden state and the gates over time, and the gradient that flows back through time.

Every number comes from the engine's own layers (nndesk/nn/recurrent.py): a layer reads one
pen trajectory (T, F), its `gate_history` gives the heat maps and its backward's `dh` the
gradient norm per step (ch. 6.1: the vanishing gradient of an RNN, fig. 6-8 / 6-9, and why
the LSTM's cell, a sum rather than a product through tanh, keeps it alive, ch. 6.2).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nndesk.nn.recurrent import GRU, LSTM, RNN, Recurrent

__all__ = ["KINDS", "GATES", "Trace", "make_layer", "trace", "gradient_through_time",
           "book_gradient_norms", "pen_examples", "drawing_sequence"]

KINDS = {"RNN": RNN, "GRU": GRU, "LSTM": LSTM}
# The gates a learner looks at, in the books' names (GRU: Cho et al. 2014's z and r).
GATES = {"RNN": ("h",), "GRU": ("h", "z", "r"), "LSTM": ("h", "f", "i", "o", "c")}


@dataclass
class Trace:
    """One layer reading one sequence: states and gates per step, and the gradient per step."""

    kind: str
    values: dict[str, np.ndarray]   # name -> (T, units): "h", and the gates of GATES[kind]
    grad_norms: np.ndarray          # (T,) ||d loss / d h_t||, loss on the last state


def make_layer(kind: str, features: int, units: int = 16, seed: int = 0,
               recurrent_scale: float = 1.0, forget_bias: float = 1.0,
               update_bias: float = 0.0) -> Recurrent:
    """A float64 `kind` layer with the engine's initial weights (seeded), its recurrent weights
    U times `recurrent_scale` (U starts orthogonal: every singular value is 1, so the scale is
    the factor each step multiplies a gradient by before tanh's own factor, ch. 6.1.4) and,
    for an LSTM, the forget gate's bias set to `forget_bias` (f = sigmoid(bias) at the start),
    for a GRU the update gate's bias to `update_bias` (z = sigmoid(bias), the share of h_{t-1}
    kept: 0, the engine's start, keeps half, so the carried gradient halves every step).
    KeyError for an unknown kind."""
    layer = KINDS[kind](units=units)
    layer.build((None, features), np.random.default_rng(seed), np.float64, None)
    layer.params["U"] *= recurrent_scale
    if kind == "LSTM":
        layer.params["b"][:units] = forget_bias
    if kind == "GRU":                                 # blocks [z | r | h~]
        layer.params["b"][:units] = update_bias
    return layer


def gradient_through_time(layer: Recurrent, seq: np.ndarray,
                          seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Run `layer` on one sequence (T, F); return h (T, units) and ||d L / d h_t|| (T,) for
    L = v . h_T with v a fixed random unit vector (the book's fig. 6-8 starts from dh = 1 at
    the last step in the same way)."""
    seq = np.asarray(seq, dtype=np.float64)
    h_last = layer.forward(seq[None])                           # (1, units)
    v = np.random.default_rng(seed + 1).standard_normal(h_last.shape)
    layer.backward(v / np.linalg.norm(v))
    return layer.gate_history("h")[0], np.linalg.norm(layer.dh[0], axis=1)


def trace(kind: str, seq: np.ndarray, units: int = 16, seed: int = 0,
          recurrent_scale: float = 1.0, forget_bias: float = 1.0,
          update_bias: float = 0.0) -> Trace:
    """The heat maps and the gradient curve of one kind of layer on one sequence (T, F)."""
    layer = make_layer(kind, np.shape(seq)[1], units, seed, recurrent_scale, forget_bias,
                       update_bias)
    _, norms = gradient_through_time(layer, seq, seed)
    values = {name: layer.gate_history(name)[0] for name in GATES[kind]}
    return Trace(kind, values, norms)


def book_gradient_norms(scale: float, steps: int = 20, units: int = 3, batch: int = 2,
                        seed: int = 3) -> np.ndarray:
    """The book's ch06/rnn_gradient_graph.py (figs. 6-8, 6-9): dh = 1, then `steps` times
    dh = dh Wh^T with Wh = randn(H, H) * scale (the legacy generator seeded 3, as the book's
    np.random.seed(3)); the norm per step, divided by the batch size. Only the matrix product
    of backprop through time, no tanh: scale 1.0 explodes, 0.5 vanishes."""
    wh = np.random.RandomState(seed).randn(units, units) * scale
    dh, norms = np.ones((batch, units)), []
    for _ in range(steps):
        dh = dh @ wh.T
        norms.append(np.sqrt(np.sum(dh ** 2)) / batch)
    return np.array(norms)


def pen_examples(path=None,
                 writers: tuple[int, ...] = tuple(range(1, 11))) -> dict[int, np.ndarray]:
    """One pen digit per label 0-9 as the trajectory model reads it (`trajectory.to_sequence`:
    (32, 5) x, y, dx, dy, pen up), the first of `writers` (training writers, never 21-30).
    `path`: pendigits-orig.tra (default `pendigits_path()`); FileNotFoundError if missing."""
    from nndesk.data.pendigits import load_pendigits, pendigits_path
    from nndesk.data.trajectory import to_sequence

    out: dict[int, np.ndarray] = {}
    for digit in load_pendigits(path or pendigits_path()):
        if digit.writer in writers and digit.label not in out:
            out[digit.label] = to_sequence(digit.strokes)
    return dict(sorted(out.items()))


def drawing_sequence(strokes) -> np.ndarray | None:
    """The learner's own drawing as the lesson replays it: the canvas's timed strokes
    ([[(x, y, t), ...], ...], canvas pixels, y down, t in ms) through `trajectory.to_sequence`,
    the one path the trajectory model reads too: (32, 5), or None without ink.
    ValueError for points that are not finite numbers or times that go backwards."""
    from nndesk.data.trajectory import to_sequence

    return to_sequence(strokes) if strokes else None
