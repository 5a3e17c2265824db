"""The book's activation and loss functions (ch. 3-4) as plain NumPy, numerically stable."""

from __future__ import annotations

import numpy as np

__all__ = ["step", "identity", "sigmoid", "tanh", "relu", "leaky_relu", "softmax",
           "cross_entropy"]


def step(x: np.ndarray) -> np.ndarray:
    """1 where x > 0, else 0 (the perceptron's activation), in x's dtype."""
    x = np.asarray(x)
    return (x > 0).astype(x.dtype if x.dtype.kind == "f" else np.int64)


def identity(x: np.ndarray) -> np.ndarray:
    """x unchanged: the output activation of a regression network."""
    return np.asarray(x)


def sigmoid(x: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-x)), written so that exp never overflows (x = -1000 gives 0, no warning)."""
    x = np.asarray(x)
    e = np.exp(-np.abs(x))                     # in (0, 1]: never overflows
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def tanh(x: np.ndarray) -> np.ndarray:
    """Hyperbolic tangent, a zero-centred sigmoid."""
    return np.tanh(x)


def relu(x: np.ndarray) -> np.ndarray:
    """max(0, x)."""
    return np.maximum(x, 0)


def leaky_relu(x: np.ndarray, alpha: float = 0.01) -> np.ndarray:
    """x where x > 0, else alpha * x: a ReLU whose negative side still passes a gradient."""
    x = np.asarray(x)
    return np.where(x > 0, x, alpha * x)


def softmax(x: np.ndarray) -> np.ndarray:
    """Probabilities along the last axis; subtracting the max keeps exp from overflowing."""
    x = np.asarray(x)
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy(y: np.ndarray, t: np.ndarray) -> float:
    """Mean cross-entropy of probabilities y (N, K) or (K,) against labels or one-hot t."""
    y = np.asarray(y)
    t = np.asarray(t)
    if y.ndim == 1:                            # one sample
        y, t = y[None], t[None] if t.ndim == 1 else t.reshape(1)
    if t.shape == y.shape:                     # one-hot -> labels
        t = t.argmax(axis=1)
    n = y.shape[0]
    return float(-np.log(y[np.arange(n), t] + 1e-7).sum() / n)
