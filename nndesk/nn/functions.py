"""The book's activation and loss functions (ch. 3-4) as plain NumPy, numerically stable.

Activations work element by element on an array of any shape and return that shape (floats
in, floats out); `softmax` works along the last axis. Units: none (scores, probabilities),
except `cross_entropy`, in nats. Section numbers are those of the book (Saito 2016,
"Deep Learning from Scratch").
"""

from __future__ import annotations

import numpy as np

__all__ = ["step", "identity", "sigmoid", "tanh", "relu", "leaky_relu", "softmax",
           "cross_entropy"]


def step(x: np.ndarray) -> np.ndarray:
    """1 where x > 0, else 0 (the perceptron's activation, ch. 3.2.2), in x's dtype (int64
    for integer input)."""
    x = np.asarray(x)
    return (x > 0).astype(x.dtype if x.dtype.kind == "f" else np.int64)


def identity(x: np.ndarray) -> np.ndarray:
    """x unchanged: the output activation of a regression network (ch. 3.5)."""
    return np.asarray(x)


def sigmoid(x: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-x)) (ch. 3.2.4), written so that exp never overflows (x = -1000 gives 0,
    no warning): values in [0, 1]."""
    x = np.asarray(x)
    e = np.exp(-np.abs(x))                     # in (0, 1]: never overflows
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def tanh(x: np.ndarray) -> np.ndarray:
    """Hyperbolic tangent, a zero-centred sigmoid: 2 * sigmoid(2x) - 1, values in [-1, 1]."""
    return np.tanh(x)


def relu(x: np.ndarray) -> np.ndarray:
    """max(0, x) (ch. 3.2.7)."""
    return np.maximum(x, 0)


def leaky_relu(x: np.ndarray, alpha: float = 0.01) -> np.ndarray:
    """x where x > 0, else alpha * x: a ReLU whose negative side still passes a gradient
    (Maas, Hannun & Ng 2013; not in the book)."""
    x = np.asarray(x)
    return np.where(x > 0, x, alpha * x)


def softmax(x: np.ndarray) -> np.ndarray:
    """Probabilities along the last axis, (..., K) -> (..., K) summing to 1 (ch. 3.5.1);
    subtracting the max keeps exp from overflowing (ch. 3.5.2)."""
    x = np.asarray(x)
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy(y: np.ndarray, t: np.ndarray) -> float:
    """Mean cross-entropy in nats of probabilities y (N, K) or (K,) against labels (N,) or
    one-hot t (N, K) (ch. 4.2.2 and 4.2.4: -sum t log(y + 1e-7) / N; the 1e-7 keeps log(0)
    finite). Labels must be in 0..K-1: a larger one raises IndexError, a negative one is
    not checked (NumPy counts it from the end)."""
    y = np.asarray(y)
    t = np.asarray(t)
    if y.ndim == 1:                            # one sample
        y, t = y[None], t[None] if t.ndim == 1 else t.reshape(1)
    if t.shape == y.shape:                     # one-hot -> labels
        t = t.argmax(axis=1)
    n = y.shape[0]
    return float(-np.log(y[np.arange(n), t] + 1e-7).sum() / n)
