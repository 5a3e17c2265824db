"""Pooling layers on (N, C, H, W) batches: strided slices, one whole-array operation each."""

from __future__ import annotations

from typing import Any

import numpy as np

from nndesk.nn.base import Layer, Setting
from nndesk.nn.im2col import out_size
from nndesk.nn.parallel import for_batch, in_pieces

__all__ = ["MaxPool2D", "AvgPool2D", "image_shape"]


def image_shape(layer: str, input_shape: tuple[int, ...]) -> tuple[int, int, int]:
    """(C, H, W) or a ValueError telling the learner that this layer needs an image."""
    if len(input_shape) != 3:
        size = "x".join(map(str, input_shape))
        raise ValueError(f"needs an image (channels x height x width), but its input is "
                         f"{size} numbers in a row; put {layer} before any Dense or Flatten")
    return input_shape  # type: ignore[return-value]


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
        c, h, w = image_shape(self.type, input_shape)
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
        passes (benchmarks/PROFILE.md, "Fast paths"); in cache-sized pieces (`parallel.in_pieces`,
        issue 16 fourth pass). Evaluation takes the general path."""
        n, c, h, w = x.shape
        self.right = np.empty((n, c, h, w // 2), bool)              # (N, C, H, OW)
        self.lower = np.empty((n, c, h // 2, w // 2), bool)         # (N, C, OH, OW)
        out = np.empty((n, c, h // 2, w // 2), x.dtype)

        def images(i: int, j: int) -> None:
            cols = x[i:j].reshape(j - i, c, h, w // 2, 2)
            np.greater(cols[..., 1], cols[..., 0], out=self.right[i:j])
            rows = np.maximum(cols[..., 0], cols[..., 1]).reshape(j - i, c, h // 2, 2, w // 2)
            np.greater(rows[:, :, :, 1], rows[:, :, :, 0], out=self.lower[i:j])
            np.maximum(rows[:, :, :, 0], rows[:, :, :, 1], out=out[i:j])

        for_batch(in_pieces(images, c * h * w * x.itemsize), n, nbytes=x.nbytes)
        return out

    def _backward_2x2(self, dout: np.ndarray) -> np.ndarray:
        """dout to the winning row, then to the winning column, from `_forward_2x2`'s masks."""
        n, c, oh, ow = dout.shape
        dx = np.empty((n, c, 2 * oh, ow, 2), dout.dtype)            # (N, C, H, OW, 2)

        def images(i: int, j: int) -> None:
            rows = np.empty((j - i, c, oh, 2, ow), dout.dtype)      # dout to the winning row
            np.multiply(dout[i:j], self.lower[i:j], out=rows[:, :, :, 1])
            np.subtract(dout[i:j], rows[:, :, :, 1], out=rows[:, :, :, 0])  # dout or 0
            rows = rows.reshape(j - i, c, 2 * oh, ow)               # then to the winning column
            np.multiply(rows, self.right[i:j], out=dx[i:j, ..., 1])
            np.subtract(rows, dx[i:j, ..., 1], out=dx[i:j, ..., 0])

        for_batch(in_pieces(images, 4 * c * oh * ow * dout.itemsize), n, nbytes=5 * dout.nbytes)
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
