"""Convolution gradients in the frequency domain: the fast path of Conv2D.backward (stride 1).

Mathieu, Henaff & LeCun 2014, "Fast Training of Convolutional Networks through FFTs": after a
2-D discrete Fourier transform (DFT) of size L = H + 2*pad, a convolution is a product per
frequency, so a layer's sums over channels become one small complex matrix product per
frequency instead of K*K times more work in the pixel domain:

    out^[n, f] = sum_c X^[n, c] * conj(W^[f, c])       (correlation: the forward, im2col @ W)
    dX^[n, c] = sum_f dout^[n, f] * W^[f, c]          (convolution: dx, the book's col2im path)
    dW^[f, c] = sum_n conj(dout^[n, f]) * X^[n, c]     (correlation: dW, the book's dout @ col^T)

(^: the DFT, L x L frame, input placed at offset `pad`.) With L = H + 2*pad no circular
wrap-around reaches the pixels kept. The DFTs are matrix products with the DFT matrix
F[u, h] = exp(-2 pi i u h / L) (one per axis; only the L//2 + 1 non-negative frequencies of
the last axis, the input being real), which on these small frames is faster than an FFT;
they are cut to the rows and columns the input covers (the zero frame is never built) and the
inverse ones to the pixels kept. Arrays are frequency-major, (Lh, Lf, N, C), so every
product is one large GEMM.
conv.py keeps the plain im2col path as the reference; tests/nn/test_fftconv.py checks they
agree and the gradient checks run through this path.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from nndesk.nn.parallel import contiguous, for_batch

__all__ = ["dft_matrices", "to_freq", "from_freq", "conv_forward", "conv_grads"]

BLOCKS = 16   # column blocks of the transforms' GEMMs, shared by the batch workers


@lru_cache(maxsize=64)
def dft_matrices(size: int, dtype: str) -> tuple[np.ndarray, ...]:
    """(F, F_half, F_inv, F_half_inv) for length `size`, complex `dtype`:
    F (L, L) the DFT, F_half (L, Lf) its first Lf = L//2 + 1 columns (a real signal's
    spectrum), F_inv (L, L) = conj(F) / L, F_half_inv (Lf, L): the real inverse from Lf
    frequencies (weight 2 on the frequencies that stand for a conjugate pair)."""
    k = np.arange(size)
    full = np.exp(-2j * np.pi * np.outer(k, k) / size)
    lf = size // 2 + 1
    weight = np.full(lf, 2.0)
    weight[0] = 1
    if size % 2 == 0:
        weight[-1] = 1
    mats = (full, full[:, :lf], full.conj() / size, weight[:, None] * full[:, :lf].conj().T / size)
    return tuple(np.ascontiguousarray(m, dtype=dtype) for m in mats)


def _complex(dtype: np.dtype) -> str:
    return "complex64" if dtype == np.float32 else "complex128"


def to_freq(a: np.ndarray, size: tuple[int, int], offset: int = 0,
            conj: bool = False) -> np.ndarray:
    """a (*lead, H, W) real, placed at (offset, offset) in a zero (Lh, Lw) frame ->
    its 2-D DFT (Lh, Lf, *lead) complex, Lf = Lw//2 + 1; `conj`: its complex conjugate,
    made with the conjugate DFT matrices (a being real), not by a pass over the spectrum.

    The zero frame is never built: zeros add nothing to a DFT, so the DFT matrices are cut to
    the W columns and H rows the input covers. The first transform, along W on real numbers,
    is one real GEMM with the real and imaginary parts of the DFT matrix side by side (half
    the multiplies of a complex product); the second, along H, a complex one. Replaces a
    complex GEMM on each axis of the zero-padded frame (benchmarks/PROFILE.md, issue 16)."""
    lead, (h, w), (lh, lw) = a.shape[:-2], a.shape[-2:], size
    m = a[..., 0, 0].size                                               # lead elements, M
    cdt = _complex(a.dtype)
    fh = dft_matrices(lh, cdt)[0][:, offset:offset + h]                 # (Lh, H)
    fw = dft_matrices(lw, cdt)[1][offset:offset + w]                    # (W, Lf)
    if conj:
        fh, fw = fh.conj(), fw.conj()
    lf = fw.shape[1]
    parts = np.concatenate([fw.real, fw.imag], axis=1).T                # (2*Lf, W) real
    a3 = a.reshape(m, h, w)
    spectra = np.empty((h, lf, m), cdt)                                 # (H, Lf, M)

    def rows(i: int, j: int) -> None:           # image rows i..j-1: one stacked call, the
        t = np.matmul(parts, a3[:, i:j].transpose(1, 2, 0))  # same GEMM per row: (j-i, 2*Lf, M)
        spectra.real[i:j] = t[:, :lf]
        spectra.imag[i:j] = t[:, lf:]

    for_batch(rows, h, nbytes=a.nbytes + spectra.nbytes)
    return _left(fh, spectra).reshape(lh, lf, *lead)


def from_freq(z: np.ndarray, width: int, start: int = 0,
              shape: tuple[int, int] | None = None, conj: bool = False) -> np.ndarray:
    """Inverse of `to_freq`: z (Lh, Lf, *lead) -> the real (Lh, Lw, *lead) frame (Lw =
    `width`), or only its `shape` (h, w) block from (start, start): the inverse DFT matrices
    cut to those rows and columns, so no frequency is turned back into a pixel that is
    thrown away (DigitNet's dW keeps 5x5 of 18x18). A view of the real part. `conj`: z holds
    the conjugate spectrum, inverted with the conjugate matrices (the real part of
    conj(F) conj(Z) conj(G) is that of F Z G), with no pass conjugating z."""
    lh, lf, lead = z.shape[0], z.shape[1], z.shape[2:]
    h, w = shape or (lh, width)
    f_inv = dft_matrices(lh, z.dtype.name)[2][start:start + h]          # (h, Lh)
    g = dft_matrices(width, z.dtype.name)[3][:, start:start + w]        # (Lf, w)
    if conj:
        f_inv, g = f_inv.conj(), g.conj()
    rows = _left(f_inv, z.reshape(lh, lf, -1))                          # (h, Lf, M)
    out = np.empty((h, w, rows.shape[2]), z.dtype)
    for_batch(lambda i, j: np.matmul(g.T, rows[i:j], out=out[i:j]), h,
              nbytes=rows.nbytes + out.nbytes)
    return out.real.reshape(h, w, *lead)


def _left(f: np.ndarray, a: np.ndarray) -> np.ndarray:
    """f (R, L) @ a (L, ...) along a's first axis -> (R, ...): a GEMM per block of BLOCKS
    columns, the blocks shared between the batch workers (the same blocks for any worker
    count: the same numbers)."""
    flat = a.reshape(len(a), -1)
    out = np.empty((len(f), flat.shape[1]), np.result_type(f, a))
    step = -(-flat.shape[1] // BLOCKS)

    def blocks(i: int, j: int) -> None:      # blocks i..j-1: the full ones as one stacked call
        full = max(i, min(j, flat.shape[1] // step))              # (the same GEMM per block,
        if full > i:                                              # fewer Python calls)
            cols = slice(i * step, full * step)
            np.matmul(f, _blocks(flat[:, cols], step), out=_blocks(out[:, cols], step))
        for b in range(full * step, min(j * step, flat.shape[1]), step):   # the last, shorter
            np.matmul(f, flat[:, b:b + step], out=out[:, b:b + step])

    for_batch(blocks, BLOCKS, nbytes=flat.nbytes + out.nbytes)
    return out.reshape(len(f), *a.shape[1:])


def _blocks(a: np.ndarray, step: int) -> np.ndarray:
    """a (L, B*step) as B blocks of `step` columns, (B, L, step): a view (writes go through;
    splitting one axis never copies)."""
    return a.reshape(len(a), -1, step).transpose(1, 0, 2)


def _per_freq(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a (Q, M, K) @ b (Q, K, P) -> (Q, M, P): one small product per frequency."""
    out = np.empty((len(a), a.shape[1], b.shape[2]), a.dtype)
    for_batch(lambda i, j: np.matmul(a[i:j], b[i:j], out=out[i:j]), len(a),
              nbytes=a.nbytes + b.nbytes + out.nbytes)
    return out


def conv_forward(x: np.ndarray, W: np.ndarray, b: np.ndarray, pad: int
                 ) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """The stride-1 cross-correlation out = conv(x, W, pad) + b (N, F, OH, OW) of x (N, C, H,
    W), W (F, C, K, K), b (F,), through the frequency domain, and the spectra (conj(X)
    (Q, N, C): x's spectrum conjugated; W^ (Q, F, C)) for `conv_grads`, which then need not
    transform x or W again. It runs conjugated, conj(out^) = conj(X) W^, so that no pass
    conjugates an array: conj(X) comes from the conjugate DFT matrices, and dW^'s conjugate,
    conv_grads' D^T conj(X), is what `from_freq(conj=True)` inverts (three serial passes
    less: DigitNet's conv 2 0.94-1.0x with two workers, 0.98x with one, the same bits;
    benchmarks/PROFILE.md, issue 16). The L x L circular
    correlation reaches no wrapped pixel among the OH x OW kept (y + a <= L - 1). Replaces
    the pixel-domain forward (im2col; the wide frames' `forward_by_rows` before, in git
    history) in training, where backward runs here anyway: DigitNet's step 0.79x
    (benchmarks/PROFILE.md, issue 16 fifth pass). Same numbers as im2col up to rounding
    (tests/nn/test_fftconv.py)."""
    n, c, h, w = x.shape
    f, k = W.shape[0], W.shape[2]
    size = (h + 2 * pad, w + 2 * pad)
    q = size[0] * (size[1] // 2 + 1)                                    # frequencies kept
    X_conj = to_freq(x, size, pad, conj=True).reshape(q, n, c)          # (Q, N, C)
    W_freq = to_freq(W, size).reshape(q, f, c)                          # (Q, F, C)
    Y_conj = _per_freq(X_conj, W_freq.transpose(0, 2, 1))               # (Q, N, F)
    oh, ow = size[0] - k + 1, size[1] - k + 1
    y = from_freq(Y_conj.reshape(size[0], -1, n, f), size[1], 0, (oh, ow),
                  conj=True)                                            # (OH, OW, N, F)
    out = np.empty((n, f, oh, ow), x.dtype)
    for_batch(lambda i, j: np.add(y[:, :, i:j].transpose(2, 3, 0, 1), b.reshape(1, f, 1, 1),
                                  out=out[i:j]), n, nbytes=2 * out.nbytes)
    return out, (X_conj, W_freq)


def conv_grads(dout: np.ndarray, x: np.ndarray, W: np.ndarray, pad: int,
               needs_dx: bool = True,
               spectra: tuple[np.ndarray, np.ndarray] | None = None
               ) -> tuple[np.ndarray, np.ndarray | None]:
    """dW (F, C, K, K) and dx (N, C, H, W) (None unless `needs_dx`) of the stride-1
    cross-correlation out = conv(x, W, pad), from dout (N, F, OH, OW); `spectra` are
    conv_forward's (conj(X), W^) for these x and W (else they are computed here). Same
    numbers as the im2col path up to rounding (tests/nn/test_fftconv.py)."""
    n, c, h, w = x.shape
    f, k = W.shape[0], W.shape[2]
    size = (h + 2 * pad, w + 2 * pad)
    q = size[0] * (size[1] // 2 + 1)                                    # frequencies kept
    if spectra is None:
        spectra = (to_freq(x, size, pad, conj=True).reshape(q, n, c),   # (Q, N, C)
                   to_freq(W, size).reshape(q, f, c))                   # (Q, F, C)
    X_conj, W_freq = spectra
    D = to_freq(dout, size).reshape(q, n, f)                            # (Q, N, F)
    dW_conj = _per_freq(D.transpose(0, 2, 1), X_conj)                   # (Q, F, C)
    dW = from_freq(dW_conj.reshape(*size[:1], -1, f, c), size[1], 0, (k, k),
                   conj=True)                                           # (K, K, F, C)
    dW = contiguous(dW.transpose(2, 3, 0, 1))
    if not needs_dx:
        return dW, None
    dX = _per_freq(D, W_freq)                                           # (Q, N, C)
    dx = from_freq(dX.reshape(*size[:1], -1, n, c), size[1], pad, (h, w))  # (H, W, N, C)
    return dW, contiguous(dx.transpose(2, 3, 0, 1))          # (N, C, H, W)
