"""Measuring a network on a data set, always in batches and always on every sample."""

from __future__ import annotations

import numpy as np

__all__ = ["labels_of", "loss_and_accuracy", "evaluate"]


def labels_of(t: np.ndarray) -> np.ndarray:
    """Integer labels (N,) from labels or one-hot rows (N, 10)."""
    t = np.asarray(t)
    return t.argmax(axis=1) if t.ndim == 2 else t.astype(np.int64, copy=False)


def loss_and_accuracy(net, x: np.ndarray, t: np.ndarray, batch_size: int = 500, *,
                      lengths: np.ndarray | None = None) -> tuple[float, float]:
    """Mean loss and accuracy in eval mode over every sample (the last partial batch too);
    `lengths` (N,): the real steps of end-padded sequences."""
    n = len(x)
    if n == 0:
        return float("nan"), float("nan")
    labels = labels_of(t)
    loss_sum, correct = 0.0, 0
    for i in range(0, n, batch_size):
        xb, tb = x[i:i + batch_size], t[i:i + batch_size]
        y = (net.forward(xb, train=False) if lengths is None else   # (B, 10): loss and accuracy
             net.forward(xb, train=False, lengths=lengths[i:i + batch_size]))
        loss_fn = getattr(net, "loss_fn", None)
        batch_loss = loss_fn.forward(y, tb) if loss_fn else net.loss(xb, tb, train=False)
        loss_sum += batch_loss * len(xb)
        correct += int((y.argmax(axis=1) == labels[i:i + batch_size]).sum())
    return loss_sum / n, correct / n


def evaluate(net, x: np.ndarray, t: np.ndarray, batch_size: int = 500) -> dict:
    """Accuracy, per-digit accuracy and confusion matrix, as JSON-ready Python numbers.

    `confusion[i][j]` counts images of digit i predicted as j; `per_digit[i]` is the share of
    digit i recognised (None when the set holds no i).
    """
    labels = labels_of(t)
    classes = 10
    predicted = np.empty(len(x), dtype=np.int64)
    for i in range(0, len(x), batch_size):
        predicted[i:i + batch_size] = net.predict(x[i:i + batch_size],
                                                  batch_size=batch_size).argmax(axis=1)
    confusion = np.zeros((classes, classes), dtype=np.int64)
    np.add.at(confusion, (labels, predicted), 1)
    totals = confusion.sum(axis=1)
    per_digit = [float(confusion[d, d] / totals[d]) if totals[d] else None
                 for d in range(classes)]
    return {"n": int(len(x)),
            "accuracy": float(np.trace(confusion) / max(1, len(x))),
            "per_digit": per_digit,
            "confusion": confusion.tolist()}
