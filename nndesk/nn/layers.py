"""The layers, each with its backward beside its forward, and LAYERS: type name -> class."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from nndesk.nn.base import Layer, Setting
from nndesk.nn.batchnorm import BatchNorm
from nndesk.nn.conv import AvgPool2D, Conv2D, MaxPool2D
from nndesk.nn.functions import sigmoid
from nndesk.nn.init import init_std, init_weights
from nndesk.nn.parallel import for_batch, workers

__all__ = ["Layer", "Dense", "Conv2D", "MaxPool2D", "AvgPool2D", "Flatten", "ReLU",
           "LeakyReLU", "Sigmoid", "Tanh", "BatchNorm", "Dropout", "LAYERS", "LAYER_DOCS"]


class Dense(Layer):
    """Fully connected (the book's ch. 5.6 Affine): out = x @ W + b, any input flattened first.

    x (N, *input_shape) is seen as (N, D); W (D, units), b (units,); out (N, units). Weights:
    He et al. 2015 before ReLU-like activations, Glorot & Bengio 2010 (sqrt(1 / D)) else.
    """

    DOC = "Dense (fully connected): every input connects to every unit (ch. 3, 5)."
    SETTINGS = {
        "units": Setting("int", 100, 1, 100_000, help="how many output numbers"),
        "init": Setting("init", "auto", help="initial weights: auto, he, xavier or a std"),
    }

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.x: np.ndarray | None = None
        self.x_shape: tuple[int, ...] | None = None
        self.grad_out: np.ndarray | None = None   # where backward writes dW, if set: the
        # two-process step's worker hands its shared mapping's array (nn/process_worker.py)

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        return (self.units,)

    def num_params(self, input_shape: tuple[int, ...]) -> int:
        return math.prod(input_shape) * self.units + self.units

    def build(self, input_shape, rng, dtype, activation) -> None:
        fan_in = math.prod(input_shape)
        std = init_std(self.init, fan_in, activation)
        self.params = {"W": init_weights((fan_in, self.units), std, rng, dtype),
                       "b": np.zeros(self.units, dtype=dtype)}

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        self.x_shape = x.shape
        self.x = x.reshape(x.shape[0], -1)                       # (N, D)
        return self.x @ self.params["W"] + self.params["b"]      # (N, units)

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        """dW = x^T dout, db = dout summed over the batch, dx = dout W^T. The two products
        run side by side on the batch workers, each whole on one (the same numbers as one
        after the other; a product split by rows may not be, in OpenBLAS)."""
        x, W = self.x, self.params["W"]
        dtype = np.result_type(x, dout, W)
        dW = self.grad_out
        if dW is None or dW.shape != W.shape or dW.dtype != dtype:
            dW = np.empty(W.shape, dtype)
        dx = np.empty((len(dout), W.shape[0]), dtype) if self.needs_dx else None

        def products(i: int, j: int) -> None:                    # 0: dW, 1: dx
            if i == 0:
                np.matmul(x.T, dout, out=dW)
            if j == 2:
                np.matmul(dout, W.T, out=dx)

        for_batch(products, 1 if dx is None else 2, nbytes=2 * (x.nbytes + W.nbytes))
        self.grads = {"W": dW, "b": dout.sum(axis=0)}
        return None if dx is None else dx.reshape(self.x_shape)


class Flatten(Layer):
    """(N, C, H, W) -> (N, C*H*W), C then H then W (C order): an image as one long vector."""

    DOC = "Flatten: turns an image into one long vector."
    x_shape: tuple[int, ...] | None = None     # cache, set in forward

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        return (math.prod(input_shape),)

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        self.x_shape = x.shape
        return x.reshape(x.shape[0], -1)

    def backward(self, dout: np.ndarray) -> np.ndarray:
        return dout.reshape(self.x_shape)


class ReLU(Layer):
    """max(0, x): passes positives, blocks negatives and their gradient (book ch. 3.2.7,
    5.5.1). Any shape."""

    DOC = "ReLU: max(0, x), the default activation (ch. 3, 5)."
    ACTIVATION = "relu"

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.out: np.ndarray | None = None
        # Set by the Network from the layers around this one in run order (network.py,
        # `_in_place`): x is a fresh array nobody keeps (training), dout likewise.
        self.overwrite_x = False
        self.overwrite_dout = False

    SPLIT_SIZE = 1 << 18   # values from which the batch workers share the pass (~60 us a call)

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        if train and self.overwrite_x:                           # one pass, no new array
            out = x
        elif workers() == 1 or x.size < self.SPLIT_SIZE:
            self.out = np.maximum(x, 0)                          # no mask: out > 0 is the mask
            return self.out
        else:
            out = np.empty(x.shape, x.dtype)
        self.out = out
        if workers() == 1 or x.size < self.SPLIT_SIZE:
            np.maximum(x, 0, out=out)
        else:
            for_batch(lambda i, j: np.maximum(x[i:j], 0, out=out[i:j]), len(x))
        return out

    def backward(self, dout: np.ndarray) -> np.ndarray:
        if self.overwrite_dout and (workers() == 1 or dout.size < self.SPLIT_SIZE):
            return np.multiply(dout, self.out > 0, out=dout)
        if workers() == 1 or dout.size < self.SPLIT_SIZE:
            return dout * (self.out > 0)
        dx = dout if self.overwrite_dout else np.empty(dout.shape, dout.dtype)
        for_batch(lambda i, j: np.multiply(dout[i:j], self.out[i:j] > 0, out=dx[i:j]), len(dx))
        return dx


class LeakyReLU(Layer):
    """x for x > 0, alpha * x below: negatives still pass a little gradient (Maas et al.
    2013). Any shape."""

    DOC = "Leaky ReLU: like ReLU but negatives keep a small slope alpha."
    ACTIVATION = "relu"
    SETTINGS = {"alpha": Setting("float", 0.01, 0.0, 1.0, help="slope for negative inputs")}
    mask: np.ndarray | None = None             # cache, set in forward

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        self.mask = x > 0
        return np.where(self.mask, x, self.alpha * x)

    def backward(self, dout: np.ndarray) -> np.ndarray:
        return np.where(self.mask, dout, self.alpha * dout)


class Sigmoid(Layer):
    """1 / (1 + exp(-x)): squashes into (0, 1); saturates, so gradients vanish in deep nets
    (book ch. 3.2.4, 5.5.2: dx = dout * y * (1 - y)). Any shape; exp never overflows."""

    DOC = "Sigmoid: squashes into (0, 1), the classic activation (ch. 3)."
    ACTIVATION = "sigmoid"
    out: np.ndarray | None = None              # cache, set in forward

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        self.out = sigmoid(x)
        return self.out

    def backward(self, dout: np.ndarray) -> np.ndarray:
        return dout * self.out * (1 - self.out)


class Tanh(Layer):
    """tanh(x): a zero-centred sigmoid in (-1, 1); dx = dout * (1 - y^2). Any shape."""

    DOC = "Tanh: squashes into (-1, 1), centred on zero."
    ACTIVATION = "sigmoid"
    out: np.ndarray | None = None              # cache, set in forward

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        self.out = np.tanh(x)
        return self.out

    def backward(self, dout: np.ndarray) -> np.ndarray:
        return dout * (1 - self.out * self.out)


class Dropout(Layer):
    """In training, zeroes each input with probability `rate` and scales the rest by
    1 / (1 - rate) (inverted dropout; Srivastava et al. 2014, the book's ch. 6.4.3 scales at
    evaluation instead: the same expected values), so evaluation is a plain pass-through.

    The mask comes from `self.rng`, the network's Generator, so runs repeat exactly.
    """

    DOC = "Dropout: randomly silences units while training, against overfitting (ch. 6)."
    SETTINGS = {"rate": Setting("float", 0.5, 0.0, 0.95, help="share of units dropped")}

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.rng: np.random.Generator | None = None
        self.mask: np.ndarray | None = None

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        if not train or self.rate == 0:
            self.mask = None
            return x
        if self.rng is None:
            self.rng = np.random.default_rng()
        keep = self.rng.random(x.shape, dtype=x.dtype) >= self.rate
        self.mask = keep * x.dtype.type(1 / (1 - self.rate))    # 0 or 1/(1-rate)
        return x * self.mask

    def backward(self, dout: np.ndarray) -> np.ndarray:
        return dout if self.mask is None else dout * self.mask


LAYERS: dict[str, type[Layer]] = {cls.__name__: cls for cls in (
    Dense, Conv2D, MaxPool2D, AvgPool2D, Flatten, ReLU, LeakyReLU, Sigmoid, Tanh, BatchNorm,
    Dropout)}

LAYER_DOCS: dict[str, str] = {name: cls.DOC for name, cls in LAYERS.items()}
