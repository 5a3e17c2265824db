"""The im2col convolution step of the prediction plans (nn/inference.py) and what every step
shares: work arrays kept from call to call, the max pool fused into a convolution.

im2col (the book's ch. 7.4) copies a strided view of a zero-padded buffer kept from call to
call (only its interior is written); when a tiling max pool follows, the columns come in
pooling order, so the pool is a maximum over P*P contiguous blocks. The convolution's bias
is added after the pooling (max(x + b) = max(x) + b for a per-channel b) and the ReLU after
it: both work on a P*P smaller map. Steps take x (N, C, H, W) in the network's dtype.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import as_strided

from nndesk.nn.base import Layer
from nndesk.nn.layers import Conv2D, MaxPool2D

KEEP_MAX = 32       # work arrays are kept for batches of up to this many images


class _Buffers:
    """Work arrays of one step, kept per (thread, batch size) for batches of up to KEEP_MAX
    images: such a call allocates nothing once its batch size was seen. Larger batches get
    new arrays each call (as `Layer.scratch(keep=False)`: an evaluation batch of 500 does
    not stay in memory)."""

    def __init__(self) -> None:
        self._sets: dict[tuple[int, int], dict[str, Any]] = {}

    def get(self, n: int, make) -> dict[str, Any]:
        if n > KEEP_MAX:
            return make(n)
        key = (threading.get_ident(), n)
        found = self._sets.get(key)
        if found is None:
            if len(self._sets) > 16:                                 # threads come and go
                self._sets.clear()
            found = self._sets[key] = make(n)
        return found


def _fused_pool(layers: list[Layer], order: list[int], pos: int) -> MaxPool2D | None:
    """The MaxPool2D at run position `pos` if it tiles its input (stride = pool_size), else
    None."""
    if pos < len(order) and isinstance(layers[order[pos]], MaxPool2D):
        pool = layers[order[pos]]
        if pool.step == pool.pool_size:
            return pool
    return None


class _ConvStep:
    """Conv2D (its BatchNorm folded in) [+ tiling MaxPool2D] [+ ReLU] by im2col + GEMM.

    x (N, C, H, W) -> (N, F, OH, OW), or (N, F, OH/P, OW/P) with a P x P pool (OH and OW
    multiples of P; else the pool runs as its own step). Per batch size: a zero-padded input
    buffer (N, C, H + 2 pad, W + 2 pad) whose border stays zero, the column matrix
    col (N, C*K*K, OH*OW) and the output. With a pool, column (di, dj, oh', ow') is output
    pixel (P*oh' + di, P*ow' + dj): the pool is the maximum over the P*P blocks of OH*OW/P^2
    columns, contiguous."""

    def __init__(self, W: np.ndarray, b: np.ndarray, conv: Conv2D, in_shape: tuple[int, ...],
                 pool: int | None, relu: bool) -> None:
        self.F, self.C, self.K = W.shape[0], W.shape[1], W.shape[2]
        self.W_rows = np.ascontiguousarray(W.reshape(self.F, -1))      # (F, C*K*K)
        self.b = b.reshape(1, -1, 1).copy()                              # (1, F, 1)
        self.stride, self.pad = conv.stride, conv.pad
        _, self.H, self.Wd = in_shape
        self.OH = (self.H + 2 * self.pad - self.K) // self.stride + 1
        self.OW = (self.Wd + 2 * self.pad - self.K) // self.stride + 1
        if pool and (self.OH % pool or self.OW % pool):
            pool = None
        self.pool, self.relu = pool, relu
        self.bufs = _Buffers()

    def _make(self, n: int) -> dict[str, Any]:
        C, K, s, p, dt = self.C, self.K, self.stride, self.pad, self.W_rows.dtype
        hp, wp = self.H + 2 * p, self.Wd + 2 * p
        padded = np.zeros((n, C, hp, wp), dt)                          # border stays zero
        sn, sc, sh, sw = padded.strides
        if self.pool:                                                   # pooling order
            P = self.pool
            shape = (n, C, K, K, P, P, self.OH // P, self.OW // P)
            strides = (sn, sc, sh, sw, s * sh, s * sw, P * s * sh, P * s * sw)
        else:
            shape = (n, C, K, K, self.OH, self.OW)
            strides = (sn, sc, sh, sw, s * sh, s * sw)
        windows = as_strided(padded, shape, strides, writeable=False)
        col = np.empty(shape, dt)                                       # (N, C*K*K, OH*OW)
        out = np.empty((n, self.F, self.OH * self.OW), dt)              # (N, F, OH*OW)
        cells = self.OH * self.OW // (self.pool or 1) ** 2
        pooled = np.empty((n, self.F, cells), dt) if self.pool else out  # (N, F, OH'*OW')
        return {"padded": padded, "windows": windows, "col": col, "out": out,
                "pooled": pooled}

    def __call__(self, x: np.ndarray) -> np.ndarray:
        n, p = len(x), self.pad
        buf = self.bufs.get(n, self._make)
        buf["padded"][:, :, p:p + self.H, p:p + self.Wd] = x
        np.copyto(buf["col"], buf["windows"])
        col = buf["col"].reshape(n, self.C * self.K * self.K, -1)
        out = np.matmul(self.W_rows, col, out=buf["out"])              # (N, F, OH*OW)
        y = buf["pooled"]
        if self.pool:                                                   # blocks: (N, F, P*P, .)
            blocks = out.reshape(n, self.F, self.pool ** 2, -1)
            np.maximum(blocks[:, :, 0], blocks[:, :, 1], out=y)         # 3 maxima for 2x2:
            for k in range(2, self.pool ** 2):                          # 1.3x np.max(axis=2)
                np.maximum(y, blocks[:, :, k], out=y)
        y += self.b
        if self.relu:
            np.maximum(y, 0, out=y)
        P = self.pool or 1
        return y.reshape(n, self.F, self.OH // P, self.OW // P)


def _max_pool(x: np.ndarray, P: int, out: np.ndarray) -> np.ndarray:
    """P x P max pool with stride P of x (N, C, H, W), H and W multiples of P, into `out`
    (N, C, H/P, W/P): first along the width, then the height, P - 1 pairwise maxima each."""
    n, c, h, w = x.shape
    cols = x.reshape(n, c, h, w // P, P)
    rows = np.maximum(cols[..., 0], cols[..., 1])                       # (N, C, H, W/P)
    for j in range(2, P):
        np.maximum(rows, cols[..., j], out=rows)
    rows = rows.reshape(n, c, h // P, P, w // P)
    np.maximum(rows[:, :, :, 0], rows[:, :, :, 1], out=out)
    for i in range(2, P):
        np.maximum(out, rows[:, :, :, i], out=out)
    return out
