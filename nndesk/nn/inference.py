"""Eval-only inference: the network's layers rewritten for prediction, the fast path of
`Network.predict`.

`Network.forward` stays the readable reference; an `InferencePlan` computes the same numbers
(up to float rounding; tests/nn/test_inference.py) with less work, in evaluation mode only:

- each BatchNorm right after a Conv2D or Dense is folded into it (Ioffe & Szegedy 2015, §3.2:
  in evaluation BatchNorm is a fixed affine map per channel, y = gamma * (x - mean) / std +
  beta, so W' = W * gamma / std and b' = (b - mean) * gamma / std + beta, std = sqrt(var +
  eps)); a BatchNorm anywhere else runs as a layer;
- Dropout is dropped (evaluation passes through) and Flatten is a reshape;
- a MaxPool2D runs before the ReLU in front of it (as `Network.forward`: they commute), and a
  convolution's bias is added after the pooling: the bias and the ReLU work on a 4x smaller
  map; the convolution runs by im2col from a kept padded buffer, columns in pooling order
  (nn/inference_conv.py), or by Winograd's F(2x2, KxK) (nn/winograd.py, Lavin & Gray 2016);
- work arrays are kept per batch size and thread and reused (batches up to
  `inference_conv.KEEP_MAX`);
- a batch of more than CHUNK images runs in chunks of at most CHUNK, cut by the batch size
  alone and shared by the batch workers (nn/parallel.py): each image's numbers are the same
  bits for any number of workers (a matrix product's rounding may depend on its row count).

`LayerOutputsPlan` gives every layer's own output instead (`Network.forward_all`: feature
maps), with the same kernels but no folding or fusing.

Other layers (LeakyReLU, Sigmoid, Tanh, AvgPool2D, a BatchNorm not after a weighted
layer, ...) run their own
`forward(x, train=False)`. Networks with recurrent layers are not planned (`plannable`).

Staleness: a plan remembers `base.weights_version()` and the identity of every parameter and
buffer array (and of the dicts holding them) when it is built; `is_current()` is False once
any of its arrays was said to change since (`base.weights_changed` after an optimizer step,
`load_state_dict`, a training-mode forward: BatchNorm's running statistics) or an array was
replaced. Other networks' changes leave it valid. Code writing into a
parameter by hand calls `Network.weights_changed()` (nn/base.py `weights_changed`).
"""

from __future__ import annotations

import operator
from typing import Any

import numpy as np

from nndesk.nn.base import Layer, changed_since, weights_version
from nndesk.nn.inference_conv import KEEP_MAX, _Buffers, _fused_pool, _max_pool
from nndesk.nn.layers import BatchNorm, Conv2D, Dense, Dropout, Flatten, MaxPool2D, ReLU
from nndesk.nn.parallel import batch_slices, for_batch
from nndesk.nn.recurrent import Recurrent
from nndesk.nn.winograd import CONV_METHODS, conv_step_kind, winograd_matrices

__all__ = ["fold_batchnorm", "InferencePlan", "LayerOutputsPlan", "plannable",
           "conv_step_kind", "winograd_matrices", "CONV_METHODS"]

CHUNK = KEEP_MAX    # images per chunk of a batch: each chunk's work arrays are kept


def fold_batchnorm(W: np.ndarray, b: np.ndarray, bn: BatchNorm,
                   out_axis: int) -> tuple[np.ndarray, np.ndarray]:
    """The weights and bias of a Conv2D or Dense followed by an evaluation-mode BatchNorm, as
    one layer: W' = W * s, b' = (b - running_mean) * s + beta with s = gamma /
    sqrt(running_var + eps) (Ioffe & Szegedy 2015, §3.2). s and b' are computed in float64,
    W' as W times s rounded to W's dtype (one rounding per weight); both returned in W's
    dtype. `out_axis`: W's axis of output channels (0 for Conv2D's (F, C, K, K), 1 for
    Dense's (D, units)); s has one entry per output channel."""
    g, beta = bn.params["gamma"].astype(np.float64), bn.params["beta"].astype(np.float64)
    mean = bn.buffers["running_mean"].astype(np.float64)
    var = bn.buffers["running_var"].astype(np.float64)
    s = g / np.sqrt(var + bn.eps)                                    # (F,)
    shape = [1] * W.ndim
    shape[out_axis] = -1
    W2 = W * s.astype(W.dtype).reshape(shape)                        # one rounding per weight
    b2 = (b.astype(np.float64) - mean) * s + beta
    return W2, b2.astype(W.dtype)


def plannable(layers: list[Layer]) -> bool:
    """Whether `InferencePlan` takes these layers: everything but recurrent layers (they read
    a mask and sequences of any length; they keep `Network.forward`)."""
    return not any(isinstance(layer, Recurrent) or layer.TAKES_MASK for layer in layers)


class _DenseStep:
    """Dense (its BatchNorm folded in) [+ ReLU]: (N, *) -> (N, units), x @ W' + b'."""

    def __init__(self, W: np.ndarray, b: np.ndarray, relu: bool) -> None:
        self.W, self.b, self.relu = np.ascontiguousarray(W), b.copy(), relu
        self.bufs = _Buffers()

    def __call__(self, x: np.ndarray) -> np.ndarray:
        n = len(x)
        out = self.bufs.get(n, lambda n: np.empty((n, self.W.shape[1]), self.W.dtype))
        np.matmul(x.reshape(n, -1), self.W, out=out)                     # (N, units)
        out += self.b
        if self.relu:
            np.maximum(out, 0, out=out)
        return out


class _LayerStep:
    """A layer run as itself, `forward(x, train=False)` (no fast version of it here)."""

    def __init__(self, layer: Layer) -> None:
        self.layer = layer

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return self.layer.forward(x, False)


def _flatten(x: np.ndarray) -> np.ndarray:
    return x.reshape(len(x), -1)


class _Plan:
    """What both plans share: the weights they were built from, and whether those changed."""

    def __init__(self, network: Any) -> None:
        if not plannable(network.layers):
            raise ValueError("recurrent networks keep Network.forward")
        self.version = weights_version()                  # read before any weight is read
        self.sources = [(layer, layer.params, layer.buffers, tuple(layer.params.values()),
                         tuple(layer.buffers.values()))
                        for layer in network.layers if layer.params or layer.buffers]
        self.dtype = network.dtype

    def __deepcopy__(self, memo: dict) -> None:
        """A deep copy of a network gets no plan (its own is built on first use): copied
        work arrays would lose the strided views into their buffers."""
        return None

    def is_current(self, network: Any) -> bool:
        """Whether the plan still computes `network`'s function: the same arrays, none of
        them said to change (`base.weights_changed`) since the plan was built."""
        if network.dtype != self.dtype:
            return False
        for layer, params, buffers, p_arrays, b_arrays in self.sources:
            if (layer.params is not params or layer.buffers is not buffers
                    or len(params) != len(p_arrays) or len(buffers) != len(b_arrays)
                    or any(map(operator.is_not, params.values(), p_arrays))
                    or any(map(operator.is_not, buffers.values(), b_arrays))
                    or changed_since(self.version, p_arrays)
                    or changed_since(self.version, b_arrays)):
                return False
        return True


class InferencePlan(_Plan):
    """The evaluation-mode forward of `network` as a list of steps (see the module docstring).

    `forward(x)`: x (N, *input_shape) in the network's dtype -> its output (N, K), a new
    array (the logits for a softmax network; `Network.predict` applies the softmax).
    `is_current()`: False once the network's weights may have changed since the plan was
    built; `Network.predict` then builds a new one. `conv`: one of CONV_METHODS
    (`conv_step_kind`). Not thread-safe for building (each thread's calls use their own work
    arrays, but a network is not shared: DEVELOPERS.md). Raises ValueError for a network
    with recurrent layers (`plannable`)."""

    def __init__(self, network: Any, conv: str = "auto") -> None:
        super().__init__(network)
        layers, order, info = network.layers, network._order, network.info
        self.output_shape = tuple(info[-1].output_shape)
        self.steps: list[Any] = []
        self.names: list[str] = []                        # "Conv2D+BatchNorm+MaxPool2D+ReLU"
        pos = 0
        while pos < len(order):
            i = order[pos]
            layer = layers[i]
            pos += 1
            if isinstance(layer, (Conv2D, Dense)):
                W, b, parts = layer.params["W"], layer.params["b"], [layer.type]
                if pos < len(order) and isinstance(layers[order[pos]], BatchNorm):
                    W, b = fold_batchnorm(W, b, layers[order[pos]], 0 if
                                          isinstance(layer, Conv2D) else 1)
                    parts.append("BatchNorm")
                    pos += 1
                pool = None
                if isinstance(layer, Conv2D):
                    found = _fused_pool(layers, order, pos)
                    if found is not None:
                        pool = found.pool_size
                relu_pos = pos + (pool is not None)
                relu = relu_pos < len(order) and type(layers[order[relu_pos]]) is ReLU
                if isinstance(layer, Conv2D):
                    kind = conv_step_kind(layer, info[i].input_shape, conv)
                    step = kind(W, b, layer, info[i].input_shape, pool, relu)
                    if pool is not None and step.pool is None:   # does not tile: own step
                        relu = False
                        step = kind(W, b, layer, info[i].input_shape, None, False)
                    if step.pool is not None:
                        parts.append("MaxPool2D")
                        pos += 1
                else:
                    step = _DenseStep(W, b, relu)
                if relu:
                    parts.append("ReLU")
                    pos += 1
                self.steps.append(step)
                self.names.append("+".join(parts))
            elif isinstance(layer, Dropout):
                continue                                  # evaluation: a pass-through
            elif isinstance(layer, Flatten):
                self.steps.append(_flatten)
                self.names.append("Flatten")
            else:
                self.steps.append(_LayerStep(layer))
                self.names.append(layer.type)

    def forward(self, x: np.ndarray) -> np.ndarray:
        """x (N, *input_shape), the network's dtype -> output (N, K), a new array. A batch
        of more than CHUNK images is cut into near-equal chunks of at most CHUNK (the cut
        depends on N alone), which the batch workers share (nn/parallel.py; each thread has
        its own work arrays): the same numbers for any number of workers."""
        n = len(x)
        if n == 0:
            return np.zeros((0, *self.output_shape), self.dtype)
        if n <= CHUNK:
            return self._run(x).copy()
        cuts = batch_slices(n, -(-n // CHUNK))
        out = np.empty((n, *self.output_shape), self.dtype)

        def chunks(a: int, b: int) -> None:
            for i, j in cuts[a:b]:
                out[i:j] = self._run(x[i:j])

        for_batch(chunks, len(cuts))
        return out

    def _run(self, x: np.ndarray) -> np.ndarray:
        for step in self.steps:
            x = step(x)
        return x


class _Affine:
    """Evaluation-mode BatchNorm as one multiply-add per channel: y = x * s + t with
    s = gamma / sqrt(running_var + eps), t = beta - running_mean * s (Ioffe & Szegedy 2015,
    §3.2). (N, C) or (N, C, H, W) -> a new array of the same shape."""

    def __init__(self, bn: BatchNorm, dtype: Any) -> None:
        mean = bn.buffers["running_mean"].astype(np.float64)
        s = bn.params["gamma"] / np.sqrt(bn.buffers["running_var"].astype(np.float64) + bn.eps)
        self.s, self.t = s.astype(dtype), (bn.params["beta"] - mean * s).astype(dtype)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        shape = (1, -1) + (1,) * (x.ndim - 2)
        y = np.multiply(x, self.s.reshape(shape))
        y += self.t.reshape(shape)
        return y


def _relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0)


def _pool_2x2(x: np.ndarray) -> np.ndarray:
    n, c, h, w = x.shape
    return _max_pool(x, 2, np.empty((n, c, h // 2, w // 2), x.dtype))


class LayerOutputsPlan(_Plan):
    """Every layer's output in evaluation mode, in spec order (`Network.forward_all`: the
    feature maps and the reject unit's inputs), by the fast kernels but without folding or
    fusing: a Conv2D's own output (Winograd or im2col + GEMM), BatchNorm as one multiply-add
    per channel (`_Affine`), 2x2 max pools by two pairwise maxima. `forward_all(x)` -> a
    list of new arrays (N, *output_shape), one per layer; a Dropout's is its input, as in
    `forward_all`. Same staleness rule as `InferencePlan`."""

    def __init__(self, network: Any, conv: str = "auto") -> None:
        super().__init__(network)
        self.shapes = [tuple(info.output_shape) for info in network.info]
        self.steps: list[tuple[Any, bool]] = []           # (step, returns a kept buffer)
        for layer, info in zip(network.layers, network.info, strict=True):
            shape = info.input_shape
            if isinstance(layer, Conv2D):
                kind = conv_step_kind(layer, shape, conv)
                W, b = layer.params["W"], layer.params["b"]
                self.steps.append((kind(W, b, layer, shape, None, False), True))
            elif isinstance(layer, Dense):
                self.steps.append((_DenseStep(layer.params["W"], layer.params["b"], False),
                                   True))
            elif isinstance(layer, BatchNorm):
                self.steps.append((_Affine(layer, network.dtype), False))
            elif type(layer) is ReLU:
                self.steps.append((_relu, False))
            elif (isinstance(layer, MaxPool2D) and layer.pool_size == 2 and layer.step == 2
                  and shape[1] % 2 == 0 == shape[2] % 2):
                self.steps.append((_pool_2x2, False))
            else:                                         # Dropout: x itself, as forward_all
                self.steps.append((_LayerStep(layer), False))

    def forward_all(self, x: np.ndarray) -> list[np.ndarray]:
        """x (N, *input_shape), the network's dtype -> each layer's output, new arrays."""
        if len(x) == 0:
            return [np.zeros((0, *shape), self.dtype) for shape in self.shapes]
        out = []
        for step, kept in self.steps:
            x = step(x)
            out.append(x.copy() if kept else x)
        return out
