"""Batch normalization: the layer, in few element-wise passes over the batch, and the book's
plain forward and backward, which the layer is tested against."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from nndesk.nn.base import Layer, Setting
from nndesk.nn.parallel import for_batch, in_pieces, workers

__all__ = ["BatchNorm", "book_forward", "book_backward"]


class BatchNorm(Layer):
    """Normalizes each feature (or channel) over the batch, then scales by gamma, shifts by beta.

    Ioffe & Szegedy 2015, Algorithm 1; the book's ch. 6.3. (N, D): statistics per feature
    over N; (N, C, H, W): per channel over N, H and W (spatial batch norm, as the book's
    ch. 7 nets). gamma, beta (D,) or (C,). Training uses the batch's mean and (biased)
    variance and updates running averages of them (running = momentum * running +
    (1 - momentum) * batch); evaluation uses the running ones. eps is added to the variance.
    The book's own code is `book_forward` / `book_backward` below; the layer gives the same
    numbers with fewer passes over memory (tests/nn/test_batchnorm.py).
    """

    DOC = "Batch normalization: zero mean, unit variance per feature over the batch (ch. 6)."
    SETTINGS = {
        "momentum": Setting("float", 0.9, 0.0, 0.9999, help="how slowly running stats move"),
        "eps": Setting("float", 1e-5, 1e-12, 1.0, help="added to the variance, avoids 1/0"),
    }

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.xc: np.ndarray | None = None       # x minus the mean used, (N, C*M)
        self.inv_std: np.ndarray | None = None  # (C,) 1 / sqrt(var + eps)
        self.train = False

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        if len(input_shape) not in (1, 3):
            raise ValueError(f"BatchNorm needs a vector or an image, not shape {input_shape}")
        return tuple(input_shape)

    def num_params(self, input_shape: tuple[int, ...]) -> int:
        return 2 * input_shape[0]

    def build(self, input_shape, rng, dtype, activation) -> None:
        c = input_shape[0]                                       # features or channels
        self.params = {"gamma": np.ones(c, dtype=dtype), "beta": np.zeros(c, dtype=dtype)}
        self.buffers = {"running_mean": np.zeros(c, dtype=dtype),
                        "running_var": np.ones(c, dtype=dtype)}

    @staticmethod
    def _per_channel(x: np.ndarray) -> tuple[np.ndarray, int]:
        """x as (N, C, M) samples per channel and M: (N, D) -> (N, D, 1), M = 1;
        (N, C, H, W) -> (N, C, H*W). A view where x is contiguous (every layer's output)."""
        m = math.prod(x.shape[2:])
        return x.reshape(x.shape[0], x.shape[1], m), m

    @staticmethod
    def _sums(a: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
        """Per-channel sum of a (or of a * b) over the batch: (N, C, M) -> (C,), never a
        (N, C, M) temporary: per-image sums (N, C) as GEMVs with a vector of ones (or an
        einsum), split between the batch workers and added in image order, so any worker
        count gives the same numbers. Replaces `(a * b).sum(axis=(0, 2))`, 2x slower
        (benchmarks/PROFILE.md, "Fast paths")."""
        n, c, m = a.shape
        if m == 1:                                               # vectors: (N, D)
            return (a if b is None else a * b).reshape(n, c).sum(axis=0)
        sums = np.empty((n, c), a.dtype)
        ones = np.ones(m, a.dtype)

        def images(i: int, j: int) -> None:
            if b is None:
                np.matmul(a[i:j], ones, out=sums[i:j])
            else:
                np.einsum("bcm,bcm->bc", a[i:j], b[i:j], out=sums[i:j])

        for_batch(images, n, nbytes=a.nbytes * (1 if b is None else 2))
        return sums.sum(axis=0)

    @staticmethod
    def _dout_sums(d3: np.ndarray, xc3: np.ndarray, out: np.ndarray, i: int, j: int) -> None:
        """Per image sum dout and sum dout * xc of images i..j-1 (d3, xc3 (N, C, M)) into
        out[0, i:j] and out[1, i:j] (C,) each, from one read of dout."""
        if d3.shape[2] == 1:               # vectors: the values (a GEMV per image is slow)
            np.copyto(out[0, i:j], d3[i:j, :, 0])
            np.multiply(d3[i:j, :, 0], xc3[i:j, :, 0], out=out[1, i:j])
            return
        np.matmul(d3[i:j], np.ones(d3.shape[2], d3.dtype), out=out[0, i:j])
        np.einsum("bcm,bcm->bc", d3[i:j], xc3[i:j], out=out[1, i:j])

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        """Per channel: out = gamma * (x - mu) / std + beta, in four passes over the batch
        plus one for the mean: x - mu (kept for backward), its squares summed, times
        gamma / std, plus beta. The per-channel vectors are spread over a row of C*M values
        once (`np.repeat`), so each pass is a plain element-wise operation on (N, C*M)
        arrays; a (C, 1) broadcast costs a call per row and is 1.4x slower (PROFILE.md,
        issue 16). Replaces the same formulas broadcast per channel."""
        x3, m = self._per_channel(x)
        n, c = x3.shape[:2]
        flat = x3.reshape(n, c * m)                              # (N, C*M)
        rm, rv = self.buffers["running_mean"], self.buffers["running_var"]
        xc = np.empty(flat.shape, flat.dtype)                    # x - mu, (N, C*M)
        if train:
            mu = self._sums(x3) / (n * m)
            mu_m = np.repeat(mu, m)                              # (C*M,)
            squares = np.empty((n, c), flat.dtype)               # per image sum (x - mu)^2

            def centre(i: int, j: int) -> None:                  # xc, then its squares
                np.subtract(flat[i:j], mu_m, out=xc[i:j])        # summed while in cache
                np.einsum("bcm,bcm->bc", *(xc[i:j].reshape(j - i, c, m),) * 2,
                          out=squares[i:j])

            for_batch(_passes(centre, flat[0].nbytes), n, nbytes=2 * flat.nbytes)
            var = squares.sum(axis=0) / (n * m)
            rm *= self.momentum
            rm += (1 - self.momentum) * mu
            rv *= self.momentum
            rv += (1 - self.momentum) * var
        else:
            np.subtract(flat, np.repeat(rm, m), out=xc)
            var = rv
        self.inv_std = 1 / np.sqrt(var + self.eps)               # (C,)
        self.xc, self.train = xc, train
        scale = np.repeat(self.params["gamma"] * self.inv_std, m)  # gamma / std, (C*M,)
        beta = np.repeat(self.params["beta"], m)
        out = np.empty(flat.shape, flat.dtype)

        def images(i: int, j: int) -> None:
            np.multiply(xc[i:j], scale, out=out[i:j])
            out[i:j] += beta

        for_batch(_passes(images, flat[0].nbytes), n, nbytes=3 * flat.nbytes)
        return out.reshape(x.shape)

    def backward(self, dout: np.ndarray) -> np.ndarray:
        """dx = gamma/std * (dout - mean(dout) - xn * mean(dout * xn)), means over the batch,
        xn = (x - mu) / std: the book's backward (`book_backward`) with its chain of
        intermediate gradients folded into one line; xn itself is never stored. Four
        element-wise passes on (N, C*M) after the two sums, as in `forward`."""
        d3, m = self._per_channel(dout)
        n, c = d3.shape[:2]
        xc3 = self.xc.reshape(n, c, m)
        sums = np.empty((2, n, c), d3.dtype)
        for_batch(_passes(lambda i, j: self._dout_sums(d3, xc3, sums, i, j), d3[0].nbytes), n,
                  nbytes=2 * d3.nbytes)
        dbeta, dgamma = sums[0].sum(axis=0), sums[1].sum(axis=0) * self.inv_std
        self.grads = {"gamma": dgamma, "beta": dbeta}
        k = np.repeat(self.params["gamma"] * self.inv_std, m)    # gamma / std
        c1 = np.repeat(self.inv_std * dgamma / (n * m), m)       # the statistics move with x
        c2 = np.repeat(dbeta / (n * m), m)
        d = d3.reshape(n, c * m)
        dx = np.empty(d.shape, d.dtype)

        def images(i: int, j: int) -> None:
            if self.train:                                       # dx = k (d - c2 - xc c1)
                np.multiply(self.xc[i:j], c1, out=dx[i:j])
                dx[i:j] += c2
                np.subtract(d[i:j], dx[i:j], out=dx[i:j])
                dx[i:j] *= k
            else:                                                # fixed statistics
                np.multiply(d[i:j], k, out=dx[i:j])

        for_batch(_passes(images, d[0].nbytes), n, nbytes=4 * d.nbytes)
        return dx.reshape(dout.shape)


def _passes(fn: Callable[[int, int], None], bytes_per_image: int
            ) -> Callable[[int, int], None]:
    """fn(i, j), the element-wise passes over images i..j-1, for `for_batch`: on one worker
    in cache-sized pieces of images (`parallel.in_pieces`; DigitNet's first BatchNorm,
    100 images: backward 3.2 ms instead of 3.7-4.2), on two whole per slice (pieces there
    were 1.3x slower: more short calls holding the GIL; PROFILE.md, issue 16 eighth pass).
    The same numbers either way: the passes treat each image alone."""
    return in_pieces(fn, bytes_per_image) if workers() == 1 else fn


def book_forward(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray,
                 eps: float) -> tuple[np.ndarray, tuple]:
    """The book's ch. 6.3 BatchNormalization.forward in training, for (N, D) input (an image
    batch (N, C, H, W) as (N*H*W, C) rows first): returns out (N, D) and the cache
    (xc, std, xn) that `book_backward` needs. The readable reference of `BatchNorm.forward`."""
    mu = x.mean(axis=0)
    xc = x - mu
    var = np.mean(xc ** 2, axis=0)
    std = np.sqrt(var + eps)
    xn = xc / std
    return gamma * xn + beta, (xc, std, xn)


def book_backward(dout: np.ndarray, gamma: np.ndarray,
                  cache: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The book's ch. 6.3 BatchNormalization.backward: (dx, dgamma, dbeta) for (N, D) dout,
    every intermediate gradient spelled out. The readable reference of `BatchNorm.backward`."""
    xc, std, xn = cache
    n = dout.shape[0]
    dbeta = dout.sum(axis=0)
    dgamma = np.sum(xn * dout, axis=0)
    dxn = gamma * dout
    dxc = dxn / std
    dstd = -np.sum((dxn * xc) / (std * std), axis=0)
    dvar = 0.5 * dstd / std
    dxc += (2.0 / n) * xc * dvar
    dmu = np.sum(dxc, axis=0)
    return dxc - dmu / n, dgamma, dbeta
