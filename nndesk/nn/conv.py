"""The convolution layer on (N, C, H, W) batches: im2col + GEMMs, the images split between
the batch workers (parallel.py). The pooling layers live in pool.py (imported here too)."""

from __future__ import annotations

from typing import Any

import numpy as np

from nndesk.nn import conv_wide, fftconv
from nndesk.nn.base import Layer, Setting
from nndesk.nn.im2col import col2im, im2col_wide, out_size, windows, zero_pad
from nndesk.nn.init import init_std, init_weights
from nndesk.nn.parallel import for_batch
from nndesk.nn.pool import AvgPool2D, MaxPool2D, image_shape

__all__ = ["Conv2D", "MaxPool2D", "AvgPool2D"]  # the pools: from pool.py

CHUNK_BYTES = 2 << 20   # column matrices built a chunk of images at a time stay about this big
FLAT_CHUNK_BYTES = 3 << 20  # `_dx_flat`'s dcol per slice: 25 of LeNet5's conv 2 images


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
        self.x: np.ndarray | None = None
        self.col: np.ndarray | None = None
        self.frames: np.ndarray | None = None   # conv_wide's padded frames of x
        self.frames_for: tuple[int, ...] | None = None   # the x shape they were made for
        self.x_freq: tuple | None = None        # fftconv's spectra of x (conjugated) and W

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        c, h, w = image_shape("Conv2D", input_shape)
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
        W, k, s, p = self.params["W"], self.kernel_size, self.stride, self.pad
        n, c, h, w = self.x_shape = x.shape
        oh, ow = out_size(h, k, s, p), out_size(w, k, s, p)
        self.x = x if train else None
        if self.wide_pays():                    # padded-width frames (conv_wide.py)
            self.col = None
            frames = self.scratch("frames", conv_wide.frames_shape(x.shape, k, p, x.itemsize),
                                  x.dtype) if train else None
            zeroed = frames is self.frames and x.shape == self.frames_for  # borders still 0
            self.frames, self.frames_for = frames, x.shape   # the padded x, kept for backward
            return conv_wide.forward(x, W, self.params["b"], p, frames, zeroed)
        self.x_freq = None
        if self.fft_pays():                     # training, backward in the frequency domain:
            self.col = None                     # forward there too, x's spectrum kept for it
            out, self.x_freq = fftconv.conv_forward(x, W, self.params["b"], p)
            return out
        col = self.scratch("col", (n, c * k * k, oh * ow), x.dtype, keep=train)
        out = np.empty((n, self.filters, oh * ow), x.dtype)         # (N, F, OH*OW)
        W_rows, b = W.reshape(self.filters, -1), self.params["b"][:, None]
        # im2col's strided view made once for the batch, so that a slice's columns are one
        # copy (the view's Python overhead per slice held the GIL: LeNet5's 2-worker step
        # 0.92-0.95x, benchmarks/PROFILE.md, issue 16 fifth pass); the same copy as im2col().
        win = windows(zero_pad(x, p), k, k, s)                      # (N, C, K, K, OH, OW)

        def images(i: int, j: int) -> None:                        # images i..j-1
            np.copyto(col[i:j].reshape(win[i:j].shape), win[i:j])   # (n, C*K*K, OH*OW)
            np.matmul(W_rows, col[i:j], out=out[i:j])               # (n, F, OH*OW)
            out[i:j] += b

        for_batch(images, n, nbytes=col.nbytes + out.nbytes)
        self.col, self.x = col, (x if train else None)
        return out.reshape(n, self.filters, oh, ow)

    def wide_pays(self) -> bool:
        """Whether forward and backward take `conv_wide` (padded-width frames): stride 1,
        3x3 kernels, pad <= 2, 16 or more input channels (DeepConvNet's layers but its
        first). Measured 0.85-0.9x the im2col path's DeepConvNet step (benchmarks/PROFILE.md,
        issue 16 fourth pass)."""
        return (self.stride == 1 and self.kernel_size == 3 and self.pad <= 2
                and self.x_shape[1] >= 16)

    def fft_pays(self) -> bool:
        """Whether training runs in the frequency domain (`fftconv.conv_forward`, then
        `fftconv.conv_grads`): stride 1, kernels 5x5 or larger, 6 or more input channels.
        Its cost hardly grows with K*K, the im2col path's does. Whole step, interleaved
        (benchmarks/PROFILE.md, issue 16 fifth pass): DigitNet (32->64) 0.79x, LeNet5's conv 2
        (6->16) 0.83x, LeNet5's conv 1 (1 channel) 1.10x; backward alone gave nothing on
        DeepConvNet's 3x3 layers (second pass)."""
        c = self.x_shape[1]
        return (self.stride == 1 and self.x is not None and self.kernel_size >= 5
                and c >= 6)

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        """dW = sum over images of dout @ col^T (computed as its transpose col @ dout^T, which
        OpenBLAS runs faster here: 0.65-0.9x, benchmarks/PROFILE.md, issue 16 third pass),
        db = dout summed over images and pixels;
        dx by the cheapest of three equal ways (`_dx_col2im`, `_dx_flipped`, `_dx_flat`).
        Per-image products are summed in image order whatever the worker count: same numbers."""
        W = self.params["W"]
        n, f, oh, ow = dout.shape
        if self.wide_pays():                                        # padded-width frames
            dW, db, dx = conv_wide.backward(dout, self.x_shape, W, self.pad, self.frames,
                                            self.needs_dx)
            self.grads = {"W": dW, "b": db}
            return dx
        if self.fft_pays():                                         # the frequency domain
            dW, dx = fftconv.conv_grads(dout, self.x, W, self.pad, self.needs_dx, self.x_freq)
            self.grads = {"W": dW, "b": dout.sum(axis=(0, 2, 3))}
            return dx
        d = dout.reshape(n, f, oh * ow)                             # (N, F, OH*OW)
        dWs = self.scratch("dWs", (n, W[0].size, f), d.dtype)       # one dW^T per image
        dbs = np.empty((n, f), d.dtype)
        ones = np.ones(oh * ow, d.dtype)

        def images(i: int, j: int) -> None:                        # dW^T = col @ dout^T:
            np.matmul(self.col[i:j], d[i:j].transpose(0, 2, 1), out=dWs[i:j])  # 0.7x dout @
            np.matmul(d[i:j], ones, out=dbs[i:j])                   # col^T on LeNet5's conv 2

        for_batch(images, n, nbytes=self.col.nbytes + d.nbytes)
        dW = np.empty(dWs.shape[1:], d.dtype)                      # (C*K*K, F)
        for_batch(lambda a, b: np.sum(dWs[:, a:b], axis=0, out=dW[a:b]), dW.shape[0],
                  nbytes=dWs.nbytes)
        self.grads = {"W": np.ascontiguousarray(dW.T).reshape(W.shape), "b": dbs.sum(axis=0)}
        if not self.needs_dx:
            return None
        c, h, w = self.x_shape[1:]
        if self.stride != 1:
            return self._dx_col2im(d)
        if f * h * w <= c * (oh * ow + h * w):                      # measured: cheaper here
            return self._dx_flipped(dout)
        return self._dx_flat(dout)

    def _dx_col2im(self, d: np.ndarray) -> np.ndarray:
        """The book's input gradient (ch. 7.4.3): dcol = W^T @ dout, then col2im adds every
        column entry back onto its pixel. d: (N, F, OH*OW) -> dx (N, C, H, W). Any stride."""
        W, k, n = self.params["W"], self.kernel_size, len(d)
        dcol = self.scratch("dcol", (n, W[0].size, d.shape[2]), d.dtype)
        dx = np.empty(self.x_shape, d.dtype)

        def images(i: int, j: int) -> None:
            np.matmul(W.reshape(len(W), -1).T, d[i:j], out=dcol[i:j])  # (n, C*K*K, OH*OW)
            dx[i:j] = col2im(dcol[i:j], (j - i, *self.x_shape[1:]), k, k, self.stride,
                             self.pad)

        for_batch(images, n)
        return dx

    def _dx_flat(self, dout: np.ndarray) -> np.ndarray:
        """Stride-1 fast path of `_dx_col2im`, replacing the padded-width col2im (one GEMM per
        image, then K*K adds each over N*C strided runs of OH*Wp values): each channel of a
        slice of images is ONE flat row, image after image, each image its padded Hp x Wp
        frame (dout widened with zeros beyond OH x OW). Then dcol = W^T @ dout is one GEMM
        (K*K*C, F) @ (F, n*Hp*Wp) per slice, and kernel offset (i, j) adds row (i, j, c) of
        dcol onto the flat image at i*Wp + j: K*K*C contiguous adds of n*Hp*Wp values. The
        zeros beyond OH x OW spill into the next image's frame, adding nothing; each slice
        has its own accumulator, so slices never share memory. Same numbers as col2im (the
        same products, added in the same offset order). Slices of about FLAT_CHUNK_BYTES of
        dcol, one work array per slice of the batch workers, reused for its slices.
        LeNet5's conv 2 backward in the training step: 0.9x its time with the padded-width
        col2im (benchmarks/PROFILE.md, issue 16 third pass)."""
        W, k, p = self.params["W"], self.kernel_size, self.pad
        n, f, oh, ow = dout.shape
        c, h, w = self.x_shape[1:]
        hp, wp = h + 2 * p, w + 2 * p
        px = hp * wp                                                # one image's flat frame
        spill = (k - 1) * wp + k - 1                                # the largest offset
        wide = self.scratch("flat", (f, n, hp, wp), dout.dtype)     # beyond OH x OW: zeros
        wide[:, :, :oh, :ow] = dout.transpose(1, 0, 2, 3)
        flat = wide.reshape(f, n * px)
        W_k = W.transpose(2, 3, 1, 0).reshape(k * k * c, f)         # rows in (i, j, c) order
        step = max(1, FLAT_CHUNK_BYTES // (k * k * c * px * dout.itemsize))
        dx = np.empty(self.x_shape, dout.dtype)

        def images(i: int, j: int) -> None:                        # one dcol per slice, reused
            dcol = np.empty((k * k * c, min(step, j - i) * px), dout.dtype)
            img = np.empty((c, min(step, j - i) * px + spill), dout.dtype)
            for s in range(i, j, step):
                m = min(step, j - s)
                part = np.matmul(W_k, flat[:, s * px:(s + m) * px], out=dcol[:, :m * px])
                offsets = part.reshape(k, k, c, m * px)
                acc = img[:, :m * px + spill]
                acc.fill(0)
                for a in range(k):
                    for b in range(k):
                        acc[:, a * wp + b:a * wp + b + m * px] += offsets[a, b]
                frames = acc[:, :m * px].reshape(c, m, hp, wp)
                dx[s:s + m] = frames[:, :, p:p + h, p:p + w].transpose(1, 0, 2, 3)

        for_batch(images, n, min_size=step)
        return dx

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
        dx = np.empty((n, c, rows), dout.dtype)                     # (N, C, H*(W+k-1))

        def images(i: int, j: int) -> None:
            col = np.empty((min(step, j - i), f * k * k, rows), dout.dtype)
            for s in range(i, j, step):
                part = dout[s:min(s + step, j)]
                np.matmul(W_rot, im2col_wide(part, k, k, q, out=col[:len(part)]),
                          out=dx[s:s + len(part)])

        for_batch(images, n, min_size=step)
        return dx.reshape(n, c, h, -1)[:, :, :, :w]
