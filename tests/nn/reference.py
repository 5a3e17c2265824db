"""Plain, slow references for every layer's forward pass: one output number at a time, in the
book's shapes (ch. 5 Affine, ch. 6.3 Batch Norm, ch. 7 Convolution/Pooling), float64, Python
loops and scalar `math` only. No strided views, no im2col, no BLAS, no code from nndesk: when
the engine's fast paths and these agree on random, odd-sized inputs, the fast path is right.

Shapes: images (N, C, H, W); Dense x (N, D) @ W (D, units); Conv2D W (F, C, KH, KW), b (F,).
"""

from __future__ import annotations

import math

import numpy as np


def dense(x: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The book's Affine: out[n, u] = sum_d x[n, d] * W[d, u] + b[u] (x flattened per row)."""
    rows = x.reshape(len(x), -1)
    n, d = rows.shape
    out = np.zeros((n, W.shape[1]))
    for i in range(n):
        for u in range(W.shape[1]):
            out[i, u] = math.fsum(float(rows[i, k]) * float(W[k, u]) for k in range(d)) + b[u]
    return out


def conv2d(x: np.ndarray, W: np.ndarray, b: np.ndarray, stride: int, pad: int) -> np.ndarray:
    """out[n, f, i, j] = b[f] + sum over c, ki, kj of the zero-padded input at
    (i*stride + ki, j*stride + kj) times W[f, c, ki, kj] (a cross-correlation, as the book)."""
    n, c, h, w = x.shape
    f, _, kh, kw = W.shape
    oh, ow = (h + 2 * pad - kh) // stride + 1, (w + 2 * pad - kw) // stride + 1

    def pixel(img: int, ch: int, r: int, q: int) -> float:
        r, q = r - pad, q - pad                   # padded coordinates -> input coordinates
        return float(x[img, ch, r, q]) if 0 <= r < h and 0 <= q < w else 0.0

    out = np.zeros((n, f, oh, ow))
    for img in range(n):
        for fi in range(f):
            for i in range(oh):
                for j in range(ow):
                    out[img, fi, i, j] = b[fi] + math.fsum(
                        pixel(img, ch, i * stride + ki, j * stride + kj) * float(W[fi, ch, ki, kj])
                        for ch in range(c) for ki in range(kh) for kj in range(kw))
    return out


def _pool(x: np.ndarray, size: int, stride: int, reduce) -> np.ndarray:
    n, c, h, w = x.shape
    oh, ow = (h - size) // stride + 1, (w - size) // stride + 1
    out = np.zeros((n, c, oh, ow))
    for img in range(n):
        for ch in range(c):
            for i in range(oh):
                for j in range(ow):
                    window = [float(x[img, ch, i * stride + a, j * stride + e])
                              for a in range(size) for e in range(size)]
                    out[img, ch, i, j] = reduce(window)
    return out


def max_pool(x: np.ndarray, size: int, stride: int) -> np.ndarray:
    """The largest of each size x size window, windows `stride` apart, no padding."""
    return _pool(x, size, stride, max)


def avg_pool(x: np.ndarray, size: int, stride: int) -> np.ndarray:
    """The mean of each size x size window."""
    return _pool(x, size, stride, lambda window: math.fsum(window) / len(window))


def batch_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, running_mean: np.ndarray,
               running_var: np.ndarray, momentum: float, eps: float,
               train: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ioffe & Szegedy 2015, Algorithm 1 (the book's ch. 6.3): per feature (N, D) or per
    channel (N, C, H, W, statistics over N, H and W). Returns the output and the running mean
    and variance after the step (momentum * running + (1 - momentum) * batch; the batch
    variance is the biased one, as the book's). Evaluation uses the running statistics."""
    out = np.zeros(x.shape)
    rm, rv = running_mean.astype(np.float64), running_var.astype(np.float64)
    for ch in range(x.shape[1]):
        values = [float(v) for v in np.moveaxis(x, 1, 0)[ch].reshape(-1)]
        if train:
            mean = math.fsum(values) / len(values)
            var = math.fsum((v - mean) ** 2 for v in values) / len(values)
            rm[ch] = momentum * rm[ch] + (1 - momentum) * mean
            rv[ch] = momentum * rv[ch] + (1 - momentum) * var
        else:
            mean, var = rm[ch], rv[ch]
        scale = float(gamma[ch]) / math.sqrt(var + eps)
        it = np.nditer(np.moveaxis(x, 1, 0)[ch], flags=["multi_index"])
        for v in it:
            idx = it.multi_index
            out[(idx[0], ch, *idx[1:])] = (float(v) - mean) * scale + float(beta[ch])
    return out, rm, rv


def activation(name: str, x: np.ndarray, alpha: float = 0.01) -> np.ndarray:
    """ReLU, LeakyReLU, Sigmoid or Tanh, one number at a time (the book's ch. 3)."""
    rules = {
        "ReLU": lambda v: v if v > 0 else 0.0,
        "LeakyReLU": lambda v: v if v > 0 else alpha * v,
        "Sigmoid": lambda v: 1 / (1 + math.exp(-v)) if v >= 0 else math.exp(v) / (1 + math.exp(v)),
        "Tanh": math.tanh,
    }
    rule = rules[name]
    return np.array([rule(float(v)) for v in x.reshape(-1)]).reshape(x.shape)


def dropout(x: np.ndarray, keep: np.ndarray, rate: float, train: bool) -> np.ndarray:
    """Inverted dropout with a given keep mask: x / (1 - rate) where kept, 0 where dropped;
    the input itself in evaluation."""
    if not train:
        return x.astype(np.float64)
    return np.array([float(v) / (1 - rate) if k else 0.0
                     for v, k in zip(x.reshape(-1), keep.reshape(-1), strict=True)]
                    ).reshape(x.shape)
