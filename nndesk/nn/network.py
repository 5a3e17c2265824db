"""A network built from a spec: forward, loss, backward, predict, and its weights as a dict."""

from __future__ import annotations

import copy
import math
from typing import Any

import numpy as np

from nndesk.nn.base import Layer, weights_changed
from nndesk.nn.functions import softmax
from nndesk.nn.inference import InferencePlan, LayerOutputsPlan, plannable
from nndesk.nn.layers import Conv2D, Dense, Dropout, MaxPool2D, ReLU
from nndesk.nn.losses import LOSSES
from nndesk.nn.recurrent import Recurrent, lengths_mask
from nndesk.nn.spec import LayerInfo, build_layers

__all__ = ["Network"]


def _next_activation(layers: list[Layer], i: int) -> str | None:
    """The activation that follows layer i before the next weighted layer, for init="auto"."""
    for layer in layers[i + 1:]:
        if layer.ACTIVATION:
            return layer.ACTIVATION
        if isinstance(layer, (Dense, Conv2D, Recurrent)):  # the next weighted layer
            return None
    return None


def _run_order(layers: list[Layer]) -> list[int]:
    """Layer indices in the order `forward` runs them: an activation right before a MaxPool2D
    runs after it instead. Every activation here is non-decreasing, so max(f(x)) = f(max(x)):
    the same numbers, with the activation on a 4x smaller map (replaces running in spec order;
    benchmarks/PROFILE.md, "Fast paths"). Feature maps (`forward_all`) still come in spec
    order."""
    order, i = list(range(len(layers))), 0
    while i < len(layers) - 1:
        if layers[i].ACTIVATION and isinstance(layers[i + 1], MaxPool2D):
            order[i], order[i + 1] = i + 1, i
            i += 1
        i += 1
    return order


def _in_place(layers: list[Layer], order: list[int]) -> None:
    """Let a ReLU overwrite its input in training when the layer before it (run order) is a
    Conv2D or Dense, whose output is a fresh array that layer does not keep, and its dout
    when the layer after it is a Conv2D, Dense or MaxPool2D, whose input gradient is a
    fresh array: one pass over the map in place instead of a pass into a new array (the
    same numbers; benchmarks/PROFILE.md, issue 16 eighth pass)."""
    fresh_out, fresh_dx = (Conv2D, Dense), (Conv2D, Dense, MaxPool2D)
    for pos, i in enumerate(order):
        if isinstance(layers[i], ReLU):
            before = layers[order[pos - 1]] if pos > 0 else None
            after = layers[order[pos + 1]] if pos + 1 < len(order) else None
            layers[i].overwrite_x = isinstance(before, fresh_out)
            layers[i].overwrite_dout = isinstance(after, fresh_dx)


class Network:
    """Layers in a row plus a loss. Build it with `Network.from_spec(spec, seed)`."""

    def __init__(self, spec: dict, layers: list[Layer], info: list[LayerInfo],
                 rng: np.random.Generator, dtype: Any) -> None:
        self._spec = spec
        self.layers = layers
        self.info = info                       # the shape table, one LayerInfo per layer
        self.rng = rng                         # dropout masks; the trainer saves its state
        self.dtype = np.dtype(dtype)
        self.loss_fn = LOSSES[spec["loss"]]()
        weighted = [i for i, layer in enumerate(layers) if layer.params]
        self._first_weighted = weighted[0] if weighted else len(layers)
        self._order = _run_order(layers)
        _in_place(layers, self._order)
        self._plan: InferencePlan | None = None  # predict's fast path, rebuilt when stale
        self._outputs_plan: LayerOutputsPlan | None = None  # forward_all's
        self._plannable = plannable(layers)

    @classmethod
    def from_spec(cls, spec: dict, seed: int = 0, dtype: Any = np.float32) -> Network:
        """Check the spec (SpecError), then draw weights from a Generator seeded by `seed`."""
        layers, info = build_layers(spec)
        rng = np.random.default_rng(seed)
        for i, layer in enumerate(layers):
            layer.build(info[i].input_shape, rng, dtype, _next_activation(layers, i))
            if isinstance(layer, Dropout):
                layer.rng = rng
        full = {**copy.deepcopy(spec), "input_shape": list(info[0].input_shape),
                "loss": spec.get("loss", "softmax_cross_entropy"),
                "layers": [layer.get_config() for layer in layers]}
        return cls(full, layers, info, rng, dtype)

    @property
    def spec(self) -> dict:
        """A copy of the spec, every setting filled in (defaults included)."""
        return copy.deepcopy(self._spec)

    @property
    def num_params(self) -> int:
        """How many trainable numbers the network has (buffers such as BatchNorm's running
        statistics not counted)."""
        return sum(p.size for p in self.params().values())

    def forward(self, x: np.ndarray, train: bool = False,
                lengths: np.ndarray | None = None) -> np.ndarray:
        """(N, *input_shape) -> network output (N, K), in the network's dtype.

        Flat rows (N, prod(input_shape)) are reshaped; any other shape is a ValueError.
        Sequences (N, T, F) may be end-padded: `lengths` (N,) ints gives each one's real
        steps, and the recurrent layers skip the padding (recurrent.py: it changes nothing).
        """
        x = self._check_input(x)
        mask = self._mask(x, lengths)
        for i in self._order:
            layer = self.layers[i]
            x = layer.forward(x, train, mask=mask) if layer.TAKES_MASK else layer.forward(x, train)
        if train:                              # BatchNorm's running statistics moved
            weights_changed(a for layer in self.layers for a in layer.buffers.values())
        return x

    def _mask(self, x: np.ndarray, lengths: np.ndarray | None) -> np.ndarray | None:
        """(N, T) bool from `lengths`, or None (every step real); ValueError for a bad one."""
        if lengths is None:
            return None
        if x.ndim != 3:
            raise ValueError("lengths are for sequence input (N, steps, features)")
        if len(lengths) != len(x):
            raise ValueError(f"{len(lengths)} lengths for {len(x)} sequences")
        return lengths_mask(lengths, x.shape[1])

    def _check_input(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=self.dtype)
        shape = self.info[0].input_shape
        if shape[0] is None:                   # sequences of any length: (N, T, F)
            if x.ndim != 3 or x.shape[2] != shape[1] or x.shape[1] < 1:
                raise ValueError(f"the network takes sequences of shape (N, steps, "
                                 f"{shape[1]}), not {x.shape}")
            return x
        if x.shape[1:] != shape:
            if x.ndim < 1 or math.prod(x.shape[1:]) != math.prod(shape):
                dims = ", ".join(map(str, shape))
                raise ValueError(f"the network takes input of shape (N, {dims}), not {x.shape}")
            x = x.reshape((len(x),) + shape)
        return x

    def loss(self, x: np.ndarray, t: np.ndarray, train: bool = True,
             lengths: np.ndarray | None = None) -> float:
        """Forward pass and loss against labels (N,) or one-hot (N, K); `backward` may follow."""
        return self.loss_fn.forward(self.forward(x, train, lengths), t)

    def backward(self, input_grad: bool = False) -> np.ndarray | None:
        """Fill every layer's `grads` from the last `loss`; return d loss / d x if `input_grad`.

        Without `input_grad` the layers before the first weighted one are skipped and that
        one computes no input gradient (saves a large GEMM and col2im in conv nets).
        """
        stop = 0 if input_grad else self._first_weighted
        dout = self.loss_fn.backward()
        for pos in range(len(self.layers) - 1, stop - 1, -1):  # weighted layers keep their place
            layer = self.layers[self._order[pos]]
            layer.needs_dx = input_grad or pos > stop
            dout = layer.backward(dout)
        return dout if input_grad else None

    def predict(self, x: np.ndarray, batch_size: int = 100,
                lengths: np.ndarray | None = None) -> np.ndarray:
        """Class probabilities (N, K) in eval mode, a batch at a time: bounded memory, and
        batches of ~100 keep each layer's arrays in the CPU cache (2x faster than 500).
        `lengths` (N,): the real steps of padded sequences (see `forward`)."""
        x = self._check_input(x)
        plan = self.inference_plan() if lengths is None else None
        if plan is not None:
            outs = [plan.forward(x[i:i + batch_size]) for i in range(0, len(x), batch_size)]
        else:
            outs = [self.forward(x[i:i + batch_size], lengths=None if lengths is None
                                 else lengths[i:i + batch_size])
                    for i in range(0, len(x), batch_size)]
        if len(outs) == 1:
            y = outs[0]
        else:
            empty = np.zeros((0,) + self.info[-1].output_shape, self.dtype)
            y = np.concatenate(outs) if outs else empty
        return softmax(y) if self._spec["loss"] == "softmax_cross_entropy" else y

    def inference_plan(self) -> InferencePlan | None:
        """The evaluation-only fast path `predict` runs (nn/inference.py: BatchNorm folded
        into the layer before it, Dropout dropped, work arrays kept), built anew whenever a
        weight or buffer may have changed since (`InferencePlan.is_current`); None for
        recurrent networks, which keep `forward`."""
        if not self._plannable:
            return None
        plan = self._plan
        if plan is None or not plan.is_current(self):
            plan = self._plan = InferencePlan(self)
        return plan

    def weights_changed(self) -> None:
        """Call after writing into a parameter or buffer array by hand (optimizers,
        `load_state_dict` and training-mode forwards say so themselves): `predict` then
        stops using the folded copy of the weights."""
        weights_changed(self._arrays().values())

    def accuracy(self, x: np.ndarray, t: np.ndarray, batch_size: int = 100,
                 lengths: np.ndarray | None = None) -> float:
        """Share of samples whose top class is the label; every sample counts."""
        t = np.asarray(t)
        labels = t.argmax(axis=1) if t.ndim == 2 else t
        if len(labels) == 0:
            return 0.0
        return float((self.predict(x, batch_size, lengths).argmax(axis=1) == labels).mean())

    def forward_all(self, x: np.ndarray, lengths: np.ndarray | None = None) -> list[np.ndarray]:
        """Every layer's output in eval mode (feature maps for the window, the reject
        unit's inputs), each (N, *output_shape), in spec order. Without `lengths` by the
        fast kernels (nn/inference.py `LayerOutputsPlan`, rebuilt when the weights changed)."""
        out, x = [], self._check_input(x)
        if lengths is None and self._plannable:
            plan = self._outputs_plan
            if plan is None or not plan.is_current(self):
                plan = self._outputs_plan = LayerOutputsPlan(self)
            return plan.forward_all(x)
        mask = self._mask(x, lengths)
        for layer in self.layers:
            x = layer.forward(x, False, mask=mask) if layer.TAKES_MASK else layer.forward(x, False)
            out.append(x)
        return out

    def penalty(self, weight_decay: float = 0.0, l1: float = 0.0) -> float:
        """The regularization term to add to the loss value shown: 0.5 * weight_decay * sum(W**2)
        + l1 * sum(|W|) over the weight tensors ("W": Dense and Conv2D; no biases, no BatchNorm
        gamma/beta), summed in float64. Its gradient is what an optimizer built with the same
        `weight_decay` and `l1` adds to the weights' gradients (the book's ch. 6.4.1, where
        `weight_decay` is lambda)."""
        total = 0.0
        for w in (w for layer in self.layers for k, w in layer.params.items()
                  if k == "W" or k.endswith(".W")):          # a Bidirectional's "back.W" too
            w = w.astype(np.float64, copy=False).reshape(-1)
            if weight_decay:
                total += 0.5 * weight_decay * float(w @ w)
            if l1:
                total += l1 * float(np.abs(w).sum())
        return total

    def params(self) -> dict[str, np.ndarray]:
        """The live parameter arrays, keyed "<layer index>.<name>" ("0.W", "0.b", ...)."""
        return {f"{i}.{k}": v for i, layer in enumerate(self.layers)
                for k, v in layer.params.items()}

    def grads(self) -> dict[str, np.ndarray]:
        """The gradients of the last `backward`, same keys as `params`."""
        return {f"{i}.{k}": layer.grads[k] for i, layer in enumerate(self.layers)
                for k in layer.params}

    def _arrays(self) -> dict[str, np.ndarray]:
        out = self.params()
        out.update({f"{i}.{k}": v for i, layer in enumerate(self.layers)
                    for k, v in layer.buffers.items()})
        return out

    def state_dict(self) -> dict[str, np.ndarray]:
        """Copies of all parameters and buffers ("2.running_mean", ...)."""
        return {k: v.copy() for k, v in self._arrays().items()}

    def load_state_dict(self, d: dict[str, np.ndarray]) -> None:
        """Copy arrays into the network in place; ValueError names a missing, extra or
        wrongly shaped key, and nothing is changed then."""
        own = self._arrays()
        missing, extra = sorted(set(own) - set(d)), sorted(set(d) - set(own))
        if missing:
            raise ValueError(f"state is missing {missing[0]!r}")
        if extra:
            raise ValueError(f"state has an unexpected key {extra[0]!r}")
        for k, v in own.items():
            if np.shape(d[k]) != v.shape:
                raise ValueError(f"state {k!r} has shape {np.shape(d[k])}, expected {v.shape}")
        for k, v in own.items():
            np.copyto(v, d[k], casting="unsafe")
        weights_changed(own.values())

    def __repr__(self) -> str:
        name = self._spec.get("name", "Network")
        return f"<{name}: {len(self.layers)} layers, {self.num_params} parameters>"
