"""Proposal: max pooling by strided slices with a one-byte argmax, and pooling before ReLU.

The engine's MaxPool2D keeps a boolean mask the size of its input and, in backward, sums it
over the window axes of a 6-d view (to split ties) and multiplies a broadcast 6-d array: three
slow passes. Here forward compares the P*P strided slices x[:, :, i::P, j::P] (each a quarter
of the input for P=2) keeping the first maximum, as the book's argmax and PyTorch do, and
backward writes dout into those same slices where the argmax points. No 6-d reductions.

ReLU and max pooling commute (ReLU is monotone), so Conv -> ReLU -> MaxPool can run as
Conv -> MaxPool -> ReLU: ReLU and its backward then touch P*P times fewer numbers, with the
same output and the same gradient.
"""

from __future__ import annotations

import numpy as np

__all__ = ["maxpool_backward", "maxpool_forward", "relu_backward", "relu_forward"]


def maxpool_forward(x: np.ndarray, p: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """(N, C, H, W) -> max of each p x p tile (N, C, H//p, W//p), and the argmax (uint8)."""
    oh, ow = x.shape[2] // p, x.shape[3] // p
    out = x[:, :, 0:oh * p:p, 0:ow * p:p].copy()
    arg = np.zeros(out.shape, dtype=np.uint8)
    step = np.empty_like(arg)
    for k in range(1, p * p):
        i, j = divmod(k, p)
        v = x[:, :, i:oh * p:p, j:ow * p:p]
        better = (v > out).view(np.uint8)                 # strict: the first maximum wins
        # branch-free (a masked copy mispredicts on random data): arg += better * (k - arg)
        np.subtract(np.uint8(k), arg, out=step)           # uint8 wrap-around cancels below
        step *= better
        arg += step
        np.maximum(out, v, out=out)
    return out, arg


def maxpool_backward(dout: np.ndarray, arg: np.ndarray, x_shape: tuple, p: int = 2
                     ) -> np.ndarray:
    """Route each dout value to the input pixel its window's maximum came from."""
    oh, ow = dout.shape[2], dout.shape[3]
    dx = np.zeros(x_shape, dtype=dout.dtype)             # cropped edges stay zero
    for k in range(p * p):
        i, j = divmod(k, p)
        np.multiply(dout, arg == k, out=dx[:, :, i:oh * p:p, j:ow * p:p])
    return dx


def relu_forward(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """max(0, x) and the mask of positive inputs."""
    mask = x > 0
    return np.maximum(x, 0), mask


def relu_backward(dout: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """dout where the input was positive, else 0 (both contiguous: one fast pass)."""
    return dout * mask
