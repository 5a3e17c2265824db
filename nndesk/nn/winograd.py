"""3x3 stride-1 convolutions by Winograd's minimal filtering F(2x2, 3x3): the fast path of Conv2D.

Lavin & Gray 2016, "Fast Algorithms for Convolutional Neural Networks", section 4. The output
is cut into 2x2 tiles; each needs the 4x4 input tile d around it (tiles overlap by 2 pixels).
With the transform matrices B, G, A below, one tile of a 3x3 cross-correlation of d with g is

    Y = A^T [ (G g G^T) * (B^T d B) ] A          (* elementwise, 4x4; Y 2x2)

16 multiplies instead of 2*2*9 = 36. Summed over input channels, the product becomes, for each
of the 16 positions (xi, nu) of the 4x4 transformed tile, one matrix product

    M[xi, nu] (F, tiles) = U[xi, nu] (F, C) @ V[xi, nu] (C, tiles)

with U = G g G^T (the kernels, transformed once per call) and V = B^T d B (the input tiles,
of all the images and all the tiles of a chunk at once): 16 GEMMs, 2.25x fewer multiplies
than im2col's one. The backward pass runs the same formulas transposed (chain rule through
linear maps), with dM = A dY A^T:

    dU[xi, nu] = dM[xi, nu] @ V[xi, nu]^T,   dW = G^T dU G                   (dW, 16 GEMMs)
    dV[xi, nu] = U[xi, nu]^T @ dM[xi, nu],   dx = sum over tiles of B dV B^T  (dx, 16 GEMMs)

B, G, A hold only 0, +-1 and +-1/2: the tile transforms are whole-array adds (`_combine`) on
phase planes of the images (below), not matrix products. Arrays are (C, N, ...) inside:
channels first, so that each GEMM covers a whole chunk of images. conv.py keeps the im2col
path as the readable reference; tests/nn/test_winograd.py checks they agree and runs gradient
checks here. Measured on this engine's machine (benchmarks/winograd_layers.py), the ~50
elementwise passes of the transforms cost more than the multiplies saved: Conv2D.winograd_pays
keeps this path off (benchmarks/PROFILE.md, issue 16).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nndesk.nn.parallel import for_batch

__all__ = ["B_T", "G", "A_T", "tiles", "kernel_transform", "kept_shape", "forward", "backward"]

B_T = np.array([[1, 0, -1, 0],        # input transform B^T (4, 4): V = B^T d B
                [0, 1, 1, 0],
                [0, -1, 1, 0],
                [0, 1, 0, -1]], dtype=np.float64)
G = np.array([[1, 0, 0],               # kernel transform G (4, 3): U = G g G^T
              [0.5, 0.5, 0.5],
              [0.5, -0.5, 0.5],
              [0, 0, 1]], dtype=np.float64)
A_T = np.array([[1, 1, 1, 0],          # output transform A^T (2, 4): Y = A^T M A
                [0, 1, -1, -1]], dtype=np.float64)

CHUNK_BYTES = 4 << 20   # transformed input tiles of one chunk of images stay about this big


def tiles(h: int, w: int, pad: int) -> tuple[int, int]:
    """(TH, TW): 2x2 output tiles per column and row for an (H, W) input padded by `pad`
    (an odd output size gets one more tile, its extra row or column cut off)."""
    return -(-(h + 2 * pad - 2) // 2), -(-(w + 2 * pad - 2) // 2)


def kernel_transform(W: np.ndarray) -> np.ndarray:
    """W (F, C, 3, 3) -> U = G g G^T for every kernel g, as (16, F, C): one (F, C) matrix per
    position of the 4x4 transformed tile."""
    U = np.einsum("ai,fcij,bj->abfc", G, W, G).astype(W.dtype)
    return np.ascontiguousarray(U).reshape(16, *W.shape[:2])


def _combine(mat: np.ndarray, parts: Sequence[np.ndarray], outs: Sequence[np.ndarray]) -> None:
    """outs[a] = sum_j mat[a, j] * parts[j] for every row a of `mat`, a few whole-array ops
    (coefficients 0 and +-1 cost nothing, others one multiply)."""
    for row, out in zip(mat, outs, strict=True):
        terms = sorted(((c, p) for c, p in zip(row, parts, strict=True) if c != 0),
                       key=lambda term: -term[0])              # a positive term first
        (c0, p0), rest = terms[0], terms[1:]
        if c0 == 1 and rest and abs(rest[0][0]) == 1:
            (np.add if rest[0][0] > 0 else np.subtract)(p0, rest[0][1], out=out)
            rest = rest[1:]
        elif c0 == 1:
            np.copyto(out, p0)
        else:
            np.multiply(p0, c0, out=out)
        for c, p in rest:
            if c == 1:
                out += p
            elif c == -1:
                out -= p
            else:
                out += c * p


# The tiles of all the images of a chunk, without gathering them: the padded images are split
# into 4 phase planes (even/odd rows x even/odd columns), each (C, n, TH+1, TW+1) stored flat
# per channel, images back to back. Row u of the 4x4 tile (i, j) lies in phase u % 2 at row
# i + u//2, so the entry (u, v) of every tile at once is ONE contiguous run of a phase plane,
# at offset (u//2)*(TW+1) + v//2. The grid thus has (TH+1)*(TW+1) tiles per image: the last
# row and column of tiles are junk (they wrap to the next row), computed and thrown away.

def _grid(h: int, w: int, pad: int) -> tuple[int, int, int]:
    """(TH, TW, T1): the tiles of one image and T1 = (TH+1)*(TW+1), its grid with the junk."""
    th, tw = tiles(h, w, pad)
    return th, tw, (th + 1) * (tw + 1)


def _phases(x: np.ndarray, pad: int, th: int, tw: int) -> np.ndarray:
    """x (n, C, H, W) -> P (2, 2, C, n*T1 + TW+2): P[r, s][c] holds pixels (2i + r, 2j + s)
    of each image zero-padded by `pad` (and to 2*TH+2 x 2*TW+2), flat as (n, TH+1, TW+1)."""
    n, c, h, w = x.shape
    t1 = (th + 1) * (tw + 1)
    P = np.zeros((2, 2, c, n * t1 + tw + 2), x.dtype)
    for r in range(2):
        for s in range(2):
            h0, w0 = (r - pad) % 2, (s - pad) % 2               # x's first row/column there
            grid = P[r, s, :, :n * t1].reshape(c, n, th + 1, tw + 1)
            src = x[:, :, h0::2, w0::2].transpose(1, 0, 2, 3)
            i0, j0 = (h0 + pad) // 2, (w0 + pad) // 2
            grid[:, :, i0:i0 + src.shape[2], j0:j0 + src.shape[3]] = src
    return P


def _phases_T(dP: np.ndarray, pad: int, th: int, tw: int, dx: np.ndarray) -> None:
    """The adjoint of `_phases` (a crop): dP (2, 2, C, n*T1 + TW+2) -> dx (n, C, H, W)."""
    n, c, h, w = dx.shape
    for r in range(2):
        for s in range(2):
            h0, w0 = (r - pad) % 2, (s - pad) % 2
            grid = dP[r, s, :, :n * (th + 1) * (tw + 1)].reshape(c, n, th + 1, tw + 1)
            dst = dx[:, :, h0::2, w0::2]
            i0, j0 = (h0 + pad) // 2, (w0 + pad) // 2
            dst[...] = grid[:, :, i0:i0 + dst.shape[2], j0:j0 + dst.shape[3]].transpose(1, 0, 2, 3)


def _input_tiles(P: np.ndarray, tw: int, V: np.ndarray) -> None:
    """P (2, 2, C, L + TW+2) phase planes -> V (4, 4, C, L) = B^T d B of every tile d of the
    grid (L = n*T1): first along the tiles' rows (R = B^T d), then along their columns."""
    c, size, row = V.shape[2], V.shape[3], tw + 1
    R = np.empty((4, 2, c, size + 1), V.dtype)                  # (4, column phase, C, L+1)
    for s in range(2):
        _combine(B_T, [P[u % 2, s, :, (u // 2) * row:(u // 2) * row + size + 1]
                       for u in range(4)], R[:, s])
    for a in range(4):
        _combine(B_T, [R[a, v % 2, :, v // 2:v // 2 + size] for v in range(4)], V[a])


def _input_tiles_T(dV: np.ndarray, tw: int) -> np.ndarray:
    """The adjoint of `_input_tiles`: dV (4, 4, C, L) -> dP (2, 2, C, L + TW+2), B dV B^T of
    every tile added back onto the pixels it came from (neighbouring tiles overlap)."""
    c, size, row = dV.shape[2], dV.shape[3], tw + 1
    dR = np.empty((4, 2, c, size + 1), dV.dtype)
    dR[..., size] = 0
    later = np.empty((2, c, size), dV.dtype)                    # columns v = 2, 3: offset 1
    for a in range(4):
        _combine(B_T.T, dV[a], [dR[a, 0, :, :size], dR[a, 1, :, :size], *later])
        dR[a, :, :, 1:] += later
    dP = np.empty((2, 2, c, size + row + 1), dV.dtype)
    dP[..., size + 1:] = 0
    later = np.empty((2, c, size + 1), dV.dtype)                # rows u = 2, 3: offset TW+1
    for s in range(2):
        _combine(B_T.T, dR[:, s], [dP[0, s, :, :size + 1], dP[1, s, :, :size + 1], *later])
        dP[:, s, :, row:] += later
    return dP


def _output_tiles(M: np.ndarray, th: int, tw: int, y: np.ndarray) -> None:
    """M (4, 4, F, n*T1) -> y (n, F, 2*TH, 2*TW): pixel (2i + a, 2j + b) = (A^T M A)[a, b] of
    tile (i, j), the grid's junk tiles left out."""
    f, n = M.shape[2], len(y)
    S = np.empty((2, 4, f, M.shape[3]), M.dtype)                # A^T M: (2, 4, F, n*T1)
    for b in range(4):
        _combine(A_T, M[:, b], S[:, b])
    Y = np.empty((2, 2, f, M.shape[3]), M.dtype)                # A^T M A: (2, 2, F, n*T1)
    for a in range(2):
        _combine(A_T, S[a], Y[a])
    Y = Y.reshape(2, 2, f, n, th + 1, tw + 1)[..., :th, :tw]
    y6 = y.reshape(n, f, th, 2, tw, 2).transpose(3, 5, 1, 0, 2, 4)  # (2, 2, F, n, TH, TW)
    for a in range(2):
        for b in range(2):
            y6[a, b] = Y[a, b]                                  # contiguous ops, then 4 copies


def _output_tiles_T(dy: np.ndarray, th: int, tw: int) -> np.ndarray:
    """The adjoint of `_output_tiles`: dy (n, F, 2*TH, 2*TW) -> dM = A dY A^T
    (4, 4, F, n*T1), zero on the junk tiles."""
    n, f = dy.shape[:2]
    dY = np.empty((2, 2, f, n, th + 1, tw + 1), dy.dtype)
    dY[..., th, :] = 0
    dY[..., :, tw] = 0
    dY[..., :th, :tw] = dy.reshape(n, f, th, 2, tw, 2).transpose(3, 5, 1, 0, 2, 4)
    dY = dY.reshape(2, 2, f, -1)
    dS = np.empty((2, 4, *dY.shape[2:]), dy.dtype)              # dY A^T: (2, 4, F, n*T1)
    for a in range(2):
        _combine(A_T.T, dY[a], dS[a])
    dM = np.empty((4, 4, *dY.shape[2:]), dy.dtype)
    for b in range(4):
        _combine(A_T.T, dS[:, b], dM[:, b])
    return dM


def _chunks(n: int, c: int, t1: int, itemsize: int) -> list[tuple[int, int]]:
    """Image ranges of about CHUNK_BYTES of transformed tiles each, fixed by the shapes alone
    (not by the worker count: partial sums per chunk give the same numbers for any)."""
    step = max(1, CHUNK_BYTES // (16 * c * t1 * itemsize))
    return [(i, min(i + step, n)) for i in range(0, n, step)]


def kept_shape(x_shape: tuple[int, ...], pad: int) -> tuple[int, int, int]:
    """The shape (16, C, N*T1) of the transformed tiles V that `forward` keeps for `backward`."""
    n, c, h, w = x_shape
    return (16, c, n * _grid(h, w, pad)[2])


def forward(x: np.ndarray, W: np.ndarray, b: np.ndarray, pad: int,
            keep: np.ndarray | None = None) -> np.ndarray:
    """The stride-1 cross-correlation of x (N, C, H, W) with 3x3 kernels W (F, C, 3, 3), plus
    b (F,), zero padding `pad`: (N, F, OH, OW), OH = H + 2*pad - 2 (same for OW), x's dtype.
    `keep` (`kept_shape`), if given, receives the transformed input tiles V for `backward`.
    Same numbers as the im2col path up to rounding (tests/nn/test_winograd.py).
    Raises ValueError for kernels other than 3x3 or an output smaller than one pixel."""
    n, c, h, w = x.shape
    f = len(W)
    if W.shape[2:] != (3, 3) or min(h, w) + 2 * pad < 3:
        raise ValueError(f"Winograd F(2x2, 3x3) needs 3x3 kernels fitting the padded input, "
                         f"not {W.shape[2]}x{W.shape[3]} on {h}x{w} padded by {pad}")
    th, tw, t1 = _grid(h, w, pad)
    U = kernel_transform(W)                                        # (16, F, C)
    y = np.empty((n, f, 2 * th, 2 * tw), x.dtype)                  # the whole tile grid
    parts = _chunks(n, c, t1, x.itemsize)

    def chunks(i: int, j: int) -> None:
        for s, e in parts[i:j]:
            V = (keep[:, :, s * t1:e * t1] if keep is not None
                 else np.empty((16, c, (e - s) * t1), x.dtype))   # (16, C, n*T1)
            _input_tiles(_phases(x[s:e], pad, th, tw), tw, V.reshape(4, 4, *V.shape[1:]))
            M = np.matmul(U, V)                                    # (16, F, n*T1)
            M[5] += b[:, None]         # M[1, 1] reaches each of the 4 pixels with weight 1
            _output_tiles(M.reshape(4, 4, f, -1), th, tw, y[s:e])

    for_batch(chunks, len(parts))
    oh, ow = h + 2 * pad - 2, w + 2 * pad - 2
    return y if (oh, ow) == y.shape[2:] else np.ascontiguousarray(y[:, :, :oh, :ow])


def backward(dout: np.ndarray, V: np.ndarray, W: np.ndarray, x_shape: tuple[int, ...],
             pad: int, needs_dx: bool = True) -> tuple[np.ndarray, np.ndarray | None]:
    """dW (F, C, 3, 3) and dx (N, C, H, W) (None unless `needs_dx`) of `forward`, from
    dout (N, F, OH, OW) and the tiles V (`kept_shape`) that forward kept. db is not here:
    dout summed over images and pixels."""
    n, c, h, w = x_shape
    f, (th, tw, t1) = len(W), _grid(h, w, pad)
    oh, ow = dout.shape[2:]
    U = kernel_transform(W)                                        # (16, F, C)
    parts = _chunks(n, c, t1, dout.itemsize)
    dUs = np.empty((len(parts), 16, f, c), dout.dtype)             # one dU per chunk
    dx = np.empty(x_shape, dout.dtype) if needs_dx else None

    def chunks(i: int, j: int) -> None:
        for k, (s, e) in enumerate(parts[i:j], start=i):
            dy = dout[s:e]
            if (oh, ow) != (2 * th, 2 * tw):                       # odd: zeros to the grid
                dy = np.zeros((e - s, f, 2 * th, 2 * tw), dout.dtype)
                dy[:, :, :oh, :ow] = dout[s:e]
            dM = _output_tiles_T(dy, th, tw).reshape(16, f, -1)    # (16, F, n*T1)
            np.matmul(dM, V[:, :, s * t1:e * t1].transpose(0, 2, 1), out=dUs[k])
            if dx is not None:
                dV = np.matmul(U.transpose(0, 2, 1), dM)           # (16, C, n*T1)
                dP = _input_tiles_T(dV.reshape(4, 4, c, -1), tw)
                _phases_T(dP, pad, th, tw, dx[s:e])

    for_batch(chunks, len(parts))
    dU = dUs.sum(axis=0).reshape(4, 4, f, c)
    dW = np.einsum("ai,abfc,bj->fcij", G, dU, G).astype(dout.dtype)
    return dW, dx
