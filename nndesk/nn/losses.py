"""Losses on a batch of network outputs y (N, K) against int labels (N,) or one-hot t (N, K)."""

from __future__ import annotations

import numpy as np

__all__ = ["SoftmaxCrossEntropy", "MeanSquaredError", "LOSSES", "one_hot"]


def one_hot(t: np.ndarray, k: int, dtype=np.float32) -> np.ndarray:
    """Labels (N,) -> (N, k) rows of 0 with a 1 at the label; one-hot input is returned cast."""
    t = np.asarray(t)
    if t.ndim == 2:
        return t.astype(dtype, copy=False)
    if t.size and (t.min() < 0 or t.max() >= k):
        raise ValueError(f"labels must be in 0..{k - 1}; got {t.min()}..{t.max()}")
    out = np.zeros((t.shape[0], k), dtype=dtype)
    out[np.arange(t.shape[0]), t] = 1
    return out


class SoftmaxCrossEntropy:
    """Softmax then cross-entropy, fused (the book's ch. 5.6.3 SoftmaxWithLoss): stable at any
    scale. Scores y (N, K), labels (N,) or one-hot (N, K); loss in nats, mean over N."""

    def __init__(self) -> None:
        self.y: np.ndarray | None = None       # softmax probabilities (N, K)
        self.t: np.ndarray | None = None       # one-hot (N, K)

    def forward(self, y: np.ndarray, t: np.ndarray) -> float:
        """Mean over the batch of -log softmax(y)[label], via log-sum-exp (no overflow)."""
        shifted = y - y.max(axis=1, keepdims=True)
        log_z = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        log_p = shifted - log_z                                  # (N, K), all <= 0
        self.t = one_hot(t, y.shape[1], y.dtype)
        self.y = np.exp(log_p)
        return float(-(log_p * self.t).sum() / y.shape[0])

    def backward(self) -> np.ndarray:
        """d loss / d y = (softmax - one_hot) / N."""
        return (self.y - self.t) / self.y.shape[0]


class MeanSquaredError:
    """0.5 * sum of squared differences, averaged over the batch (the book's ch. 4 form)."""

    def __init__(self) -> None:
        self.diff: np.ndarray | None = None

    def forward(self, y: np.ndarray, t: np.ndarray) -> float:
        """0.5 * sum((y - t)**2) / N for outputs y (N, K) against labels (N,) or one-hot
        t (N, K) (the book's ch. 4.2.1 sum of squares, averaged over the batch)."""
        self.diff = y - one_hot(t, y.shape[1], y.dtype)
        return float(0.5 * (self.diff * self.diff).sum() / y.shape[0])

    def backward(self) -> np.ndarray:
        """d loss / d y = (y - t) / N, shape (N, K), for the last `forward`."""
        return self.diff / self.diff.shape[0]


LOSSES = {"softmax_cross_entropy": SoftmaxCrossEntropy, "mse": MeanSquaredError}
