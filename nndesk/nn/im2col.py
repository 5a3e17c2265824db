"""im2col / col2im: convolution as matrix products over strided views of the image.

Layout: col is (N, C*KH*KW, OH*OW), one column per output pixel and one matrix per image.
Unlike the book's (N*OH*OW, C*KH*KW) this lets `W (F, C*KH*KW) @ col` give (N, F, OH*OW),
which is already the (N, F, OH, OW) output: no transpose copy in forward or backward.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view

from nndesk.nn.parallel import for_batch

__all__ = ["out_size", "zero_pad", "windows", "im2col", "col2im", "im2col_wide", "col2im_wide",
           "im2col_rows", "conv_rows"]


def out_size(size: int, kernel: int, stride: int, pad: int = 0) -> int:
    """Output length along one axis: (size + 2*pad - kernel) // stride + 1."""
    return (size + 2 * pad - kernel) // stride + 1


def zero_pad(x: np.ndarray, pad: int) -> np.ndarray:
    """(N, C, H, W) -> (N, C, H + 2*pad, W + 2*pad): `pad` zero pixels on every side."""
    if pad == 0:
        return x
    out = np.zeros(x.shape[:2] + (x.shape[2] + 2 * pad, x.shape[3] + 2 * pad), dtype=x.dtype)
    out[:, :, pad:-pad, pad:-pad] = x
    return out


def windows(x: np.ndarray, kh: int, kw: int, stride: int) -> np.ndarray:
    """(N, C, H, W) -> view (N, C, KH, KW, OH, OW): for each kernel offset, the strided
    image it meets. No copy."""
    view = sliding_window_view(x, (kh, kw), axis=(2, 3))    # (N, C, H', W', KH, KW)
    return view[:, :, ::stride, ::stride].transpose(0, 1, 4, 5, 2, 3)


def im2col(x: np.ndarray, kh: int, kw: int, stride: int = 1, pad: int = 0,
           out: np.ndarray | None = None) -> np.ndarray:
    """(N, C, H, W) -> col (N, C*KH*KW, OH*OW): one copy of a strided view, no Python loop.
    With `out` (a buffer of that shape) the copy goes there."""
    w = windows(zero_pad(x, pad), kh, kw, stride)            # (N, C, KH, KW, OH, OW)
    n, c, _, _, oh, ow = w.shape
    if out is None:
        return w.reshape(n, c * kh * kw, oh * ow)
    np.copyto(out.reshape(w.shape), w)
    return out


def col2im(col: np.ndarray, x_shape: tuple[int, ...], kh: int, kw: int, stride: int = 1,
           pad: int = 0) -> np.ndarray:
    """The adjoint of im2col, for gradients: add every column entry back onto its pixel.

    A loop over the KH*KW kernel offsets (at most a few dozen), each one whole-array add.
    """
    n, c, h, w = x_shape
    oh, ow = out_size(h, kh, stride, pad), out_size(w, kw, stride, pad)
    col = col.reshape(n, c, kh, kw, oh, ow)
    img = np.zeros((n, c, h + 2 * pad, w + 2 * pad), dtype=col.dtype)
    for i in range(kh):
        for j in range(kw):
            img[:, :, i:i + stride * oh:stride, j:j + stride * ow:stride] += col[:, :, i, j]
    return img[:, :, pad:pad + h, pad:pad + w]


# Stride 1, the common case, has a faster layout: compute every output row over the full
# padded width Wp instead of OW. Then each kernel offset (i, j) reads ONE contiguous run of
# the flattened padded image, starting at i*Wp + j, so the copy is a memcpy of long runs. The
# last Wp - OW columns of each output row are junk and are cut off (or given zero gradient).

def _padded_flat(x: np.ndarray, pad: int, extra: int) -> np.ndarray:
    """(N, C, H, W) -> zero-padded (N, C, Hp*Wp + extra) buffer, flattened per channel."""
    n, c, h, w = x.shape
    hp, wp = h + 2 * pad, w + 2 * pad
    buf = np.zeros((n, c, hp * wp + extra), dtype=x.dtype)
    buf[:, :, :hp * wp].reshape(n, c, hp, wp)[:, :, pad:pad + h, pad:pad + w] = x
    return buf


def im2col_wide(x: np.ndarray, kh: int, kw: int, pad: int = 0,
                out: np.ndarray | None = None) -> np.ndarray:
    """Stride-1 im2col: (N, C, H, W) -> (N, C*KH*KW, OH*Wp), Wp = W + 2*pad (into `out`
    if given)."""
    n, c, h, w = x.shape
    wp = w + 2 * pad
    oh = h + 2 * pad - kh + 1
    buf = _padded_flat(x, pad, kw - 1)          # the last run reads kw-1 past the image
    s_n, s_c, s_e = buf.strides
    view = as_strided(buf, shape=(n, c, kh, kw, oh * wp),
                      strides=(s_n, s_c, wp * s_e, s_e, s_e), writeable=False)
    if out is None:
        return view.reshape(n, c * kh * kw, oh * wp)
    np.copyto(out.reshape(view.shape), view)
    return out


def col2im_wide(col: np.ndarray, x_shape: tuple[int, ...], kh: int, kw: int,
                pad: int = 0) -> np.ndarray:
    """Adjoint of im2col_wide: K*K adds of contiguous runs; junk columns must hold zeros."""
    n, c, h, w = x_shape
    hp, wp = h + 2 * pad, w + 2 * pad
    run = (hp - kh + 1) * wp
    col = col.reshape(n, c, kh, kw, run)
    img = np.zeros((n, c, hp * wp + kw - 1), dtype=col.dtype)
    for i in range(kh):
        for j in range(kw):
            img[:, :, i * wp + j:i * wp + j + run] += col[:, :, i, j]
    img = img[:, :, :hp * wp].reshape(n, c, hp, wp)
    return img[:, :, pad:pad + h, pad:pad + w]


# The book's own layout (ch. 7.4.3) has one ROW per output pixel: rows (N*OH*OW, KH*KW*C)
# @ W (KH*KW*C, F). Built from a channels-last (NHWC) copy of the image, each row's (KW, C)
# block for one kernel row is one contiguous run of KW*C values, so the copy moves long runs;
# and the GEMM, one tall product over the whole slice of images, runs faster than F-row ones.
# Its price: the output comes channels-last and needs one transposed copy. Conv2D no longer
# uses it (issue 16 fifth pass: the layers whose backward needs no column matrix now train
# their forward in the frequency domain, fftconv.conv_forward); benchmarks/fastpaths.py
# still measures it against im2col.

def im2col_rows(x: np.ndarray, kh: int, kw: int, stride: int = 1, pad: int = 0,
                out: np.ndarray | None = None) -> np.ndarray:
    """(N, C, H, W) -> rows (N, OH, OW, KH, KW*C), the book's row layout with channels last
    in each row ((kh, kw, c) order), into `out` if given. One NHWC padded copy of x, then one
    copy of a strided view whose inner runs are KW*C values long."""
    n, c, h, w = x.shape
    oh, ow = out_size(h, kh, stride, pad), out_size(w, kw, stride, pad)
    nhwc = np.zeros((n, h + 2 * pad, w + 2 * pad, c), x.dtype)
    nhwc[:, pad:pad + h, pad:pad + w] = x.transpose(0, 2, 3, 1)
    s_n, s_h, s_w, s_c = nhwc.strides
    view = as_strided(nhwc, shape=(n, oh, ow, kh, kw * c),
                      strides=(s_n, stride * s_h, stride * s_w, s_h, s_c), writeable=False)
    if out is None:
        out = np.empty(view.shape, x.dtype)
    np.copyto(out.reshape(view.shape), view)
    return out


def conv_rows(x: np.ndarray, W: np.ndarray, b: np.ndarray, stride: int, pad: int,
              rows: np.ndarray) -> np.ndarray:
    """Convolution forward in the row layout: x (N, C, H, W), W (F, C, K, K), b (F,) ->
    (N, F, OH, OW), the same numbers as im2col + W @ col (tests/nn/test_im2col.py). `rows`:
    a (N, OH, OW, K, K*C) work buffer. The images are split between the batch workers.
    Replaces Conv2D.forward's column layout where no column matrix is kept: 0.8x its time on
    DigitNet's 32->64 5x5 layer (benchmarks/PROFILE.md, issue 16)."""
    n, c, h, w = x.shape
    f, k = W.shape[0], W.shape[2]
    oh, ow = out_size(h, k, stride, pad), out_size(w, k, stride, pad)
    W_cols = np.ascontiguousarray(W.transpose(2, 3, 1, 0).reshape(k * k * c, f))
    out = np.empty((n, f, oh, ow), x.dtype)
    px = oh * ow                                              # output pixels per image

    def images(i: int, j: int) -> None:
        im2col_rows(x[i:j], k, k, stride, pad, out=rows[i:j])
        y = rows[i:j].reshape(j - i, px, -1) @ W_cols       # (n, OH*OW, F), channels last:
        # one GEMM per image, so a slice's size never changes an image's numbers
        np.add(y.reshape(j - i, oh, ow, f).transpose(0, 3, 1, 2), b.reshape(f, 1, 1),
               out=out[i:j])

    for_batch(images, n)
    return out
