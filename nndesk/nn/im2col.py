"""im2col / col2im: convolution and pooling as matrix products over strided views.

A view never copies: `windows(x, kh, kw, stride)` is (N, C, OH, OW, KH, KW) over x's memory,
and `im2col` makes the one copy a GEMM needs. Shapes follow the book: col is
(N*OH*OW, C*KH*KW), one row per output pixel.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

__all__ = ["out_size", "pad", "windows", "im2col", "col2im"]


def out_size(size: int, kernel: int, stride: int, padding: int = 0) -> int:
    """Output length along one axis: (size + 2*pad - kernel) // stride + 1."""
    return (size + 2 * padding - kernel) // stride + 1


def pad(x: np.ndarray, p: int) -> np.ndarray:
    """Zero-pad the two spatial axes of (N, C, H, W) by p on every side."""
    if p == 0:
        return x
    out = np.zeros(x.shape[:2] + (x.shape[2] + 2 * p, x.shape[3] + 2 * p), dtype=x.dtype)
    out[:, :, p:-p, p:-p] = x
    return out


def windows(x: np.ndarray, kh: int, kw: int, stride: int) -> np.ndarray:
    """(N, C, H, W) -> view (N, C, OH, OW, KH, KW) of every kh x kw window, no copy."""
    view = sliding_window_view(x, (kh, kw), axis=(2, 3))
    return view[:, :, ::stride, ::stride]


def im2col(x: np.ndarray, kh: int, kw: int, stride: int = 1, padding: int = 0) -> np.ndarray:
    """(N, C, H, W) -> col (N*OH*OW, C*KH*KW): one copy of the strided view, no Python loop."""
    w = windows(pad(x, padding), kh, kw, stride)          # (N, C, OH, OW, KH, KW)
    n, c, oh, ow = w.shape[:4]
    return w.transpose(0, 2, 3, 1, 4, 5).reshape(n * oh * ow, c * kh * kw)


def col2im(col: np.ndarray, x_shape: tuple[int, ...], kh: int, kw: int, stride: int = 1,
           padding: int = 0) -> np.ndarray:
    """Inverse of im2col for gradients: sum every window's entries back onto the image.

    A loop over the KH*KW kernel offsets (at most a few dozen), each one whole-array add.
    """
    n, c, h, w = x_shape
    oh, ow = out_size(h, kh, stride, padding), out_size(w, kw, stride, padding)
    col = col.reshape(n, oh, ow, c, kh, kw).transpose(0, 3, 4, 5, 1, 2)  # (N, C, KH, KW, OH, OW)
    img = np.zeros((n, c, h + 2 * padding, w + 2 * padding), dtype=col.dtype)
    for i in range(kh):
        for j in range(kw):
            img[:, :, i:i + stride * oh:stride, j:j + stride * ow:stride] += col[:, :, i, j]
    return img[:, :, padding:padding + h, padding:padding + w]
