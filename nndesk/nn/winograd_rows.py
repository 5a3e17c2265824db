"""Winograd's F(2, 3) along image rows: a stride-1 3x3 Conv2D's training passes with a third
fewer multiplies than im2col.

Lavin & Gray 2016 ("Fast algorithms for convolutional neural networks"), their 1-D minimal
filtering F(2, 3) nested with the plain sum over the kernel's rows: two neighbouring outputs
of a row need 4 products per kernel row and channel instead of 6. For each of the 4
transformed components j the work is one GEMM, U_j (F, 3C) @ V_j (3C, tiles), so a layer
does 4 * 3C multiply-adds per pair of outputs where im2col does 2 * 9C:

    input   V = B^T d,  d = 4 neighbouring pixels:   d0 - d2, d1 + d2, d2 - d1, d1 - d3
    kernel  U = G g,    g = a kernel row (3):        g0, (g0+g1+g2)/2, (g0-g1+g2)/2, g2
    output  y = A^T m,  m = U V summed (4 values):   m0 + m1 + m2, m1 - m2 - m3

Layout (as conv_wide.py): the padded images of a chunk side by side in one wide frame, here
split into its even and odd columns ("phase planes", (2, C, Hp*Tp)), so that the 4 pixels of
every pair are 4 contiguous runs: each transform is a whole-array add over long runs. Images
lie S = W + pad (rounded up to even) columns apart; the outputs between two images and past
a row's Tp - 1 pairs are junk, dropped in forward and held at zero in backward.

Backward: dW = G^T (A dY V^T) per component (4 GEMMs (F, tiles) @ (tiles, 3C)); dx is the
"full" correlation of dout with the kernels turned 180 degrees, by the same forward pass
(Conv2D._dx_flipped's method). Per-chunk sums are added in chunk order: any worker count
gives the same numbers. tests/nn/test_winograd_rows.py checks it against the im2col path.
"""

from __future__ import annotations

import numpy as np

from nndesk.nn.conv_wide import _ones, _work, chunk_images
from nndesk.nn.parallel import for_batch

__all__ = ["kernel_transform", "weight_grad", "place_phases", "forward", "backward",
           "planes_shape"]


def kernel_transform(W: np.ndarray) -> np.ndarray:
    """U = G g for each kernel row: W (F, C, 3, 3) -> U (4, F, 3C), columns in (c, a) order
    (a = the kernel row)."""
    f, c = W.shape[:2]
    g0, g1, g2 = W[..., 0], W[..., 1], W[..., 2]                 # (F, C, 3) each
    U = np.empty((4, f, c, 3), W.dtype)
    half = W.dtype.type(0.5)
    U[0] = g0
    np.add(g0, g2, out=U[1])
    np.subtract(U[1], g1, out=U[2])
    U[1] += g1
    U[1:3] *= half
    U[3] = g2
    return U.reshape(4, f, 3 * c)


def weight_grad(dU: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """dW = G^T dU: dU (4, F, 3C) (the gradient of each U_j) -> dW `shape` (F, C, 3, 3)."""
    f, c = shape[:2]
    d0, d1, d2, d3 = dU.reshape(4, f, c, 3)
    dW = np.empty(shape, dU.dtype)
    half = dU.dtype.type(0.5)
    mid = (d1 + d2) * half
    np.add(d0, mid, out=dW[..., 0])
    np.multiply(d1 - d2, half, out=dW[..., 1])
    np.add(mid, d3, out=dW[..., 2])
    return dW


def _even(v: int) -> int:
    return v + (v & 1)


class _Geometry:
    """A chunk of m images: pairs per row T = m*S/2, plane rows Tp = T + 1 + pad//2 + 1
    long (the last pair reads one value past T; the left border shifts by pad//2), Hg =
    out rows + 2 rows; planes stored flat with one spare value at the end."""

    def __init__(self, m: int, stride: int, pad: int, rows: int) -> None:
        self.m, self.stride, self.pad, self.rows = m, stride, pad, rows
        self.T = m * stride // 2
        self.Tp = self.T + 2 + pad // 2
        self.hg = rows + 2
        self.size = self.hg * self.Tp + 1

    def grid(self, planes: np.ndarray) -> np.ndarray:
        """planes (2, C, size) -> view (2, C, Hg, Tp)."""
        return np.reshape(planes[..., :self.hg * self.Tp],
                          (*planes.shape[:2], self.hg, self.Tp), copy=False)


def place_phases(planes: np.ndarray, src: np.ndarray, g: _Geometry, top: int, left: int
                 ) -> None:
    """Zero `planes` (2, C, size), then put src (m, C, H, W) in: image i's pixel (r, c) is
    wide column left + i*S + c, stored in plane col % 2 at row top + r, position col // 2."""
    m, c, h, w = src.shape
    planes.fill(0)
    grid, half = g.grid(planes), g.stride // 2
    for e in (0, 1):
        c0 = (e - left) % 2                                      # first column of parity e
        t0 = (left + c0) // 2
        dst = np.reshape(grid[e, :, top:top + h, t0:t0 + m * half], (c, h, m, half),
                         copy=False)
        np.copyto(dst[..., :len(range(c0, w, 2))], src[..., c0::2].transpose(1, 2, 0, 3))


def _input_columns(planes: np.ndarray, g: _Geometry, out: np.ndarray) -> np.ndarray:
    """V = B^T d for every pair and kernel row: planes (2, C, size) -> out (4, C, 3, rows*Tp),
    twelve whole-array operations over contiguous runs."""
    even, odd = planes
    n = g.rows * g.Tp
    for a in range(3):
        at = a * g.Tp
        d0, d1 = even[:, at:at + n], odd[:, at:at + n]
        d2, d3 = even[:, at + 1:at + 1 + n], odd[:, at + 1:at + 1 + n]
        np.subtract(d0, d2, out=out[0, :, a])
        np.add(d1, d2, out=out[1, :, a])
        np.subtract(d2, d1, out=out[2, :, a])
        np.subtract(d1, d3, out=out[3, :, a])
    return out


def _correlate(planes: np.ndarray, g: _Geometry, U: np.ndarray, cols_out: int,
               dst: np.ndarray, bias: np.ndarray | None) -> None:
    """The 3x3 correlation of the placed planes with U (4, Fo, 3Ci) into dst (Fo, rows, m,
    cols_out) (a view of the NCHW output), plus bias (Fo, 1, 1, 1) if given."""
    ci, fo, dt = planes.shape[1], U.shape[1], planes.dtype
    n = g.rows * g.Tp
    V = _input_columns(planes, g, _work("col", (4, ci, 3, n), dt))
    M = np.matmul(U, V.reshape(4, 3 * ci, n), out=_work("M", (4, fo, n), dt))
    Y = _work("Y", (2, fo, n), dt)
    np.add(M[0], M[1], out=Y[0])                                 # y = A^T m
    Y[0] += M[2]
    np.subtract(M[1], M[2], out=Y[1])
    Y[1] -= M[3]
    half = g.stride // 2
    for e in (0, 1):                                             # even, odd output columns
        per_image = Y[e].reshape(fo, g.rows, g.Tp)[..., :g.m * half]
        part = per_image.reshape(fo, g.rows, g.m, half)[..., :len(range(e, cols_out, 2))]
        if bias is None:
            np.copyto(dst[..., e::2], part)
        else:
            np.add(part, bias, out=dst[..., e::2])


def _chunking(x_shape: tuple[int, ...], pad: int, itemsize: int) -> tuple[int, int, int, int]:
    """(image stride S, images per chunk, chunks, output rows) of a layer on x_shape."""
    n, c, h, w = x_shape
    stride, oh = _even(w + pad), h + 2 * pad - 2
    step = chunk_images(6 * c * oh * stride, itemsize)          # V: 12C values per pair
    return stride, step, -(-n // step), oh


def planes_shape(x_shape: tuple[int, ...], pad: int, itemsize: int) -> tuple[int, int]:
    """Shape of the kept phase planes of a batch (chunks, values per chunk): what `forward`
    writes and `backward` reads instead of placing x again."""
    stride, step, chunks, oh = _chunking(x_shape, pad, itemsize)
    return (chunks, 2 * x_shape[1] * _Geometry(step, stride, pad, oh).size)


def forward(x: np.ndarray, W: np.ndarray, b: np.ndarray, pad: int,
            kept: np.ndarray | None = None) -> np.ndarray:
    """Stride-1 3x3 convolution x (N, C, H, W), W (F, C, 3, 3), b (F,) -> (N, F, OH, OW),
    pad <= 2; the numbers of im2col + W @ col up to rounding. `kept` (`planes_shape`):
    where to keep each chunk's planes for `backward` (None: per-thread work arrays)."""
    n, c, h, w = x.shape
    f = W.shape[0]
    stride, step, chunks, oh = _chunking(x.shape, pad, x.itemsize)
    ow = w + 2 * pad - 2
    U, bias = kernel_transform(W), b.reshape(f, 1, 1, 1)
    out = np.empty((n, f, oh, ow), x.dtype)

    def run(first: int, stop: int) -> None:                     # chunks first..stop-1
        for ci in range(first, stop):
            s = ci * step
            g = _Geometry(min(step, n - s), stride, pad, oh)
            planes = (kept[ci, :2 * c * g.size].reshape(2, c, g.size) if kept is not None
                      else _work("planes", (2, c, g.size), x.dtype))
            place_phases(planes, x[s:s + g.m], g, pad, pad)
            _correlate(planes, g, U, ow, out[s:s + g.m].transpose(1, 2, 0, 3), bias)

    for_batch(run, chunks)
    return out


def backward(dout: np.ndarray, x_shape: tuple[int, ...], W: np.ndarray, pad: int,
             kept: np.ndarray, needs_dx: bool = True
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """(dW (F, C, 3, 3), db (F,), dx (N, C, H, W) or None) of `forward` from dout
    (N, F, OH, OW) and the planes it kept."""
    n, c, h, w = x_shape
    f, dt = W.shape[0], dout.dtype
    stride, step, chunks, oh = _chunking(x_shape, pad, dt.itemsize)
    q = 2 - pad                                                  # dout's border for dx
    dstride = _even(dout.shape[3] + q)
    U_rot = kernel_transform(np.ascontiguousarray(W[:, :, ::-1, ::-1].transpose(1, 0, 2, 3)))
    dUs = np.empty((chunks, 4, f, 3 * c), dt)                    # per chunk: A dY V^T
    dbs = np.empty((chunks, 2, f), dt)
    dx = np.empty(x_shape, dt) if needs_dx else None

    def run(first: int, stop: int) -> None:
        for ci in range(first, stop):
            s = ci * step
            g = _Geometry(min(step, n - s), stride, pad, oh)
            m, L = g.m, oh * g.Tp
            V = _input_columns(kept[ci, :2 * c * g.size].reshape(2, c, g.size), g,
                               _work("col", (4, c, 3, L), dt)).reshape(4, 3 * c, L)
            dy = _work("dy", (2, f, g.size), dt)                 # dout's even, odd columns
            place_phases(dy, dout[s:s + m], g, 0, 0)
            dy0, dy1 = dy[0, :, :L], dy[1, :, :L]
            both = _work("dM", (2, f, L), dt)                    # A dY: dy0, dy0 +- dy1, -dy1
            np.add(dy0, dy1, out=both[0])
            np.subtract(dy0, dy1, out=both[1])
            np.matmul(dy0, V[0].T, out=dUs[ci, 0])
            np.matmul(both, V[1:3].transpose(0, 2, 1), out=dUs[ci, 1:3])
            np.matmul(dy1, V[3].T, out=dUs[ci, 3])
            dUs[ci, 3] *= -1
            np.matmul(dy[:, :, :L], _ones(L, dt), out=dbs[ci])
            if needs_dx:
                gd = _Geometry(m, dstride, q, h)
                planes = _work("dplanes", (2, f, gd.size), dt)
                place_phases(planes, dout[s:s + m], gd, q, q)
                _correlate(planes, gd, U_rot, w, dx[s:s + m].transpose(1, 2, 0, 3), None)

    for_batch(run, chunks)
    return weight_grad(dUs.sum(axis=0), W.shape), dbs.sum(axis=(0, 1)), dx
