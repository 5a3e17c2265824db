"""Padded-width convolution: a stride-1 Conv2D's forward and backward on wide frames.

The fast path beside `Conv2D`'s im2col one (conv.py, the readable reference; tests/nn/
test_conv_wide.py checks they agree). The images of a chunk are laid side by side in ONE
zero-padded wide frame per channel, (C, Hp, row) stored flat, Hp = H + 2*pad: image i's
pixel (r, c) sits at row pad + r, column pad + i*S + c, with S = W + pad, so the `pad` zero
columns between two images are the right border of one and the left border of the next;
row = m*S + pad for m images. Output pixel (r, c) of image i is then column r*row + i*S + c
of the output, and kernel offset (a, b) meets it at flat position a*row + b of the frame
plus that column: each row (c, a, b) of the column matrix is ONE contiguous run of the frame
(one memcpy of OH*row values instead of m*C*OH strided runs of OW). The S - OW = K-1-pad
columns per image that straddle two images are junk: their outputs are dropped, their
gradients held at zero. One GEMM per chunk of about CHUNK_BYTES of columns (it stays in
the CPU cache); the chunks are handed to the batch workers (parallel.py), each thread with
its own work arrays.

Backward: dW^T = col @ dout^T with dout laid out on the output's columns (zeros on the junk
ones), and dx the "full" correlation of dout with the kernels turned 180 degrees, done by
the same wide frame on dout padded by K-1-pad (Conv2D._dx_flipped's method). Per-chunk dW
sums are added in chunk order, so any worker count gives the same numbers. Needs
pad <= K-1 (else outputs of neighbouring images would overlap).
"""

from __future__ import annotations

import math
import threading

import numpy as np
from numpy.lib.stride_tricks import as_strided

from nndesk.nn.parallel import for_batch

__all__ = ["CHUNK_BYTES", "chunk_images", "place", "frame_columns", "forward", "backward"]

KEPT_FRAMES = 32       # dout frames kept per thread (DeepConvNet's step uses 12)
CHUNK_BYTES = 2 << 20   # one chunk's column matrix: about this big (measured: 1-4 MB alike)

_local = threading.local()   # each thread's work arrays


def _work(name: str, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
    """This thread's work array `name` viewed as `shape` (uninitialized; grown, never
    shrunk, so a thread keeps one array per name whatever the layer)."""
    bufs = _local.__dict__.setdefault("bufs", {})
    size, key = math.prod(shape), (name, np.dtype(dtype))
    buf = bufs.get(key)
    if buf is None or buf.size < size:
        buf = bufs[key] = np.empty(size, dtype)
    return buf[:size].reshape(shape)


def _placed(name: str, size: int, src: np.ndarray, top: int, left: int, hf: int,
            stride: int, row: int) -> np.ndarray:
    """`place(flat, src, top, left, hf, stride, row)` into this thread's frame (C, size) kept
    for exactly this layout: made of zeros once, then only the images are written, always
    at the same pixels, so its borders and gaps stay zero without being written again.
    At most KEPT_FRAMES layouts per thread, the oldest dropped (networks come and go)."""
    frames = _local.__dict__.setdefault("frames", {})
    key = (name, size, src.shape, src.dtype, top, left, hf, stride, row)
    flat = frames.get(key)
    if flat is None:
        while len(frames) >= KEPT_FRAMES:
            del frames[next(iter(frames))]
        flat = frames[key] = np.zeros((src.shape[1], size), src.dtype)
    place(flat, src, top, left, hf, stride, row, borders=False)
    return flat


def chunk_images(values_per_image: int, itemsize: int) -> int:
    """Images per chunk: as many as keep `values_per_image` each within CHUNK_BYTES (>= 1)."""
    return max(1, CHUNK_BYTES // (values_per_image * itemsize))


def _view(a: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """a reshaped as a view (writes go through to `a`); ValueError if that needs a copy
    (`reshape(copy=False)` says the same from NumPy 2.1; the floor is NumPy 1.24)."""
    v = a.reshape(shape)
    if not np.may_share_memory(v, a):
        raise ValueError(f"a {a.shape} array with strides {a.strides} is no {shape} view")
    return v


def place(flat: np.ndarray, src: np.ndarray, top: int, left: int, hf: int, stride: int,
          row: int, borders: bool = True) -> None:
    """Write the images src (m, C, H, W) into the wide frame `flat` (C, hf*row + spill), rows
    of `row` values: image i's pixel (r, c) at row top + r, column left + i*stride + c;
    every other value (borders, the gaps between images, the spill past the last row) set
    to zero, unless `borders` is False (they are zero already: the same layout as the last
    place into `flat`). stride >= W; left + m*stride <= row."""
    m, c, h, w = src.shape
    size = hf * row
    grid = _view(flat[:, :size], (c, hf, row))
    if not borders:
        images = _view(grid[:, top:top + h, left:left + m * stride], (c, h, m, stride))
        np.copyto(images[..., :w], src.transpose(1, 2, 0, 3))
        return
    flat[:, size:] = 0
    grid[:, :top] = 0
    grid[:, top + h:] = 0
    band = grid[:, top:top + h]
    band[..., :left] = 0
    band[..., left + m * stride:] = 0
    images = _view(band[..., left:left + m * stride], (c, h, m, stride))
    images[..., w:] = 0
    np.copyto(images[..., :w], src.transpose(1, 2, 0, 3))


def frame_columns(flat: np.ndarray, k: int, rows: int, width: int,
                  out: np.ndarray) -> np.ndarray:
    """Column matrix (C*K*K, rows*width) of a wide frame `flat` (C, >= (rows+K-1)*width + K-1)
    whose rows are `width` long: row (c, a, b) is flat[c, a*width + b:][:rows*width], one
    contiguous run. Written into `out`, returned."""
    c = flat.shape[0]
    s_c, s_e = flat.strides
    view = as_strided(flat, shape=(c, k, k, rows * width),
                      strides=(s_c, width * s_e, s_e, s_e), writeable=False)
    np.copyto(out.reshape(view.shape), view)
    return out


class _Geometry:
    """The frames of a stride-1 layer on x (N, C, H, W) with a K x K kernel and `pad`.

    x's frame: Hp = H + 2*pad rows; images `stride` = W + pad apart, so that the `pad` zero
    columns between two images serve as the right border of one and the left border of the
    next (K-1-pad junk output columns per image, not K-1); a row of m images is
    row(m) = m*stride + pad long. dout's frame for dx (padded by q = K-1-pad) likewise:
    H + K-1 rows, images OW + q apart. Chunks of `step` images, `chunks` of them."""

    def __init__(self, x_shape: tuple[int, ...], k: int, pad: int, itemsize: int) -> None:
        n, c, h, w = x_shape
        self.n, self.k, self.pad = n, k, pad
        self.hp = h + 2 * pad
        self.oh, self.ow = h + 2 * pad - k + 1, w + 2 * pad - k + 1
        self.stride = w + pad
        self.q = k - 1 - pad
        self.dstride = self.ow + self.q
        self.step = chunk_images(c * k * k * self.oh * self.stride, itemsize)
        self.chunks = -(-n // self.step)

    def row(self, m: int) -> int:
        """Length of a row of x's frame holding m images."""
        return m * self.stride + self.pad

    def drow(self, m: int) -> int:
        """Length of a row of dout's frame holding m images."""
        return m * self.dstride + self.q

    def images(self, ci: int) -> tuple[int, int]:
        """(first image, image count) of chunk ci."""
        return ci * self.step, min(self.step, self.n - ci * self.step)


def frames_shape(x_shape: tuple[int, ...], k: int, pad: int, itemsize: int) -> tuple[int, ...]:
    """Shape of the kept padded frames of a batch, (chunks, C, Hp*row + K-1): what
    `forward` writes and `backward` reads instead of padding x again."""
    g = _Geometry(x_shape, k, pad, itemsize)
    return (g.chunks, x_shape[1], g.hp * g.row(g.step) + k - 1)


def forward(x: np.ndarray, W: np.ndarray, b: np.ndarray, pad: int,
            frames: np.ndarray | None = None, zeroed: bool = False) -> np.ndarray:
    """Stride-1 convolution x (N, C, H, W), W (F, C, K, K), b (F,) -> (N, F, OH, OW), the
    same numbers as im2col + W @ col. `frames` (`frames_shape`): where to keep each chunk's
    padded frame for `backward` (None: per-thread work arrays); `zeroed`: they hold the
    last forward's frames of a batch of x's shape, or zeros: only the images are written."""
    n, c, h, w = x.shape
    f, k = W.shape[0], W.shape[2]
    g = _Geometry(x.shape, k, pad, x.itemsize)
    oh, ow = g.oh, g.ow
    W_rows, bias = W.reshape(f, -1), b.reshape(f, 1, 1, 1)
    out = np.empty((n, f, oh, ow), x.dtype)

    def run(first: int, stop: int) -> None:                     # chunks first..stop-1
        for ci in range(first, stop):
            s, m = g.images(ci)
            row = g.row(m)
            size = g.hp * row + k - 1
            flat = (frames[ci, :, :size] if frames is not None
                    else _work("frame", (c, size), x.dtype))
            place(flat, x[s:s + m], pad, pad, g.hp, g.stride, row,
                  borders=frames is None or not zeroed)
            col = frame_columns(flat, k, oh, row, _work("col", (c * k * k, oh * row), x.dtype))
            y = np.matmul(W_rows, col, out=_work("y", (f, oh * row), x.dtype))
            per_image = y.reshape(f, oh, row)[..., :m * g.stride].reshape(f, oh, m, g.stride)
            np.add(per_image[..., :ow], bias,                   # drop the junk columns
                   out=out[s:s + m].transpose(1, 2, 0, 3))

    for_batch(run, g.chunks)
    return out


def backward(dout: np.ndarray, x_shape: tuple[int, ...], W: np.ndarray, pad: int,
             frames: np.ndarray, needs_dx: bool = True
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """(dW (F, C, K, K), db (F,), dx (N, C, H, W) or None) of `forward`, from dout
    (N, F, OH, OW) and the frames it kept. pad <= K-1. dW^T = col @ dout_wide^T per chunk,
    summed in chunk order; dx = W_rot (C, F*K*K) @ the dout frame's columns, W_rot the
    kernels turned 180 degrees with C and F swapped."""
    n, c, h, w = x_shape
    f, k = W.shape[0], W.shape[2]
    g = _Geometry(x_shape, k, pad, dout.itemsize)
    oh, q = g.oh, g.q
    same = q == pad                  # then dout's frame has x's geometry: it serves dW too
    W_rot = np.ascontiguousarray(W[:, :, ::-1, ::-1].transpose(1, 0, 2, 3)).reshape(c, -1)
    dWs = np.empty((g.chunks, c * k * k, f), dout.dtype)         # one dW^T per chunk
    dbs = np.empty((g.chunks, f), dout.dtype)
    dx = np.empty(x_shape, dout.dtype) if needs_dx else None
    dt = dout.dtype

    def run(first: int, stop: int) -> None:
        for ci in range(first, stop):
            s, m = g.images(ci)
            row, drow = g.row(m), g.drow(m)
            run_len = oh * row                                   # output columns, junk too
            frame = None
            if needs_dx or same:                                 # dout padded by q
                frame = _placed("dout", (h + k - 1) * drow + k - 1, dout[s:s + m], q, q,
                                h + k - 1, g.dstride, drow)
            if same:                                             # dout at x's output columns
                d = frame[:, q * drow + q:][:, :run_len]
            else:
                d = _placed("dwide", run_len + k - 1, dout[s:s + m], 0, 0, oh, g.stride, row)
                d = d[:, :run_len]
            col = frame_columns(frames[ci, :, :g.hp * row + k - 1], k, oh, row,
                                _work("col", (c * k * k, run_len), dt))
            np.matmul(col, d.T, out=dWs[ci])                     # (C*K*K, F)
            np.matmul(d, _ones(run_len, dt), out=dbs[ci])
            if needs_dx:
                gcol = frame_columns(frame, k, h, drow, _work("col", (f * k * k, h * drow), dt))
                y = np.matmul(W_rot, gcol, out=_work("y", (c, h * drow), dt))
                per_image = y.reshape(c, h, drow)[..., :m * g.dstride]
                np.copyto(dx[s:s + m].transpose(1, 2, 0, 3),
                          per_image.reshape(c, h, m, g.dstride)[..., :w])

    for_batch(run, g.chunks)
    dW_t = dWs.sum(axis=0)                                       # chunk order: same numbers
    dW = np.ascontiguousarray(dW_t.T).reshape(W.shape)
    return dW, dbs.sum(axis=0), dx


def _ones(size: int, dtype: np.dtype) -> np.ndarray:
    """A vector of `size` ones (this thread's, kept)."""
    ones = _local.__dict__.setdefault("ones", {})
    key = np.dtype(dtype)
    if key not in ones or ones[key].size < size:
        ones[key] = np.ones(size, dtype)
    return ones[key][:size]
