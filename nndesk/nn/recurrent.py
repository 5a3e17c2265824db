"""Recurrent layers on (N, T, F) batches: RNN (tanh), GRU, LSTM, with backprop through time.

The book's ch. 5-6 (ゼロから作るDeep Learning ❷ / 深度学习进阶: `RNN`, `TimeRNN`, `LSTM`,
`TimeLSTM`) in one layer per kind: the input weights of all steps in one GEMM, then a loop
over time for the recurrent part. Names: W (F, G*H) input weights (the book's Wx, Keras's
kernel), U (H, G*H) recurrent weights (the book's Wh), b (G*H,), with G gate blocks of H units.

Variable lengths: `forward(x, train, mask)` with mask (N, T) bool, True on real steps (a
padded batch: `lengths_mask(lengths, T)`). On a masked step the state is carried unchanged,
the output is zero and the input is never read (treated as zero), so padding changes nothing:
neither the outputs at real steps, nor the last state, nor any gradient. A layer with
`reverse` set reads t = T-1 .. 0; `bidirectional` joins both directions (bidirectional.py).
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from nndesk.nn.base import Layer, Setting
from nndesk.nn.bidirectional import Bidirectional
from nndesk.nn.functions import sigmoid
from nndesk.nn.init import init_std, init_weights
from nndesk.nn.layers import LAYER_DOCS, LAYERS

__all__ = ["Recurrent", "RNN", "GRU", "LSTM", "RECURRENT_LAYERS", "lengths_mask"]


def lengths_mask(lengths: np.ndarray, steps: int) -> np.ndarray:
    """(N,) sequence lengths -> (N, T) bool mask, True for t < length (end padding).
    ValueError for a length below 1 or above T."""
    lengths = np.asarray(lengths)
    if lengths.ndim != 1 or not np.issubdtype(lengths.dtype, np.integer):
        raise ValueError(f"lengths must be whole numbers, one per sequence, not {lengths.dtype}")
    if lengths.size and (lengths.min() < 1 or lengths.max() > steps):
        raise ValueError(f"every length must be between 1 and {steps} (the padded length)")
    return np.arange(steps) < lengths[:, None]


class Recurrent(Layer):
    """What RNN, GRU and LSTM share: settings, weights, the loop over time and its backward.

    A subclass gives GATES (blocks in W, U, b), STATES (1: h; 2: h and c) and one step
    `step(a_x, state, U) -> (new_state, cache)` with `step_back(d_new, cache, U) -> (da_x,
    d_state, dU)`, where a_x = x_t W + b (N, G*H) is precomputed for every t.
    """

    GATES: ClassVar[int] = 1
    STATES: ClassVar[int] = 1
    GATE_NAMES: ClassVar[tuple[str, ...]] = ()   # the cache entries the lesson shows
    TAKES_MASK: ClassVar[bool] = True            # the network passes mask= to forward
    SETTINGS = {
        "units": Setting("int", 32, 1, 4096, help="how many numbers in the hidden state h"),
        "return_sequences": Setting("bool", False, help="output h at every step (T x units) "
                                    "for another recurrent layer, or only the last h"),
        "bidirectional": Setting("bool", False, help="a second layer reads the sequence "
                                 "backwards; outputs joined (2 x units)"),
        "init": Setting("init", "auto", help="input weights W: auto (xavier), he, xavier or "
                        "a std; U is orthogonal"),
    }

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.reverse = False
        self.pair: Bidirectional | None = None
        if self.bidirectional:
            one = {**self.get_config(), "bidirectional": False}
            self.pair = Bidirectional(type(self).from_config(one), type(self).from_config(one))
        self.x = self.mask = self.caches = self.last = self.dh = None

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        if len(input_shape) != 2:
            what = ("an image" if len(input_shape) == 3 else
                    f"{input_shape[0]} numbers in a row")
            raise ValueError(f"needs a sequence (steps x features), but its input is {what}; "
                             f"a recurrent layer reads the input sequence or the output of "
                             f"another recurrent layer with return_sequences on")
        units = self.units * (2 if self.bidirectional else 1)
        return (input_shape[0], units) if self.return_sequences else (units,)

    def num_params(self, input_shape: tuple[int, ...]) -> int:
        f, h, g = input_shape[-1], self.units, self.GATES
        return (2 if self.bidirectional else 1) * g * h * (f + h + 1)

    def build(self, input_shape, rng, dtype, activation) -> None:
        """W normal (init; "auto" is Xavier: the gates are sigmoid/tanh), U orthogonal per gate
        block (Saxe et al. 2014, Keras's default), b zero."""
        if self.pair is not None:
            self.pair.build(input_shape, rng, dtype, activation)
            self.params = self.pair.params
            return
        f, h, g = input_shape[-1], self.units, self.GATES
        std = init_std(self.init, f, "sigmoid")                    # auto: Xavier
        blocks = [np.linalg.qr(rng.standard_normal((h, h)))[0] for _ in range(g)]
        self.params = {"W": init_weights((f, g * h), std, rng, dtype),
                       "U": np.concatenate(blocks, axis=1).astype(dtype),
                       "b": self.initial_bias(dtype)}

    def initial_bias(self, dtype: Any) -> np.ndarray:
        return np.zeros(self.GATES * self.units, dtype=dtype)

    def forward(self, x: np.ndarray, train: bool = False,
                mask: np.ndarray | None = None) -> np.ndarray:
        """x (N, T, F), mask (N, T) bool or None -> (N, T, H) with return_sequences, else the
        last state (N, H) (for `reverse`: the state after t = 0)."""
        if self.pair is not None:
            return self.pair.forward(x, train, mask)
        n, steps, _ = x.shape
        if mask is not None:
            mask = np.asarray(mask, dtype=bool)
            x = np.where(mask[:, :, None], x, x.dtype.type(0))   # padding is never read
        self.x, self.mask = x, mask
        U, h = self.params["U"], self.units
        ax = x @ self.params["W"] + self.params["b"]                # (N, T, G*H), one GEMM
        state = tuple(np.zeros((n, h), x.dtype) for _ in range(self.STATES))
        hs = np.zeros((n, steps, h), x.dtype)                      # (N, T, H)
        self.caches = [None] * steps
        for t in self._steps(steps):
            new, self.caches[t] = self.step(ax[:, t], state, U)
            if mask is not None:                                    # padded rows keep their state
                m = mask[:, t, None]                                # (N, 1)
                new = tuple(np.where(m, a, s) for a, s in zip(new, state, strict=True))
                hs[:, t] = np.where(m, new[0], 0)
            else:
                hs[:, t] = new[0]
            state = new
        self.last = state
        return hs if self.return_sequences else state[0]

    def _steps(self, steps: int) -> range:
        return range(steps - 1, -1, -1) if self.reverse else range(steps)

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        """Backprop through time: dout (N, T, H) or (N, H) -> dx (N, T, F); fills W, U, b.
        Keeps `dh` (N, T, H) = d loss / d h_t (the state after step t), for the lesson."""
        if self.pair is not None:
            self.pair.needs_dx = self.needs_dx
            dx = self.pair.backward(dout)
            self.grads = self.pair.grads
            return dx
        x, mask, U = self.x, self.mask, self.params["U"]
        n, steps, f = x.shape
        dax = np.zeros((n, steps, U.shape[1]), x.dtype)            # d loss / d (x_t W + b)
        dU = np.zeros_like(U)
        d_state = [np.zeros((n, self.units), x.dtype) for _ in range(self.STATES)]
        if not self.return_sequences:
            d_state[0] = dout.copy()
        self.dh = np.zeros((n, steps, self.units), x.dtype)         # d loss / d h_t, the lesson's
        for t in reversed(self._steps(steps)):
            m = None if mask is None else mask[:, t, None]          # (N, 1)
            if self.return_sequences:                               # padding's output is 0
                d_state[0] = d_state[0] + (dout[:, t] if m is None
                                           else np.where(m, dout[:, t], 0))
            self.dh[:, t] = d_state[0]
            if m is None:
                d_new, d_keep = d_state, None
            else:
                d_new = [np.where(m, d, 0) for d in d_state]         # through the cell
                d_keep = [np.where(m, 0, d) for d in d_state]        # carried past the step
            dax[:, t], d_prev, dU_t = self.step_back(d_new, self.caches[t], U)
            dU += dU_t
            if d_keep is not None:
                d_prev = [a + b for a, b in zip(d_prev, d_keep, strict=True)]
            d_state = d_prev
        flat = dax.reshape(n * steps, -1)                           # (N*T, G*H)
        self.grads = {"W": x.reshape(n * steps, f).T @ flat, "U": dU, "b": flat.sum(axis=0)}
        return (dax @ self.params["W"].T) if self.needs_dx else None  # (N, T, F)

    def gate_history(self, name: str) -> np.ndarray:
        """One gate's (or state's) values over time from the last forward: (N, T, H); for
        the lesson's heat maps. Names: GATE_NAMES of the layer ("h" for every kind)."""
        layer = self.pair.fw if self.pair is not None else self
        keys = ("h_new",) + layer.GATE_NAMES
        if name not in {"h", *layer.GATE_NAMES}:
            raise ValueError(f"{self.type} has no gate {name!r}; it has h, "
                             f"{', '.join(layer.GATE_NAMES)}")
        i = keys.index("h_new" if name == "h" else name)
        return np.stack([c[i] for c in layer.caches], axis=1)

    def step(self, ax, state, U):
        raise NotImplementedError

    def step_back(self, d_new, cache, U):
        raise NotImplementedError


class RNN(Recurrent):
    """Elman 1990; the book's ch. 5.3: h_t = tanh(x_t W + h_{t-1} U + b). One gate block."""

    DOC = "RNN: a state h carried from step to step, h = tanh(x W + h U + b) (ch. 5, book 2)."

    def step(self, ax, state, U):
        (h,) = state
        h_new = np.tanh(ax + h @ U)                                 # (N, H)
        return (h_new,), (h_new, h)

    def step_back(self, d_new, cache, U):
        h_new, h = cache
        da = d_new[0] * (1 - h_new * h_new)                         # tanh' = 1 - h^2
        return da, [da @ U.T], h.T @ da


class GRU(Recurrent):
    """Cho et al. 2014 (eq. 5-8; the book's ch. 6 appendix writes z for 1 - z):
    z = σ(x W_z + h U_z + b_z) (update), r = σ(x W_r + h U_r + b_r) (reset),
    h~ = tanh(x W_h + (r ⊙ h) U_h + b_h), h_t = z ⊙ h_{t-1} + (1 - z) ⊙ h~.
    Blocks in W, U, b: [z | r | h~]."""

    DOC = "GRU: an RNN with update and reset gates that decide what the state keeps (ch. 6)."
    GATES = 3
    GATE_NAMES = ("z", "r", "h_tilde")

    def step(self, ax, state, U):
        (h,), H = state, self.units
        zr = sigmoid(ax[:, :2 * H] + h @ U[:, :2 * H])              # (N, 2H)
        z, r = zr[:, :H], zr[:, H:]
        hc = np.tanh(ax[:, 2 * H:] + (r * h) @ U[:, 2 * H:])        # candidate h~ (N, H)
        h_new = z * h + (1 - z) * hc
        return (h_new,), (h_new, z, r, hc, h)

    def step_back(self, d_new, cache, U):
        _, z, r, hc, h = cache
        H, dh = self.units, d_new[0]
        dac = dh * (1 - z) * (1 - hc * hc)                          # d pre-activation of h~
        drh = dac @ U[:, 2 * H:].T                                  # d (r ⊙ h)
        daz = dh * (h - hc) * z * (1 - z)
        dar = drh * h * r * (1 - r)
        dazr = np.concatenate([daz, dar], axis=1)                   # (N, 2H)
        dh_prev = dh * z + drh * r + dazr @ U[:, :2 * H].T
        dU = np.concatenate([h.T @ dazr, (r * h).T @ dac], axis=1)  # (H, 3H)
        return np.concatenate([dazr, dac], axis=1), [dh_prev], dU


class LSTM(Recurrent):
    """Hochreiter & Schmidhuber 1997 with the forget gate of Gers et al. 2000; the book's ch. 6.3
    (its block order): A = x W + h U + b = [f | g | i | o], f, i, o = σ(.), g = tanh(.),
    c_t = f ⊙ c_{t-1} + g ⊙ i, h_t = o ⊙ tanh(c_t). The forget bias starts at 1 (Gers et al.
    2000; Jozefowicz et al. 2015), so the cell remembers from the first step."""

    DOC = "LSTM: a memory cell c with forget, input and output gates (ch. 6, book 2)."
    GATES, STATES = 4, 2
    GATE_NAMES = ("f", "g", "i", "o", "c")

    def initial_bias(self, dtype: Any) -> np.ndarray:
        b = np.zeros(4 * self.units, dtype=dtype)
        b[:self.units] = 1
        return b

    def step(self, ax, state, U):
        (h, c), H = state, self.units
        a = ax + h @ U                                              # (N, 4H)
        f, g = sigmoid(a[:, :H]), np.tanh(a[:, H:2 * H])
        i, o = sigmoid(a[:, 2 * H:3 * H]), sigmoid(a[:, 3 * H:])
        c_new = f * c + g * i
        tc = np.tanh(c_new)
        h_new = o * tc
        return (h_new, c_new), (h_new, f, g, i, o, c_new, tc, h, c)

    def step_back(self, d_new, cache, U):
        _, f, g, i, o, _, tc, h, c = cache
        dh, dc = d_new
        ds = dc + dh * o * (1 - tc * tc)                            # d c_t, both paths
        da = np.concatenate([ds * c * f * (1 - f), ds * i * (1 - g * g),
                             ds * g * i * (1 - i), dh * tc * o * (1 - o)], axis=1)
        return da, [da @ U.T, ds * f], h.T @ da


RECURRENT_LAYERS: dict[str, type[Layer]] = {cls.__name__: cls for cls in (RNN, GRU, LSTM)}

# One registry of layer types (layers.py's); nndesk/nn/__init__.py imports this module, so
# whoever sees LAYERS sees these too.
LAYERS.update(RECURRENT_LAYERS)
LAYER_DOCS.update({name: cls.DOC for name, cls in RECURRENT_LAYERS.items()})
