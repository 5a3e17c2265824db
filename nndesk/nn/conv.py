"""Convolution and pooling layers on (N, C, H, W) batches: im2col + one GEMM, strided views."""

from __future__ import annotations

from typing import Any

import numpy as np

from nndesk.nn.base import Layer, Setting
from nndesk.nn.im2col import col2im, col2im_wide, im2col, im2col_wide, out_size
from nndesk.nn.init import init_std, init_weights

__all__ = ["Conv2D", "MaxPool2D", "AvgPool2D"]

CHUNK_BYTES = 2 << 20   # column matrices built a chunk of images at a time stay about this big


def _image_shape(layer: str, input_shape: tuple[int, ...]) -> tuple[int, int, int]:
    """(C, H, W) or a ValueError telling the learner that this layer needs an image."""
    if len(input_shape) != 3:
        size = "x".join(map(str, input_shape))
        raise ValueError(f"needs an image (channels x height x width), but its input is "
                         f"{size} numbers in a row; put {layer} before any Dense or Flatten")
    return input_shape  # type: ignore[return-value]


class Conv2D(Layer):
    """Slides `filters` small kernels over the image: each one finds a pattern, anywhere.

    The book's ch. 7.2-7.4 Convolution: x (N, C, H, W) -> (N, F, OH, OW) with
    OH = (H + 2*pad - kernel_size) // stride + 1 (same for OW); W (F, C, K, K), b (F,).
    A cross-correlation, as the book and every framework. Weights: He et al. 2015
    (sqrt(2 / fan_in)) before ReLU, Glorot & Bengio 2010 (the book's sqrt(1 / fan_in)) else,
    fan_in = C*K*K. Forward is im2col + one batched GEMM (im2col.py).
    """

    DOC = "Convolution: slides small learnable filters over the image (ch. 7)."
    SETTINGS = {
        "filters": Setting("int", 16, 1, 1024, help="how many filters (output channels)"),
        "kernel_size": Setting("int", 3, 1, 32, help="filter height and width in pixels"),
        "stride": Setting("int", 1, 1, 16, help="step between filter positions"),
        "pad": Setting("int", 0, 0, 16, help="zero pixels added around the input"),
        "init": Setting("init", "auto", help="initial weights: auto, he, xavier or a std"),
    }

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.x_shape: tuple[int, ...] | None = None
        self.col: np.ndarray | None = None

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        c, h, w = _image_shape("Conv2D", input_shape)
        k, s, p = self.kernel_size, self.stride, self.pad
        if h + 2 * p < k or w + 2 * p < k:
            raise ValueError(f"a {k}x{k} kernel does not fit a {h}x{w} input"
                             + (f" padded by {p}" if p else ""))
        return (self.filters, out_size(h, k, s, p), out_size(w, k, s, p))

    def num_params(self, input_shape: tuple[int, ...]) -> int:
        return self.filters * input_shape[0] * self.kernel_size ** 2 + self.filters

    def build(self, input_shape, rng, dtype, activation) -> None:
        k = self.kernel_size
        shape = (self.filters, input_shape[0], k, k)                # (F, C, KH, KW)
        std = init_std(self.init, input_shape[0] * k * k, activation)
        self.params = {"W": init_weights(shape, std, rng, dtype),
                       "b": np.zeros(self.filters, dtype=dtype)}

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        W, k = self.params["W"], self.kernel_size
        n, c, h, w = self.x_shape = x.shape
        oh, ow = out_size(h, k, self.stride, self.pad), out_size(w, k, self.stride, self.pad)
        col = self.scratch("col", (n, c * k * k, oh * ow), x.dtype, keep=train)
        self.col = im2col(x, k, k, self.stride, self.pad, out=col)  # (N, C*K*K, OH*OW)
        out = np.matmul(W.reshape(self.filters, -1), self.col)      # (N, F, OH*OW)
        out += self.params["b"][:, None]
        return out.reshape(n, self.filters, oh, ow)

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        """dW = sum over images of dout @ col^T, db = dout summed over images and pixels;
        dx by the cheapest of three equal ways (`_dx_col2im`, `_dx_flipped`, `_dx_wide`)."""
        W = self.params["W"]
        n, f, oh, ow = dout.shape
        d = dout.reshape(n, f, oh * ow)                             # (N, F, OH*OW)
        dW = np.matmul(d, self.col.transpose(0, 2, 1)).sum(axis=0)  # sum over n of (F, C*K*K)
        db = (d @ np.ones(oh * ow, d.dtype)).sum(axis=0)            # GEMVs: 2x d.sum((0, 2))
        self.grads = {"W": dW.reshape(W.shape), "b": db}
        if not self.needs_dx:
            return None
        c, h, w = self.x_shape[1:]
        if self.stride != 1:
            return self._dx_col2im(d)
        if f * h * w <= c * (oh * ow + h * w):                      # measured: cheaper here
            return self._dx_flipped(dout)
        return self._dx_wide(dout)

    def _dx_col2im(self, d: np.ndarray) -> np.ndarray:
        """The book's input gradient (ch. 7.4.3): dcol = W^T @ dout, then col2im adds every
        column entry back onto its pixel. d: (N, F, OH*OW) -> dx (N, C, H, W). Any stride."""
        W, k, n = self.params["W"], self.kernel_size, len(d)
        dcol = self.scratch("dcol", (n, W[0].size, d.shape[2]), d.dtype)
        np.matmul(W.reshape(len(W), -1).T, d, out=dcol)             # (N, C*K*K, OH*OW)
        return col2im(dcol, self.x_shape, k, k, self.stride, self.pad)

    def _dx_wide(self, dout: np.ndarray) -> np.ndarray:
        """Stride-1 fast path of `_dx_col2im`: the output rows are widened to the padded width
        Wp (zeros beyond OW), so col2im adds K*K contiguous runs instead of strided blocks
        (`col2im_wide`). Same numbers; measured in benchmarks/PROFILE.md, "Fast paths"."""
        W, k = self.params["W"], self.kernel_size
        n, f, oh, ow = dout.shape
        c, wp = self.x_shape[1], self.x_shape[3] + 2 * self.pad
        wide = self.scratch("wide", (n, f, oh, wp), dout.dtype)     # columns >= ow stay zero
        wide[:, :, :, :ow] = dout
        dcol = self.scratch("dcol", (n, c * k * k, oh * wp), dout.dtype)
        np.matmul(W.reshape(f, -1).T, wide.reshape(n, f, -1), out=dcol)  # (N, C*K*K, OH*Wp)
        return col2im_wide(dcol, self.x_shape, k, k, self.pad)

    def _dx_flipped(self, dout: np.ndarray) -> np.ndarray:
        """Stride-1 fast path of `_dx_col2im`: dx is a "full" convolution of dout with the
        kernels turned 180 degrees and channels swapped. One im2col copy and one GEMM instead
        of a GEMM plus K*K scatter-adds (col2im); chosen when F*H*W <= C*(OH*OW + H*W). A few
        images at a time: their column matrix stays in the CPU cache. Same numbers (the
        gradient checks), measured in benchmarks/PROFILE.md, "Fast paths"."""
        W, k = self.params["W"], self.kernel_size
        n, c, h, w = self.x_shape
        q = k - 1 - self.pad                                        # border of the full conv
        if q < 0:                                                   # padding wider than kernel
            dout, q = dout[:, :, -q:q, -q:q], 0
        W_rot = W[:, :, ::-1, ::-1].transpose(1, 0, 2, 3).reshape(c, -1)  # (C, F*K*K)
        f, oh, ow = dout.shape[1:]
        rows = (oh + 2 * q - k + 1) * (ow + 2 * q)                  # H * (W + k - 1)
        step = max(1, CHUNK_BYTES // (f * k * k * rows * dout.itemsize))
        col = self.scratch("dcol", (min(step, n), f * k * k, rows), dout.dtype)
        dx = np.empty((n, c, rows), dout.dtype)                     # (N, C, H*(W+k-1))
        for s in range(0, n, step):
            part = dout[s:s + step]
            np.matmul(W_rot, im2col_wide(part, k, k, q, out=col[:len(part)]), out=dx[s:s + step])
        return dx.reshape(n, c, h, -1)[:, :, :, :w]


class _Pool(Layer):
    """Shared by the pools: a pool_size window moved by stride (default: pool_size).

    Both pools work on the P*P strided slices x[:, :, i::s, j::s] (one per window offset),
    whole-array operations on maps a quarter the size for 2x2, never a 6-D reduction.
    """

    SETTINGS = {
        "pool_size": Setting("int", 2, 1, 16, help="window height and width"),
        "stride": Setting("int", None, 1, 16, optional=True,
                          help="step between windows; empty = pool_size (no overlap)"),
    }

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.x_shape: tuple[int, ...] | None = None

    @property
    def step(self) -> int:
        return self.stride or self.pool_size

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        c, h, w = _image_shape(self.type, input_shape)
        p = self.pool_size
        if h < p or w < p:
            raise ValueError(f"a {p}x{p} window does not fit a {h}x{w} input")
        return (c, out_size(h, p, self.step), out_size(w, p, self.step))

    def _offsets(self) -> list[tuple[slice, slice]]:
        """For each window offset (i, j), the slices of the input it covers: (N, C, OH, OW)."""
        p, s = self.pool_size, self.step
        _, _, h, w = self.x_shape
        oh, ow = out_size(h, p, s), out_size(w, p, s)
        return [(slice(i, i + s * oh, s), slice(j, j + s * ow, s))
                for i in range(p) for j in range(p)]


class MaxPool2D(_Pool):
    """Keeps the largest value of each window: smaller maps, robust to small shifts.

    The book's ch. 7.3 Pooling: (N, C, H, W) -> (N, C, OH, OW), OH = (H - pool_size) //
    stride + 1, no padding (rows and columns that fill no window are dropped)."""

    DOC = "Max pooling: keeps the largest value in each window (ch. 7)."

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.x: np.ndarray | None = None
        self.out: np.ndarray | None = None
        self.right: np.ndarray | None = None   # 2x2 tiles: the right column won (N, C, H, OW)
        self.lower: np.ndarray | None = None   # 2x2 tiles: the lower row won (N, C, OH, OW)

    def _tiles_2x2(self) -> bool:
        _, _, h, w = self.x_shape
        return self.pool_size == 2 and self.step == 2 and h % 2 == 0 and w % 2 == 0

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        self.x_shape, self.x, self.right = x.shape, x, None
        if train and self._tiles_2x2():                             # evaluation needs no masks
            return self._forward_2x2(x)
        offsets = self._offsets()
        out = x[:, :, offsets[0][0], offsets[0][1]].copy()           # (N, C, OH, OW)
        for rows, cols in offsets[1:]:
            np.maximum(out, x[:, :, rows, cols], out=out)
        self.out = out
        return out

    def backward(self, dout: np.ndarray) -> np.ndarray:
        """The gradient goes to where each max came from (the first one if values tie)."""
        if self.right is not None:                                  # forward kept the masks
            return self._backward_2x2(dout)
        p, (_, _, h, w) = self.pool_size, self.x_shape
        tiled = self.step == p and h % p == 0 and w % p == 0        # every pixel in one window
        dx = np.empty(self.x_shape, dout.dtype) if tiled else np.zeros(self.x_shape, dout.dtype)
        taken = None
        for rows, cols in self._offsets():
            hit = self.x[:, :, rows, cols] == self.out               # (N, C, OH, OW) bool
            if taken is None:
                taken = hit
            else:
                hit &= ~taken
                taken |= hit
            if tiled:
                np.multiply(dout, hit, out=dx[:, :, rows, cols])
            else:
                dx[:, :, rows, cols] += dout * hit
        return dx

    def _forward_2x2(self, x: np.ndarray) -> np.ndarray:
        """Training fast path for 2x2 windows tiling the image (the book's every pool):
        two pairwise maxima, first the two columns of each window, then its two rows,
        remembering which side won (left and upper win ties: the first maximum, as the
        general code). Replaces the general offsets loop plus its masks in backward; half the
        passes (benchmarks/PROFILE.md, "Fast paths"). Evaluation takes the general path."""
        n, c, h, w = x.shape
        cols = x.reshape(n, c, h, w // 2, 2)
        self.right = cols[..., 1] > cols[..., 0]                   # (N, C, H, OW)
        rows = np.maximum(cols[..., 0], cols[..., 1]).reshape(n, c, h // 2, 2, w // 2)
        self.lower = rows[:, :, :, 1] > rows[:, :, :, 0]           # (N, C, OH, OW)
        return np.maximum(rows[:, :, :, 0], rows[:, :, :, 1])

    def _backward_2x2(self, dout: np.ndarray) -> np.ndarray:
        """dout to the winning row, then to the winning column, from `_forward_2x2`'s masks."""
        n, c, oh, ow = dout.shape
        rows = np.empty((n, c, oh, 2, ow), dout.dtype)              # dout to the winning row
        np.multiply(dout, self.lower, out=rows[:, :, :, 1])
        np.subtract(dout, rows[:, :, :, 1], out=rows[:, :, :, 0])  # exactly dout or 0
        rows = rows.reshape(n, c, 2 * oh, ow)
        dx = np.empty((n, c, 2 * oh, ow, 2), dout.dtype)            # then to the winning column
        np.multiply(rows, self.right, out=dx[..., 1])
        np.subtract(rows, dx[..., 1], out=dx[..., 0])
        return dx.reshape(n, c, 2 * oh, 2 * ow)


class AvgPool2D(_Pool):
    """Averages each window: smaller maps that keep every input's share (shapes as
    MaxPool2D; the book's ch. 7.3 mentions it beside max pooling)."""

    DOC = "Average pooling: the mean of each window."

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        self.x_shape = x.shape
        offsets = self._offsets()
        out = x[:, :, offsets[0][0], offsets[0][1]].copy()
        for rows, cols in offsets[1:]:
            out += x[:, :, rows, cols]
        out *= out.dtype.type(1 / self.pool_size ** 2)
        return out

    def backward(self, dout: np.ndarray) -> np.ndarray:
        share = dout * dout.dtype.type(1 / self.pool_size ** 2)     # (N, C, OH, OW)
        dx = np.zeros(self.x_shape, dtype=dout.dtype)
        for rows, cols in self._offsets():
            dx[:, :, rows, cols] += share
        return dx
