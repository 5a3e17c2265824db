"""Winograd's minimal filtering F(2x2, KxK) for the prediction plans' convolutions (Lavin &
Gray 2016, "Fast Algorithms for Convolutional Neural Networks"), and the choice of a Conv2D's
step (`conv_step_kind`).

Stride-1 3x3 and 5x5 convolutions on 16+ channels with even output sizes run by Winograd:
2.8x fewer multiplications than im2col + GEMM for DigitNet's second layer (36 products per
2x2 output block and channel pair instead of 100), the fastest method at batch 1
(benchmarks/PROFILE.md, issue 15). Plain im2col + GEMM (nn/inference_conv.py) is the other
`conv` method, kept for the benchmark.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import as_strided

from nndesk.nn.inference_conv import _Buffers, _ConvStep
from nndesk.nn.layers import Conv2D

__all__ = ["winograd_matrices", "conv_step_kind", "CONV_METHODS"]

MIN_CHANNELS = 16   # Winograd: this many input channels or more (fewer: im2col + GEMM is
                    # small work anyway)
CONV_METHODS = ("auto", "winograd", "gemm")


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


def conv_step_kind(conv: Conv2D, in_shape: tuple[int, ...], method: str = "auto") -> type:
    """The step class for a Conv2D: "gemm" im2col + GEMM for any convolution; "winograd"
    F(2x2, KxK) for stride 1, 3x3 or 5x5 kernels, 16+ input channels and even output sizes;
    "auto" is "winograd" where it applies, else "gemm" (the fastest here: benchmarks/PROFILE.md,
    issue 15). A method that does not apply falls back to "gemm"."""
    if method not in CONV_METHODS:
        raise ValueError(f"unknown convolution method {method!r}: {', '.join(CONV_METHODS)}")
    c, h, w = in_shape
    k, p = conv.kernel_size, conv.pad
    oh, ow = h + 2 * p - k + 1, w + 2 * p - k + 1
    wide = conv.stride == 1 and c >= MIN_CHANNELS
    if method in ("auto", "winograd") and wide and k in (3, 5) and oh % 2 == 0 == ow % 2:
        return _WinogradConvStep
    return _ConvStep
