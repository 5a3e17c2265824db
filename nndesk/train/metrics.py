"""Measuring a network on a data set, always in batches and always on every sample."""

from __future__ import annotations

import numpy as np

__all__ = ["labels_of", "loss_and_accuracy", "epoch_figures", "evaluate"]


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


def epoch_figures(net, data, config, n_train: int,
                  lengths: np.ndarray | None = None) -> tuple[float | None, ...]:
    """What the trainer measures at an epoch's end: (train_acc, val_loss, val_acc, test_acc),
    accuracies 0..1, None when not measured. Training accuracy on the first
    `min(n_train, config.train_eval_size)` training samples (none when that is 0), the
    validation set when it has samples, the test set only with `config.eval_test`; `data` a
    `Splits` (`lengths_val`/`lengths_test` for end-padded sequences), `lengths` the training
    samples' real steps."""
    c, d = config, data
    train_acc = None
    if c.train_eval_size:
        n = min(n_train, c.train_eval_size)
        train_acc = loss_and_accuracy(net, d.x_train[:n], d.t_train[:n], c.eval_batch_size,
                                      lengths=None if lengths is None else lengths[:n])[1]
    val_loss = val_acc = test_acc = None
    if len(d.x_val):
        val_loss, val_acc = loss_and_accuracy(net, d.x_val, d.t_val, c.eval_batch_size,
                                              lengths=getattr(d, "lengths_val", None))
    if c.eval_test and len(d.x_test):
        test_acc = loss_and_accuracy(net, d.x_test, d.t_test, c.eval_batch_size,
                                     lengths=getattr(d, "lengths_test", None))[1]
    return train_acc, val_loss, val_acc, test_acc


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
