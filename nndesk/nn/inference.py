"""Eval-only inference: the network's layers rewritten for prediction, the fast path of
`Network.predict`.

`Network.forward` stays the readable reference; an `InferencePlan` computes the same numbers
(up to float rounding; tests/nn/test_inference.py) with less work, in evaluation mode only:

- each BatchNorm right after a Conv2D or Dense is folded into it (Ioffe & Szegedy 2015, §3.2:
  in evaluation BatchNorm is a fixed affine map per channel, y = gamma * (x - mean) / std +
  beta, so W' = W * gamma / std and b' = (b - mean) * gamma / std + beta, std = sqrt(var +
  eps)); a BatchNorm anywhere else runs as a layer;
- Dropout is dropped (evaluation passes through) and Flatten is a reshape;
- a MaxPool2D runs before the ReLU in front of it (as `Network.forward`: they commute), and a
  convolution's bias is added after the pooling (max(x + b) = max(x) + b for a per-channel b):
  the bias and the ReLU work on a 4x smaller map;
- im2col copies a strided view of a zero-padded buffer kept from call to call (only its
  interior is written); when a tiling max pool follows, the columns come in pooling order, so
  the pool is a maximum over P*P contiguous blocks;
- stride-1 3x3 and 5x5 convolutions on 16+ channels with even output sizes run by Winograd's
  minimal filtering F(2x2, KxK) (Lavin & Gray 2016): 2.8x fewer multiplications for
  DigitNet's second layer (`_WinogradConvStep`); the frequency domain (Mathieu, Henaff &
  LeCun 2014, `_FreqConvStep`) and plain im2col + GEMM are the other `conv` methods, kept
  for the benchmark (benchmarks/PROFILE.md, issue 15: Winograd is the fastest at batch 1);
- work arrays are kept per batch size and thread and reused (batches up to KEEP_MAX);
- a batch of 2 * MIN_SLICE images or more is shared by the batch workers (nn/parallel.py).

`LayerOutputsPlan` gives every layer's own output instead (`Network.forward_all`: feature
maps), with the same kernels but no folding or fusing.

Other layers (LeakyReLU, Sigmoid, Tanh, AvgPool2D, a BatchNorm not after a weighted
layer, ...) run their own
`forward(x, train=False)`. Networks with recurrent layers are not planned (`plannable`).

Staleness: a plan remembers `base.weights_version()` and the identity of every parameter and
buffer array (and of the dicts holding them) when it is built; `is_current()` is False once
any of its arrays was said to change since (`base.weights_changed` after an optimizer step,
`load_state_dict`, a training-mode forward: BatchNorm's running statistics) or an array was
replaced. Other networks' changes leave it valid. Code writing into a
parameter by hand calls `Network.weights_changed()` (nn/base.py `weights_changed`).
"""

from __future__ import annotations

import operator
import threading
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import as_strided

from nndesk.nn.base import Layer, changed_since, weights_version
from nndesk.nn.layers import BatchNorm, Conv2D, Dense, Dropout, Flatten, MaxPool2D, ReLU
from nndesk.nn.parallel import for_batch, workers
from nndesk.nn.recurrent import Recurrent

__all__ = ["fold_batchnorm", "InferencePlan", "LayerOutputsPlan", "plannable",
           "conv_step_kind", "winograd_matrices", "CONV_METHODS"]

MIN_SLICE = 8       # images per slice when the batch workers share a batch
KEEP_MAX = 32       # work arrays are kept for batches of up to this many images
MIN_CHANNELS = 16   # Winograd and the frequency domain: this many input channels or more
                    # (fewer: im2col + GEMM is small work anyway; as Conv2D.fft_pays)


def fold_batchnorm(W: np.ndarray, b: np.ndarray, bn: BatchNorm,
                   out_axis: int) -> tuple[np.ndarray, np.ndarray]:
    """The weights and bias of a Conv2D or Dense followed by an evaluation-mode BatchNorm, as
    one layer: W' = W * s, b' = (b - running_mean) * s + beta with s = gamma /
    sqrt(running_var + eps) (Ioffe & Szegedy 2015, §3.2). s and b' are computed in float64,
    W' as W times s rounded to W's dtype (one rounding per weight); both returned in W's
    dtype. `out_axis`: W's axis of output channels (0 for Conv2D's (F, C, K, K), 1 for
    Dense's (D, units)); s has one entry per output channel."""
    g, beta = bn.params["gamma"].astype(np.float64), bn.params["beta"].astype(np.float64)
    mean = bn.buffers["running_mean"].astype(np.float64)
    var = bn.buffers["running_var"].astype(np.float64)
    s = g / np.sqrt(var + bn.eps)                                    # (F,)
    shape = [1] * W.ndim
    shape[out_axis] = -1
    W2 = W * s.astype(W.dtype).reshape(shape)                        # one rounding per weight
    b2 = (b.astype(np.float64) - mean) * s + beta
    return W2, b2.astype(W.dtype)


def plannable(layers: list[Layer]) -> bool:
    """Whether `InferencePlan` takes these layers: everything but recurrent layers (they read
    a mask and sequences of any length; they keep `Network.forward`)."""
    return not any(isinstance(layer, Recurrent) or layer.TAKES_MASK for layer in layers)


class _Buffers:
    """Work arrays of one step, kept per (thread, batch size) for batches of up to KEEP_MAX
    images: such a call allocates nothing once its batch size was seen. Larger batches get
    new arrays each call (as `Layer.scratch(keep=False)`: an evaluation batch of 500 does
    not stay in memory)."""

    def __init__(self) -> None:
        self._sets: dict[tuple[int, int], dict[str, Any]] = {}

    def get(self, n: int, make) -> dict[str, Any]:
        if n > KEEP_MAX:
            return make(n)
        key = (threading.get_ident(), n)
        found = self._sets.get(key)
        if found is None:
            if len(self._sets) > 16:                                 # threads come and go
                self._sets.clear()
            found = self._sets[key] = make(n)
        return found


def _fused_pool(layers: list[Layer], order: list[int], pos: int) -> MaxPool2D | None:
    """The MaxPool2D at run position `pos` if it tiles its input (stride = pool_size), else
    None."""
    if pos < len(order) and isinstance(layers[order[pos]], MaxPool2D):
        pool = layers[order[pos]]
        if pool.step == pool.pool_size:
            return pool
    return None


class _ConvStep:
    """Conv2D (its BatchNorm folded in) [+ tiling MaxPool2D] [+ ReLU] by im2col + GEMM.

    x (N, C, H, W) -> (N, F, OH, OW), or (N, F, OH/P, OW/P) with a P x P pool (OH and OW
    multiples of P; else the pool runs as its own step). Per batch size: a zero-padded input
    buffer (N, C, H + 2 pad, W + 2 pad) whose border stays zero, the column matrix
    col (N, C*K*K, OH*OW) and the output. With a pool, column (di, dj, oh', ow') is output
    pixel (P*oh' + di, P*ow' + dj): the pool is the maximum over the P*P blocks of OH*OW/P^2
    columns, contiguous."""

    def __init__(self, W: np.ndarray, b: np.ndarray, conv: Conv2D, in_shape: tuple[int, ...],
                 pool: int | None, relu: bool) -> None:
        self.F, self.C, self.K = W.shape[0], W.shape[1], W.shape[2]
        self.W_rows = np.ascontiguousarray(W.reshape(self.F, -1))      # (F, C*K*K)
        self.b = b.reshape(1, -1, 1).copy()                              # (1, F, 1)
        self.stride, self.pad = conv.stride, conv.pad
        _, self.H, self.Wd = in_shape
        self.OH = (self.H + 2 * self.pad - self.K) // self.stride + 1
        self.OW = (self.Wd + 2 * self.pad - self.K) // self.stride + 1
        if pool and (self.OH % pool or self.OW % pool):
            pool = None
        self.pool, self.relu = pool, relu
        self.bufs = _Buffers()

    def _make(self, n: int) -> dict[str, Any]:
        C, K, s, p, dt = self.C, self.K, self.stride, self.pad, self.W_rows.dtype
        hp, wp = self.H + 2 * p, self.Wd + 2 * p
        padded = np.zeros((n, C, hp, wp), dt)                          # border stays zero
        sn, sc, sh, sw = padded.strides
        if self.pool:                                                   # pooling order
            P = self.pool
            shape = (n, C, K, K, P, P, self.OH // P, self.OW // P)
            strides = (sn, sc, sh, sw, s * sh, s * sw, P * s * sh, P * s * sw)
        else:
            shape = (n, C, K, K, self.OH, self.OW)
            strides = (sn, sc, sh, sw, s * sh, s * sw)
        windows = as_strided(padded, shape, strides, writeable=False)
        col = np.empty(shape, dt)                                       # (N, C*K*K, OH*OW)
        out = np.empty((n, self.F, self.OH * self.OW), dt)              # (N, F, OH*OW)
        cells = self.OH * self.OW // (self.pool or 1) ** 2
        pooled = np.empty((n, self.F, cells), dt) if self.pool else out  # (N, F, OH'*OW')
        return {"padded": padded, "windows": windows, "col": col, "out": out,
                "pooled": pooled}

    def __call__(self, x: np.ndarray) -> np.ndarray:
        n, p = len(x), self.pad
        buf = self.bufs.get(n, self._make)
        buf["padded"][:, :, p:p + self.H, p:p + self.Wd] = x
        np.copyto(buf["col"], buf["windows"])
        col = buf["col"].reshape(n, self.C * self.K * self.K, -1)
        out = np.matmul(self.W_rows, col, out=buf["out"])              # (N, F, OH*OW)
        y = buf["pooled"]
        if self.pool:                                                   # blocks: (N, F, P*P, .)
            blocks = out.reshape(n, self.F, self.pool ** 2, -1)
            np.maximum(blocks[:, :, 0], blocks[:, :, 1], out=y)         # 3 maxima for 2x2:
            for k in range(2, self.pool ** 2):                          # 1.3x np.max(axis=2)
                np.maximum(y, blocks[:, :, k], out=y)
        y += self.b
        if self.relu:
            np.maximum(y, 0, out=y)
        P = self.pool or 1
        return y.reshape(n, self.F, self.OH // P, self.OW // P)


class _FreqConvStep:
    """Stride-1 Conv2D (BatchNorm folded in) [+ 2x2-style tiling MaxPool2D] [+ ReLU] in the
    frequency domain (Mathieu, Henaff & LeCun 2014; fftconv.py's DFTs as matrix products).

    A cross-correlation is a product per frequency of X^ and conj(W^) after DFTs of a frame
    of Lh x Lw = (H + pad) x (W + pad), x at offset (pad, pad), W at the origin: the frame is
    just large enough that the circular wrap-around lands in zeros (outputs read input
    rows -pad .. H + pad - 1; needs pad <= K - 1). Only Lf = Lw//2 + 1 frequencies of the last
    axis (the input is real). Per call, x (N, C, H, W):
      A  = x @ Ew                 (N, C, H, Lf)    DFT along the width, input at offset pad
      Z  = Eh @ A                 (Lh, Lf, N, C)   DFT along the height: X^ per frequency
      Y  = Z @ conj(W^)           (Lh, Lf, N, F)   one (N, C) @ (C, F) product per frequency
      B  = Gh @ Y                 (OH, Lf, N, F)   inverse DFT along the height, OH rows
      out = Re(B @ Gw)            (N, F, OH, OW)   real inverse along the width
    W^ (Lh, Lf, C, F) is computed once per plan. 4x fewer operations than im2col + GEMM for
    DigitNet's 32 -> 64 5x5 layer at batch 1 (benchmarks/PROFILE.md, issue 15)."""

    def __init__(self, W: np.ndarray, b: np.ndarray, conv: Conv2D, in_shape: tuple[int, ...],
                 pool: int | None, relu: bool) -> None:
        F, C, K = W.shape[0], W.shape[1], W.shape[2]
        _, H, Wd = in_shape
        p = conv.pad
        self.F, self.C, self.H, self.Wd = F, C, H, Wd
        self.OH, self.OW = H + 2 * p - K + 1, Wd + 2 * p - K + 1
        lh, lw = H + p, Wd + p
        lf = lw // 2 + 1
        self.lh, self.lf = lh, lf
        cdt = np.complex64 if W.dtype == np.float32 else np.complex128
        self.dtype = W.dtype
        u, v = np.arange(lh), np.arange(lf)
        # forward DFT matrices, the input placed at offset pad
        self.Ew = np.exp(-2j * np.pi * np.outer(np.arange(Wd) + p, v) / lw).astype(cdt)  # (W, Lf)
        self.Eh = np.exp(-2j * np.pi * np.outer(u, np.arange(H) + p) / lh).astype(cdt)   # (Lh, H)
        # kernels: conj(DFT) of W at the origin of the frame, frequency-major
        spec = np.fft.rfft2(W.astype(np.float64), s=(lh, lw))           # (F, C, Lh, Lf)
        self.W_freq = np.ascontiguousarray(
            np.conj(spec).transpose(2, 3, 1, 0).reshape(lh * lf, C, F)).astype(cdt)
        # inverse: along the height (complex, OH rows), then the real inverse along the
        # width from Lf frequencies (weight 2 for those standing for a conjugate pair)
        self.Gh = (np.exp(2j * np.pi * np.outer(np.arange(self.OH), u) / lh) / lh).astype(cdt)
        weight = np.full(lf, 2.0)
        weight[0] = 1
        if lw % 2 == 0:
            weight[-1] = 1
        g = weight[:, None] * np.exp(2j * np.pi * np.outer(v, np.arange(self.OW)) / lw) / lw
        # Re(B g) = Re(B) Re(g) - Im(B) Im(g): rows (v, real/imaginary) as B's memory order
        self.Gw = np.stack([g.real, -g.imag], axis=1).reshape(2 * lf, self.OW).astype(W.dtype)
        self.b = b.reshape(1, -1, 1, 1).copy()                          # (1, F, 1, 1)
        if pool and (self.OH % pool or self.OW % pool):
            pool = None
        self.pool, self.relu = pool, relu
        self.bufs = _Buffers()

    def _make(self, n: int) -> dict[str, Any]:
        cdt = self.Ew.dtype
        P = self.pool or 1
        return {"A_t": np.empty((self.H, self.lf, n, self.C), cdt),      # (H, Lf, N, C)
                "B_t": np.empty((n, self.F, self.OH, self.lf), cdt),     # (N, F, OH, Lf)
                "out": np.empty((n, self.F, self.OH, self.OW), self.dtype),
                "pooled": np.empty((n, self.F, self.OH // P, self.OW // P), self.dtype)}

    def __call__(self, x: np.ndarray) -> np.ndarray:
        n, C, F, H = len(x), self.C, self.F, self.H
        buf = self.bufs.get(n, self._make)
        A = np.matmul(x.reshape(n * C * H, self.Wd), self.Ew)           # (N*C*H, Lf)
        buf["A_t"][...] = A.reshape(n, C, H, self.lf).transpose(2, 3, 0, 1)
        Z = np.matmul(self.Eh, buf["A_t"].reshape(H, -1))               # (Lh, Lf*N*C)
        Y = np.matmul(Z.reshape(-1, n, C), self.W_freq)                 # (Q, N, F)
        B = np.matmul(self.Gh, Y.reshape(self.lh, -1))                  # (OH, Lf*N*F)
        buf["B_t"][...] = B.reshape(self.OH, self.lf, n, F).transpose(2, 3, 0, 1)
        real = buf["B_t"].view(self.dtype).reshape(-1, 2 * self.lf)      # (N*F*OH, 2 Lf)
        out = np.matmul(real, self.Gw, out=buf["out"].reshape(-1, self.OW))
        y = out.reshape(n, F, self.OH, self.OW)
        if self.pool:
            y = _max_pool(y, self.pool, buf["pooled"])
        y += self.b
        if self.relu:
            np.maximum(y, 0, out=y)
        return y


@lru_cache(maxsize=8)
def winograd_matrices(m: int, r: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A^T (m, a), G (a, r), B^T (a, a), a = m + r - 1, float64, of Winograd's minimal
    filtering F(m, r) (Lavin & Gray 2016, "Fast Algorithms for Convolutional Neural Networks",
    §4; Toom-Cook with the points 0, 1, -1, 2, -2, ... and infinity): for a signal d (a,) and
    a filter g (r,), the m outputs y_i = sum_k d[i + k] g[k] are A^T [(G g) * (B^T d)].
    A^T and G come from the points (Vandermonde rows, G scaled by 1 / prod(p_j - p_l));
    B^T is solved from that identity (least squares, exact here). ValueError for a > 6: the
    next points (1/2, -1/2) lose float32 precision."""
    a = m + r - 1
    if a > 6:
        raise ValueError(f"F({m}, {r}) needs {a} points; at most 6 stay exact in float32")
    points = [0.0] + [s * k for k in range(1, a) for s in (1, -1)][:a - 2]
    AT, G = np.zeros((m, a)), np.zeros((a, r))
    for j, p in enumerate(points):
        AT[:, j] = [p ** i for i in range(m)]
        G[j] = [p ** k / np.prod([p - q for q in points if q != p]) for k in range(r)]
    AT[m - 1, a - 1] = G[a - 1, r - 1] = 1                      # the point at infinity
    # y_i = sum_{k,l} g_k d_l sum_j AT[i, j] G[j, k] BT[j, l] must be [l == i + k]
    rows = np.array([AT[i] * G[:, k] for i in range(m) for k in range(r)])   # (m*r, a)
    wanted = np.array([[float(j == i + k) for j in range(a)]
                       for i in range(m) for k in range(r)])                 # (m*r, a)
    BT = np.linalg.lstsq(rows, wanted, rcond=None)[0]                       # (a, a)
    for mat in (AT, G, BT):
        mat.flags.writeable = False                      # shared by every caller (cached)
    return AT, G, BT


class _WinogradConvStep:
    """Stride-1 Conv2D with 3x3 or 5x5 kernels (BatchNorm folded in) [+ 2x2 MaxPool2D]
    [+ ReLU] by Winograd's minimal filtering F(2x2, KxK) (Lavin & Gray 2016): each 2x2 block
    of outputs from an a x a input tile (a = K + 1), a*a products per channel pair instead of
    4*K*K (36 instead of 100 for 5x5). Channels last inside, so that every copy moves runs of
    C numbers. Per call, x (N, C, H, W), T = (OH/2)*(OW/2) tiles per image:
      P = x padded, channels last (N, H + 2 pad, W + 2 pad, C)   border kept zero
      D = the tiles               (a, a, N*T, C)    a strided view of P, copied
      V = B^T D B                 (a, a, N*T, C)    two small GEMMs
      M = V[q] @ U[q]             (a*a, N*T, F)     one (N*T, C) @ (C, F) GEMM per position q
      Y = (A^T x A^T) M           (4, N*T, F)       the 2x2 outputs of every tile
    U = G W G^T (a*a, C, F) is computed once per plan, in float64. With a following 2x2
    MaxPool2D the pool is the maximum of Y's four rows (a tile is a pooling window); the
    result goes back to (N, F, OH', OW')."""

    def __init__(self, W: np.ndarray, b: np.ndarray, conv: Conv2D, in_shape: tuple[int, ...],
                 pool: int | None, relu: bool) -> None:
        F, C, K = W.shape[0], W.shape[1], W.shape[2]
        _, self.H, self.Wd = in_shape
        self.F, self.C, self.K, self.pad = F, C, K, conv.pad
        self.OH, self.OW = self.H + 2 * self.pad - K + 1, self.Wd + 2 * self.pad - K + 1
        self.a = a = K + 1
        AT, G, BT = winograd_matrices(2, K)
        U = np.matmul(np.matmul(G, W.astype(np.float64)), G.T)           # (F, C, a, a)
        self.U = np.ascontiguousarray(U.transpose(2, 3, 1, 0).reshape(a * a, C, F),
                                      dtype=W.dtype)                       # (a*a, C, F)
        self.BT = BT.astype(W.dtype)                                       # (a, a)
        self.AT2 = np.kron(AT, AT).astype(W.dtype)                         # (4, a*a)
        self.b = b.copy()                                                  # (F,)
        self.pool = pool if pool == 2 else None
        self.relu = relu
        self.bufs = _Buffers()

    def _make(self, n: int) -> dict[str, Any]:
        a, C, dt, p = self.a, self.C, self.U.dtype, self.pad
        th, tw = self.OH // 2, self.OW // 2
        padded = np.zeros((n, self.H + 2 * p, self.Wd + 2 * p, C), dt)   # border stays zero
        sn, sh, sw, sc = padded.strides
        tiles = as_strided(padded, (a, a, n, th, tw, C), (sh, sw, sn, 2 * sh, 2 * sw, sc),
                           writeable=False)
        P = 2 if self.pool else 1
        return {"padded": padded, "tiles": tiles, "D": np.empty(tiles.shape, dt),
                "pooled": np.empty((n * th * tw, self.F), dt),
                "out": np.empty((n, self.F, self.OH // P, self.OW // P), dt)}

    def __call__(self, x: np.ndarray) -> np.ndarray:
        n, a, p, F = len(x), self.a, self.pad, self.F
        th, tw = self.OH // 2, self.OW // 2
        buf = self.bufs.get(n, self._make)
        buf["padded"][:, p:p + self.H, p:p + self.Wd] = x.transpose(0, 2, 3, 1)
        D = buf["D"]
        np.copyto(D, buf["tiles"])                                         # (a, a, N, TH, TW, C)
        T1 = np.matmul(self.BT, D.reshape(a, -1)).reshape(a, a, -1)       # B^T along rows
        V = np.matmul(self.BT, T1)                                         # then columns
        M = np.matmul(V.reshape(a * a, -1, self.C), self.U)               # (a*a, N*T, F)
        Y = np.matmul(self.AT2, M.reshape(a * a, -1)).reshape(4, -1, F)   # (4, N*T, F)
        if self.pool:
            y = np.maximum(Y[0], Y[1], out=buf["pooled"])                  # (N*T, F)
            np.maximum(y, Y[2], out=y)
            np.maximum(y, Y[3], out=y)
            y += self.b
            if self.relu:
                np.maximum(y, 0, out=y)
            buf["out"][...] = y.reshape(n, th, tw, F).transpose(0, 3, 1, 2)
            return buf["out"]
        out = buf["out"]                       # (2, 2, N, TH, TW, F) -> (N, F, OH, OW)
        out.reshape(n, F, th, 2, tw, 2)[...] = Y.reshape(2, 2, n, th, tw, F).transpose(
            2, 5, 3, 0, 4, 1)
        out += self.b.reshape(1, -1, 1, 1)
        if self.relu:
            np.maximum(out, 0, out=out)
        return out


def _max_pool(x: np.ndarray, P: int, out: np.ndarray) -> np.ndarray:
    """P x P max pool with stride P of x (N, C, H, W), H and W multiples of P, into `out`
    (N, C, H/P, W/P): first along the width, then the height, P - 1 pairwise maxima each."""
    n, c, h, w = x.shape
    cols = x.reshape(n, c, h, w // P, P)
    rows = np.maximum(cols[..., 0], cols[..., 1])                       # (N, C, H, W/P)
    for j in range(2, P):
        np.maximum(rows, cols[..., j], out=rows)
    rows = rows.reshape(n, c, h // P, P, w // P)
    np.maximum(rows[:, :, :, 0], rows[:, :, :, 1], out=out)
    for i in range(2, P):
        np.maximum(out, rows[:, :, :, i], out=out)
    return out


class _DenseStep:
    """Dense (its BatchNorm folded in) [+ ReLU]: (N, *) -> (N, units), x @ W' + b'."""

    def __init__(self, W: np.ndarray, b: np.ndarray, relu: bool) -> None:
        self.W, self.b, self.relu = np.ascontiguousarray(W), b.copy(), relu
        self.bufs = _Buffers()

    def __call__(self, x: np.ndarray) -> np.ndarray:
        n = len(x)
        out = self.bufs.get(n, lambda n: np.empty((n, self.W.shape[1]), self.W.dtype))
        np.matmul(x.reshape(n, -1), self.W, out=out)                     # (N, units)
        out += self.b
        if self.relu:
            np.maximum(out, 0, out=out)
        return out


class _LayerStep:
    """A layer run as itself, `forward(x, train=False)` (no fast version of it here)."""

    def __init__(self, layer: Layer) -> None:
        self.layer = layer

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return self.layer.forward(x, False)


def _flatten(x: np.ndarray) -> np.ndarray:
    return x.reshape(len(x), -1)


CONV_METHODS = ("auto", "winograd", "freq", "gemm")


def conv_step_kind(conv: Conv2D, in_shape: tuple[int, ...], method: str = "auto") -> type:
    """The step class for a Conv2D: "gemm" im2col + GEMM for any convolution; "winograd"
    F(2x2, KxK) for stride 1, 3x3 or 5x5 kernels, 16+ input channels and even output sizes;
    "freq" the frequency domain for stride 1, 5x5+ kernels, 16+ input channels and
    pad <= K - 1. "auto" is "winograd" where it applies, else "gemm" (the fastest here:
    benchmarks/PROFILE.md, issue 15). A method that does not apply falls back to "gemm"."""
    if method not in CONV_METHODS:
        raise ValueError(f"unknown convolution method {method!r}: {', '.join(CONV_METHODS)}")
    c, h, w = in_shape
    k, p = conv.kernel_size, conv.pad
    oh, ow = h + 2 * p - k + 1, w + 2 * p - k + 1
    wide = conv.stride == 1 and c >= MIN_CHANNELS
    if method in ("auto", "winograd") and wide and k in (3, 5) and oh % 2 == 0 == ow % 2:
        return _WinogradConvStep
    if method == "freq" and wide and k >= 5 and p <= k - 1:
        return _FreqConvStep
    return _ConvStep


class _Plan:
    """What both plans share: the weights they were built from, and whether those changed."""

    def __init__(self, network: Any) -> None:
        if not plannable(network.layers):
            raise ValueError("recurrent networks keep Network.forward")
        self.version = weights_version()                  # read before any weight is read
        self.sources = [(layer, layer.params, layer.buffers, tuple(layer.params.values()),
                         tuple(layer.buffers.values()))
                        for layer in network.layers if layer.params or layer.buffers]
        self.dtype = network.dtype

    def __deepcopy__(self, memo: dict) -> None:
        """A deep copy of a network gets no plan (its own is built on first use): copied
        work arrays would lose the strided views into their buffers."""
        return None

    def is_current(self, network: Any) -> bool:
        """Whether the plan still computes `network`'s function: the same arrays, none of
        them said to change (`base.weights_changed`) since the plan was built."""
        if network.dtype != self.dtype:
            return False
        for layer, params, buffers, p_arrays, b_arrays in self.sources:
            if (layer.params is not params or layer.buffers is not buffers
                    or len(params) != len(p_arrays) or len(buffers) != len(b_arrays)
                    or any(map(operator.is_not, params.values(), p_arrays))
                    or any(map(operator.is_not, buffers.values(), b_arrays))
                    or changed_since(self.version, p_arrays)
                    or changed_since(self.version, b_arrays)):
                return False
        return True


class InferencePlan(_Plan):
    """The evaluation-mode forward of `network` as a list of steps (see the module docstring).

    `forward(x)`: x (N, *input_shape) in the network's dtype -> its output (N, K), a new
    array (the logits for a softmax network; `Network.predict` applies the softmax).
    `is_current()`: False once the network's weights may have changed since the plan was
    built; `Network.predict` then builds a new one. `conv`: one of CONV_METHODS
    (`conv_step_kind`). Not thread-safe for building (each thread's calls use their own work
    arrays, but a network is not shared: DEVELOPERS.md). Raises ValueError for a network
    with recurrent layers (`plannable`)."""

    def __init__(self, network: Any, conv: str = "auto") -> None:
        super().__init__(network)
        layers, order, info = network.layers, network._order, network.info
        self.output_shape = tuple(info[-1].output_shape)
        self.steps: list[Any] = []
        self.names: list[str] = []                        # "Conv2D+BatchNorm+MaxPool2D+ReLU"
        pos = 0
        while pos < len(order):
            i = order[pos]
            layer = layers[i]
            pos += 1
            if isinstance(layer, (Conv2D, Dense)):
                W, b, parts = layer.params["W"], layer.params["b"], [layer.type]
                if pos < len(order) and isinstance(layers[order[pos]], BatchNorm):
                    W, b = fold_batchnorm(W, b, layers[order[pos]], 0 if
                                          isinstance(layer, Conv2D) else 1)
                    parts.append("BatchNorm")
                    pos += 1
                pool = None
                if isinstance(layer, Conv2D):
                    found = _fused_pool(layers, order, pos)
                    if found is not None:
                        pool = found.pool_size
                relu_pos = pos + (pool is not None)
                relu = relu_pos < len(order) and type(layers[order[relu_pos]]) is ReLU
                if isinstance(layer, Conv2D):
                    kind = conv_step_kind(layer, info[i].input_shape, conv)
                    step = kind(W, b, layer, info[i].input_shape, pool, relu)
                    if pool is not None and step.pool is None:   # does not tile: own step
                        relu = False
                        step = kind(W, b, layer, info[i].input_shape, None, False)
                    if step.pool is not None:
                        parts.append("MaxPool2D")
                        pos += 1
                else:
                    step = _DenseStep(W, b, relu)
                if relu:
                    parts.append("ReLU")
                    pos += 1
                self.steps.append(step)
                self.names.append("+".join(parts))
            elif isinstance(layer, Dropout):
                continue                                  # evaluation: a pass-through
            elif isinstance(layer, Flatten):
                self.steps.append(_flatten)
                self.names.append("Flatten")
            else:
                self.steps.append(_LayerStep(layer))
                self.names.append(layer.type)

    def forward(self, x: np.ndarray) -> np.ndarray:
        """x (N, *input_shape), the network's dtype -> output (N, K), a new array. A batch
        of 2 * MIN_SLICE images or more is cut into slices that the batch workers run
        (nn/parallel.py; each thread has its own work arrays)."""
        n = len(x)
        if n == 0:
            return np.zeros((0, *self.output_shape), self.dtype)
        if workers() <= 1 or n < 2 * MIN_SLICE:
            return self._run(x).copy()
        out = np.empty((n, *self.output_shape), self.dtype)

        def images(i: int, j: int) -> None:
            out[i:j] = self._run(x[i:j])

        for_batch(images, n, min_size=MIN_SLICE)
        return out

    def _run(self, x: np.ndarray) -> np.ndarray:
        for step in self.steps:
            x = step(x)
        return x


class _Affine:
    """Evaluation-mode BatchNorm as one multiply-add per channel: y = x * s + t with
    s = gamma / sqrt(running_var + eps), t = beta - running_mean * s (Ioffe & Szegedy 2015,
    §3.2). (N, C) or (N, C, H, W) -> a new array of the same shape."""

    def __init__(self, bn: BatchNorm, dtype: Any) -> None:
        mean = bn.buffers["running_mean"].astype(np.float64)
        s = bn.params["gamma"] / np.sqrt(bn.buffers["running_var"].astype(np.float64) + bn.eps)
        self.s, self.t = s.astype(dtype), (bn.params["beta"] - mean * s).astype(dtype)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        shape = (1, -1) + (1,) * (x.ndim - 2)
        y = np.multiply(x, self.s.reshape(shape))
        y += self.t.reshape(shape)
        return y


def _relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0)


def _pool_2x2(x: np.ndarray) -> np.ndarray:
    n, c, h, w = x.shape
    return _max_pool(x, 2, np.empty((n, c, h // 2, w // 2), x.dtype))


class LayerOutputsPlan(_Plan):
    """Every layer's output in evaluation mode, in spec order (`Network.forward_all`: the
    feature maps and the reject unit's inputs), by the fast kernels but without folding or
    fusing: a Conv2D's own output (Winograd or im2col + GEMM), BatchNorm as one multiply-add
    per channel (`_Affine`), 2x2 max pools by two pairwise maxima. `forward_all(x)` -> a
    list of new arrays (N, *output_shape), one per layer; a Dropout's is its input, as in
    `forward_all`. Same staleness rule as `InferencePlan`."""

    def __init__(self, network: Any, conv: str = "auto") -> None:
        super().__init__(network)
        self.shapes = [tuple(info.output_shape) for info in network.info]
        self.steps: list[tuple[Any, bool]] = []           # (step, returns a kept buffer)
        for layer, info in zip(network.layers, network.info, strict=True):
            shape = info.input_shape
            if isinstance(layer, Conv2D):
                kind = conv_step_kind(layer, shape, conv)
                W, b = layer.params["W"], layer.params["b"]
                self.steps.append((kind(W, b, layer, shape, None, False), True))
            elif isinstance(layer, Dense):
                self.steps.append((_DenseStep(layer.params["W"], layer.params["b"], False),
                                   True))
            elif isinstance(layer, BatchNorm):
                self.steps.append((_Affine(layer, network.dtype), False))
            elif type(layer) is ReLU:
                self.steps.append((_relu, False))
            elif (isinstance(layer, MaxPool2D) and layer.pool_size == 2 and layer.step == 2
                  and shape[1] % 2 == 0 == shape[2] % 2):
                self.steps.append((_pool_2x2, False))
            else:                                         # Dropout: x itself, as forward_all
                self.steps.append((_LayerStep(layer), False))

    def forward_all(self, x: np.ndarray) -> list[np.ndarray]:
        """x (N, *input_shape), the network's dtype -> each layer's output, new arrays."""
        if len(x) == 0:
            return [np.zeros((0, *shape), self.dtype) for shape in self.shapes]
        out = []
        for step, kept in self.steps:
            x = step(x)
            out.append(x.copy() if kept else x)
        return out
