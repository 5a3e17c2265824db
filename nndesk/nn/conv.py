"""Convolution and pooling layers on (N, C, H, W) batches: im2col + one GEMM, strided views."""

from __future__ import annotations

from typing import Any

import numpy as np

from nndesk.nn.base import Layer, Setting
from nndesk.nn.im2col import col2im, im2col, out_size, windows
from nndesk.nn.init import init_std, init_weights

__all__ = ["Conv2D", "MaxPool2D", "AvgPool2D"]


def _image_shape(layer: str, input_shape: tuple[int, ...]) -> tuple[int, int, int]:
    """(C, H, W) or a ValueError telling the learner that this layer needs an image."""
    if len(input_shape) != 3:
        size = "x".join(map(str, input_shape))
        raise ValueError(f"needs an image (channels x height x width), but its input is "
                         f"{size} numbers in a row; put {layer} before any Dense or Flatten")
    return input_shape  # type: ignore[return-value]


class Conv2D(Layer):
    """Slides `filters` small kernels over the image: each one finds a pattern, anywhere."""

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
        W, b = self.params["W"], self.params["b"]
        n, k = x.shape[0], self.kernel_size
        self.x_shape = x.shape
        self.col = im2col(x, k, k, self.stride, self.pad)           # (N*OH*OW, C*K*K)
        out = self.col @ W.reshape(self.filters, -1).T + b          # (N*OH*OW, F)
        oh = out_size(x.shape[2], k, self.stride, self.pad)
        return out.reshape(n, oh, -1, self.filters).transpose(0, 3, 1, 2)

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        W, k = self.params["W"], self.kernel_size
        dout2 = dout.transpose(0, 2, 3, 1).reshape(-1, self.filters)  # (N*OH*OW, F)
        self.grads = {"W": (dout2.T @ self.col).reshape(W.shape), "b": dout2.sum(axis=0)}
        if not self.needs_dx:
            return None
        dcol = dout2 @ W.reshape(self.filters, -1)                    # (N*OH*OW, C*K*K)
        return col2im(dcol, self.x_shape, k, k, self.stride, self.pad)


class _Pool(Layer):
    """Shared by the pools: a pool_size window moved by stride (default: pool_size)."""

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

    def _tiles(self, x: np.ndarray) -> np.ndarray | None:
        """Non-overlapping windows as a reshape view (N, C, OH, P, OW, P), else None."""
        p = self.pool_size
        if self.step != p:
            return None
        n, c, h, w = x.shape
        return x[:, :, :h // p * p, :w // p * p].reshape(n, c, h // p, p, w // p, p)

    def _scatter(self, parts: np.ndarray, out_hw: tuple[int, int]) -> np.ndarray:
        """Gradient from overlapping windows: parts (N, C, OH, OW, P, P) summed onto the image."""
        p, s = self.pool_size, self.step
        oh, ow = out_hw
        dx = np.zeros(self.x_shape, dtype=parts.dtype)
        for i in range(p):
            for j in range(p):
                dx[:, :, i:i + s * oh:s, j:j + s * ow:s] += parts[:, :, :, :, i, j]
        return dx

    def _untile(self, dtiles: np.ndarray) -> np.ndarray:
        """(N, C, OH, P, OW, P) tile gradients back to the input's shape (zeros at cut edges)."""
        n, c, oh, p, ow, _ = dtiles.shape
        if self.x_shape[2:] == (oh * p, ow * p):
            return dtiles.reshape(self.x_shape)
        dx = np.zeros(self.x_shape, dtype=dtiles.dtype)
        dx[:, :, :oh * p, :ow * p] = dtiles.reshape(n, c, oh * p, ow * p)
        return dx


class MaxPool2D(_Pool):
    """Keeps the largest value of each window: smaller maps, robust to small shifts."""

    DOC = "Max pooling: keeps the largest value in each window (ch. 7)."

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.mask: np.ndarray | None = None

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        self.x_shape = x.shape
        tiles = self._tiles(x)
        if tiles is not None:
            out = tiles.max(axis=(3, 5))                             # (N, C, OH, OW)
            self.mask = tiles == out[:, :, :, None, :, None]         # where the max came from
            return out
        win = windows(x, self.pool_size, self.pool_size, self.step)  # (N, C, OH, OW, P, P)
        out = win.max(axis=(4, 5))
        self.mask = win == out[..., None, None]
        return out

    def backward(self, dout: np.ndarray) -> np.ndarray:
        mask = self.mask
        if self.step == self.pool_size:                              # tiles (N, C, OH, P, OW, P)
            count = mask.sum(axis=(3, 5), dtype=dout.dtype)          # >1 only where values tie
            share = dout / count if count.max() > 1 else dout
            return self._untile(mask * share[:, :, :, None, :, None])
        count = mask.sum(axis=(4, 5), dtype=dout.dtype)
        share = dout / count if count.max() > 1 else dout
        return self._scatter(mask * share[..., None, None], dout.shape[2:])


class AvgPool2D(_Pool):
    """Averages each window: smaller maps that keep every input's share."""

    DOC = "Average pooling: the mean of each window."

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        self.x_shape = x.shape
        tiles = self._tiles(x)
        if tiles is not None:
            return tiles.mean(axis=(3, 5))
        return windows(x, self.pool_size, self.pool_size, self.step).mean(axis=(4, 5))

    def backward(self, dout: np.ndarray) -> np.ndarray:
        p = self.pool_size
        share = dout / (p * p)                                       # (N, C, OH, OW)
        n, c, oh, ow = dout.shape
        if self.step == p:
            return self._untile(np.broadcast_to(share[:, :, :, None, :, None],
                                                (n, c, oh, p, ow, p)))
        return self._scatter(np.broadcast_to(share[..., None, None], (n, c, oh, ow, p, p)),
                             (oh, ow))
