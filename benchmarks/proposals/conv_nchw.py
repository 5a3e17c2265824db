"""Proposal: convolution with a per-image column layout that keeps NCHW contiguous end to end.

The engine's im2col builds col (N*OH*OW, C*K*K) and returns `out.reshape(N, OH, OW, F)
.transpose(0, 3, 1, 2)`: a non-contiguous view, so every later pass (ReLU, pooling, their
backward, the next im2col) walks memory with large strides. Here col is (N, C*K*K, OH*OW)
(Caffe's layout): the copy into it reads rows of the image, the forward product
W (F, C*K*K) @ col[n] lands directly in a contiguous (N, F, OH*OW), and the backward's
dcol (N, C, K, K, OH, OW) is contiguous for col2im's K*K strided adds.
Same vocabulary as the book (col, col_W, dW, db); same results to float32 rounding.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

__all__ = ["col2im_nchw", "conv_backward", "conv_forward", "im2col_nchw"]


def _pad(x: np.ndarray, p: int) -> np.ndarray:
    if p == 0:
        return x
    out = np.zeros(x.shape[:2] + (x.shape[2] + 2 * p, x.shape[3] + 2 * p), dtype=x.dtype)
    out[:, :, p:-p, p:-p] = x
    return out


def im2col_nchw(x: np.ndarray, k: int, stride: int, pad: int) -> np.ndarray:
    """(N, C, H, W) -> col (N, C*K*K, OH*OW): rows of windows, copied with the image's rows."""
    win = sliding_window_view(_pad(x, pad), (k, k), axis=(2, 3))[:, :, ::stride, ::stride]
    n, c, oh, ow = win.shape[:4]
    return win.transpose(0, 1, 4, 5, 2, 3).reshape(n, c * k * k, oh * ow)


def col2im_nchw(dcol: np.ndarray, x_shape: tuple, k: int, stride: int, pad: int) -> np.ndarray:
    """dcol (N, C*K*K, OH*OW) summed back onto the (N, C, H, W) image: K*K whole-array adds."""
    n, c, h, w = x_shape
    oh, ow = (h + 2 * pad - k) // stride + 1, (w + 2 * pad - k) // stride + 1
    dcol = dcol.reshape(n, c, k, k, oh, ow)                        # contiguous
    img = np.zeros((n, c, h + 2 * pad, w + 2 * pad), dtype=dcol.dtype)
    for i in range(k):
        for j in range(k):
            img[:, :, i:i + stride * oh:stride, j:j + stride * ow:stride] += dcol[:, :, i, j]
    return img[:, :, pad:pad + h, pad:pad + w] if pad else img


def conv_forward(x: np.ndarray, W: np.ndarray, b: np.ndarray, stride: int = 1, pad: int = 0
                 ) -> tuple[np.ndarray, np.ndarray]:
    """(N, C, H, W) -> contiguous (N, F, OH, OW), and col for the backward pass."""
    f, _, k, _ = W.shape
    n = x.shape[0]
    oh = (x.shape[2] + 2 * pad - k) // stride + 1
    col = im2col_nchw(x, k, stride, pad)                           # (N, CKK, OH*OW)
    out = np.matmul(W.reshape(f, -1), col)                         # (N, F, OH*OW)
    out += b[:, None]
    return out.reshape(n, f, oh, -1), col


def conv_backward(dout: np.ndarray, col: np.ndarray, W: np.ndarray, x_shape: tuple,
                  stride: int = 1, pad: int = 0, needs_dx: bool = True):
    """dx (or None), dW, db from dout (N, F, OH, OW) and the forward's col."""
    n, f = dout.shape[:2]
    k = W.shape[2]
    dout = np.ascontiguousarray(dout).reshape(n, f, -1)           # (N, F, OH*OW)
    # dW = sum_n dout[n] @ col[n].T: a stack of GEMMs then one sum (tensordot would first
    # copy col into (CKK, N*P), a whole extra pass over the largest array)
    dW = np.matmul(dout, col.transpose(0, 2, 1)).sum(axis=0).reshape(W.shape)
    db = dout.sum(axis=(0, 2))
    if not needs_dx:
        return None, dW, db
    if stride == 1 and pad <= k - 1:
        return conv_dx_gemm(dout.reshape(n, f, *_out_hw(x_shape, k, stride, pad)), W, x_shape,
                            pad), dW, db
    dcol = np.matmul(W.reshape(f, -1).T, dout)                     # (N, CKK, OH*OW)
    return col2im_nchw(dcol, x_shape, k, stride, pad), dW, db


def _out_hw(x_shape: tuple, k: int, stride: int, pad: int) -> tuple[int, int]:
    return ((x_shape[2] + 2 * pad - k) // stride + 1, (x_shape[3] + 2 * pad - k) // stride + 1)


def conv_dx_gemm(dout: np.ndarray, W: np.ndarray, x_shape: tuple, pad: int) -> np.ndarray:
    """Input gradient of a stride-1 convolution as ONE more convolution, no scatter-add.

    dx = dout (padded by K-1-pad) correlated with the kernels flipped in space and with
    input/output channels swapped: dx[n, c] = sum_f dout_pad[n, f] * flip(W[f, c]).
    """
    f, c, k, _ = W.shape
    w_flip = W[:, :, ::-1, ::-1].transpose(1, 0, 2, 3).reshape(c, f * k * k)  # (C, F*K*K)
    col = im2col_nchw(dout, k, 1, k - 1 - pad)                    # (N, F*K*K, H*W)
    return np.matmul(w_flip, col).reshape(x_shape)
