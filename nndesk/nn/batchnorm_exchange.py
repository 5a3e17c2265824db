"""BatchNorm in one part of the two-process step (nn/process_parallel.py), on the WHOLE
batch's statistics, as the one-worker step computes them.

Part 0 (images 0..n0-1, the caller) and part 1 (n0..n-1, the worker process) each run the
whole network on their images. A BatchNorm layer couples them: its mean and variance are
over both parts. So each part's BatchNorm hands the other its per-channel sums through the
step's shared mapping and adds the two in one order (part 0's, then part 1's) on both
sides, once in forward and once in backward:

    forward   this part's mean mu_k and sum of squares about it, q_k = sum (x - mu_k)^2,
              exchanged; the batch's  mu  = (N0 mu_0 + N1 mu_1) / N,
                                      var = (q_0 + q_1 + (mu_1 - mu_0)^2 N0 N1 / N) / N
              (Chan, Golub & LeVeque 1979: two parts' variances combined, no E[x^2] - mu^2
              cancellation); N_k = n_k * H * W samples per channel.
    backward  this part's sum dout and sum dout * (x - mu) exchanged: the batch's dbeta
              and dgamma, which dx needs (`BatchNorm.backward`).

An exchange writes this part's vector, then its flag (the step number); the other part
waits for the flag by spinning (one core each: the step runs so only when no other program
keeps a core busy, `parallel.LoadWatch`) and reads the vector. x86-64 makes stores visible
in the order they were made, which that relies on; elsewhere BatchNorm networks keep the
per-layer split. While waiting, a readable pipe means the other side gave up (the caller
stopped or lost the worker, or the worker sent an error): `PartnerGone`.
Measured: benchmarks/PROFILE.md, issue 16 seventh pass, "DigitNet in the process step".
"""

from __future__ import annotations

import copy
import os
import platform
import time
from collections.abc import Callable
from multiprocessing.connection import Connection

import numpy as np

from nndesk.nn.base import Layer
from nndesk.nn.batchnorm import BatchNorm
from nndesk.nn.layers import Dropout
from nndesk.nn.parallel import in_pieces

__all__ = ["PartnerGone", "Exchange", "PartBatchNorm", "entries", "keep", "part_layer",
           "supported"]


class PartnerGone(Exception):
    """The other side of an exchange gave up mid-step (its pipe became readable)."""


def supported() -> bool:
    """Whether the flags' ordering holds here (x86-64: stores seen in program order)."""
    return platform.machine().lower() in ("x86_64", "amd64")


def entries(net, dtype: np.dtype) -> list[tuple[str, tuple, np.dtype]]:
    """The mapping's arrays for network `net`'s BatchNorm layers i: "e:<i>" (2 directions,
    2 parts, 2C) the exchanged vectors, "f:<i>" (2 directions, 2 parts) their flags."""
    out = []
    for i, layer in enumerate(net.layers):
        if isinstance(layer, BatchNorm):
            c = net.info[i].input_shape[0]
            out += [(f"e:{i}", (2, 2, 2 * c), dtype), (f"f:{i}", (2, 2), np.int64)]
    return out


class Exchange:
    """One side (part 0 or 1) of the step's exchanges, on the mapping's arrays `views`."""

    def __init__(self, side: int, views: dict[str, np.ndarray], pipe: Connection) -> None:
        self.side, self.views, self.pipe = side, views, pipe
        self.step, self.counts = 0, (0, 0)   # this step's number, images (n0, n1)
        self.waited = 0.0                    # seconds spent waiting for the other part

    def begin(self, step: int, n: int) -> None:
        """A step of n images: part 0 takes n // 2 (`parallel.batch_slices`)."""
        self.step, self.counts = step, (n // 2, n - n // 2)

    def swap(self, i: int, direction: int, vec: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Give BatchNorm i's vector (2C,) of this direction (0 forward, 1 backward) and
        take the other part's: (part 0's, part 1's)."""
        box, flags, other = self.views[f"e:{i}"][direction], self.views[f"f:{i}"][direction], \
            1 - self.side
        box[self.side] = vec
        flags[self.side] = self.step                       # after the vector: see above
        if flags[other] != self.step:
            started, spins = time.perf_counter(), 0
            while flags[other] != self.step:
                spins += 1
                if spins % 256 == 0 and self.pipe.poll(0) and flags[other] != self.step:
                    raise PartnerGone                      # (its answer comes after its flag)
                os.sched_yield()
            self.waited += time.perf_counter() - started
        theirs = box[other].copy()
        return (vec, theirs) if self.side == 0 else (theirs, vec)


class PartBatchNorm(BatchNorm):
    """A BatchNorm layer's copy in one part (`part_layer`); training uses the whole batch's
    statistics through `exchange`; evaluation is BatchNorm's (running statistics). Its
    passes run in cache-sized pieces of images (`_in_pieces`: centre and square-sum in one
    read of x; shift, scale, add beta; in backward the two sums, then dx's four passes):
    the same numbers as whole-array passes, DigitNet's first BatchNorm (50 images of
    32x28x28) 1.5 + 1.5 ms instead of 1.8 + 1.9 forward + backward (issue 16 eighth pass)."""

    exchange: Exchange
    index: int                                             # the layer's position i

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        if not train:
            return super().forward(x, train)
        x3, m = self._per_channel(x)
        n, c = x3.shape[:2]
        flat = x3.reshape(n, c * m)                            # (n_k, C*M)
        mu_k = self._sums(x3) / (n * m)                        # this part's mean (C,)
        xc = np.empty_like(flat)                               # x - mu_k, then x - mu
        q = np.empty((n, c), flat.dtype)                       # per image sum (x - mu_k)^2
        shift = np.repeat(mu_k, m)

        def centre(i: int, j: int) -> None:                    # one read of x
            np.subtract(flat[i:j], shift, out=xc[i:j])
            np.einsum("bcm,bcm->bc", *(xc[i:j].reshape(j - i, c, m),) * 2, out=q[i:j])

        _in_pieces(centre, n, flat)
        (mu0, q0), (mu1, q1) = (np.split(v, 2) for v in self.exchange.swap(
            self.index, 0, np.concatenate([mu_k, q.sum(axis=0)])))
        s0, s1 = (k * m for k in self.exchange.counts)         # samples per channel
        s = s0 + s1
        mu = (s0 * mu0 + s1 * mu1) / s
        var = (q0 + q1 + (mu1 - mu0) ** 2 * (s0 * s1 / s)) / s
        rm, rv = self.buffers["running_mean"], self.buffers["running_var"]
        rm *= self.momentum
        rm += (1 - self.momentum) * mu
        rv *= self.momentum
        rv += (1 - self.momentum) * var
        self.inv_std = 1 / np.sqrt(var + self.eps)             # (C,)
        self.xc, self.train = xc, True
        shift, scale = np.repeat(mu - mu_k, m), np.repeat(self.params["gamma"] * self.inv_std, m)
        beta, out = np.repeat(self.params["beta"], m), np.empty_like(flat)

        def normalize(i: int, j: int) -> None:                 # xc -> x - mu; out
            xc[i:j] -= shift
            np.multiply(xc[i:j], scale, out=out[i:j])
            out[i:j] += beta

        _in_pieces(normalize, n, flat)
        return out.reshape(x.shape)

    def backward(self, dout: np.ndarray) -> np.ndarray:
        if not self.train:
            return super().backward(dout)
        d3, m = self._per_channel(dout)
        n, c = d3.shape[:2]
        xc3, d = self.xc.reshape(n, c, m), d3.reshape(n, c * m)
        sums = np.empty((2, n, c), d.dtype)                    # per image sum d, sum d xc
        _in_pieces(lambda i, j: self._dout_sums(d3, xc3, sums, i, j), n, d)
        dbeta, dgamma = sums[0].sum(axis=0), sums[1].sum(axis=0) * self.inv_std
        self.grads = {"gamma": dgamma, "beta": dbeta}          # this part's: the step adds
        (b0, g0), (b1, g1) = (np.split(v, 2) for v in
                              self.exchange.swap(self.index, 1, np.concatenate([dbeta, dgamma])))
        s = sum(self.exchange.counts) * m
        k = np.repeat(self.params["gamma"] * self.inv_std, m)  # gamma / std, (C*M,)
        c1 = np.repeat(self.inv_std * (g0 + g1) / s, m)        # the batch's dgamma, dbeta
        c2 = np.repeat((b0 + b1) / s, m)
        dx = np.empty_like(d)

        def images(i: int, j: int) -> None:                    # dx = k (d - c2 - xc c1)
            np.multiply(self.xc[i:j], c1, out=dx[i:j])
            dx[i:j] += c2
            np.subtract(d[i:j], dx[i:j], out=dx[i:j])
            dx[i:j] *= k

        _in_pieces(images, n, d)
        return dx.reshape(dout.shape)


def _in_pieces(fn: Callable[[int, int], None], n: int, flat: np.ndarray) -> None:
    """fn(i, j) over images 0..n-1 of `flat` (n, C*M) in cache-sized pieces
    (`parallel.in_pieces`; a part runs on one thread): the passes of one piece run while
    it is in the CPU cache."""
    in_pieces(fn, flat[0].nbytes)(0, n)


def keep(net) -> Callable[[], None]:
    """What a BatchNorm network's step changes before its parts can fail (the running
    statistics; the Dropout generators, drawn from first): a function putting them back."""
    arrays = [(b, b.copy()) for layer in net.layers if isinstance(layer, BatchNorm)
              for b in layer.buffers.values()]
    rngs = [(layer.rng, layer.rng.bit_generator.state) for layer in net.layers
            if isinstance(layer, Dropout) and layer.rng is not None]

    def restore() -> None:
        for buffer, before in arrays:
            np.copyto(buffer, before)
        for rng, state in rngs:
            rng.bit_generator.state = state

    return restore


def part_layer(layer: Layer, i: int, exchange: Exchange) -> Layer:
    """Layer i of a network, or `layer` itself if it is not a BatchNorm, as part of a
    two-process step: a BatchNorm becomes a PartBatchNorm sharing its parameters and
    running statistics (a copy of the object, its class changed)."""
    if not isinstance(layer, BatchNorm):
        return layer
    part = copy.copy(layer)
    part.__class__ = PartBatchNorm
    part.exchange, part.index = exchange, i
    return part
