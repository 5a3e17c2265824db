"""Bidirectional: one recurrent layer reads the sequence forwards, a second one backwards.

Schuster & Paliwal 1997, "Bidirectional recurrent neural networks": the output at step t
joins the forward state (steps 0..t) and the backward state (steps t..T-1), so each step sees
the whole sequence. With end padding the backward layer starts at each sequence's own last
step: its state stays at zero over the padding (recurrent.py's masking).
"""

from __future__ import annotations

import numpy as np

__all__ = ["Bidirectional"]


class Bidirectional:
    """Two single-direction recurrent layers of the same kind and size; outputs concatenated.

    forward (N, T, F) -> (N, T, 2H) with return_sequences, else (N, 2H): [h_forward, h_back].
    `params` / `grads` join both: the forward layer's keys as they are ("W", "U", "b"), the
    backward layer's prefixed "back." ("back.W", ...), so weight decay still finds every W.
    """

    def __init__(self, forward_layer, backward_layer) -> None:
        if type(forward_layer) is not type(backward_layer) or \
                forward_layer.units != backward_layer.units:
            raise ValueError("Bidirectional needs two recurrent layers of one kind and size")
        self.fw, self.bw = forward_layer, backward_layer
        self.fw.reverse, self.bw.reverse = False, True
        self.params: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}
        self.needs_dx = True

    def _join(self, a: dict, b: dict) -> dict:
        return {**a, **{f"back.{k}": v for k, v in b.items()}}

    def build(self, input_shape, rng, dtype, activation) -> None:
        self.fw.build(input_shape, rng, dtype, activation)
        self.bw.build(input_shape, rng, dtype, activation)
        self.params = self._join(self.fw.params, self.bw.params)   # the same arrays

    def forward(self, x: np.ndarray, train: bool = False,
                mask: np.ndarray | None = None) -> np.ndarray:
        """(N, T, F) -> (N, T, 2H) or (N, 2H); mask (N, T) bool, True = a real step."""
        a = self.fw.forward(x, train, mask=mask)
        b = self.bw.forward(x, train, mask=mask)
        return np.concatenate([a, b], axis=-1)

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        """dout (N, T, 2H) or (N, 2H) -> dx (N, T, F): the two directions' dx added."""
        h = self.fw.units
        self.fw.needs_dx = self.bw.needs_dx = self.needs_dx
        dx_f = self.fw.backward(dout[..., :h])
        dx_b = self.bw.backward(dout[..., h:])
        self.grads = self._join(self.fw.grads, self.bw.grads)
        return None if dx_f is None else dx_f + dx_b
