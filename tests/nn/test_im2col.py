"""im2col convolution and col2im against plain loops written the obvious way."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.nn import Conv2D, conv, parallel
from nndesk.nn.im2col import (
    col2im,
    col2im_wide,
    conv_rows,
    im2col,
    im2col_rows,
    im2col_wide,
    out_size,
)


def _naive_conv(x, W, b, stride, pad):
    """Direct convolution (cross-correlation, as in the book), loop over every output pixel."""
    n, c, h, w = x.shape
    f, _, kh, kw = W.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    oh, ow = out_size(h, kh, stride, pad), out_size(w, kw, stride, pad)
    out = np.zeros((n, f, oh, ow))
    for i in range(oh):
        for j in range(ow):
            patch = xp[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[:, :, i, j] = np.tensordot(patch, W, axes=([1, 2, 3], [1, 2, 3])) + b
    return out


@pytest.mark.parametrize(("k", "stride", "pad"), [(3, 1, 0), (3, 2, 1), (5, 1, 2), (2, 3, 1)])
def test_conv_forward_matches_loops(k, stride, pad):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((3, 2, 9, 7))
    layer = Conv2D(filters=4, kernel_size=k, stride=stride, pad=pad)
    layer.build((2, 9, 7), rng, np.float64, None)
    layer.params["b"][:] = rng.standard_normal(4)
    expected = _naive_conv(x, layer.params["W"], layer.params["b"], stride, pad)
    np.testing.assert_allclose(layer.forward(x), expected, rtol=1e-10, atol=1e-12)


def test_col2im_is_the_adjoint_of_im2col():
    """<im2col(x), c> == <x, col2im(c)> for every x, c: the defining property of the gradient."""
    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 3, 7, 6))
    col = im2col(x, 3, 3, 2, 1)
    c = rng.standard_normal(col.shape)
    lhs = (col * c).sum()
    rhs = (x * col2im(c, x.shape, 3, 3, 2, 1)).sum()
    assert abs(lhs - rhs) < 1e-9 * abs(lhs)


def test_im2col_columns_are_windows():
    x = np.arange(2 * 1 * 4 * 4, dtype=np.float32).reshape(2, 1, 4, 4)
    col = im2col(x, 2, 2, stride=2)                           # (N, C*KH*KW, OH*OW)
    assert col.shape == (2, 4, 4)
    np.testing.assert_array_equal(col[0, :, 0], [0, 1, 4, 5])
    np.testing.assert_array_equal(col[0, :, 3], [10, 11, 14, 15])
    np.testing.assert_array_equal(col[1, :, 0], [16, 17, 20, 21])


@pytest.mark.parametrize(("c", "f", "k", "pad"), [(2, 3, 3, 1), (1, 4, 3, 0), (3, 2, 2, 2),
                                                  (2, 2, 5, 1)])
def test_the_three_input_gradient_paths_agree(c, f, k, pad):
    """Stride-1 Conv2D picks the flipped-kernel GEMM or the batch-flat col2im by size; both
    (and the padded-width col2im) must equal the general col2im."""
    rng = np.random.default_rng(3)
    layer = Conv2D(filters=f, kernel_size=k, pad=pad)
    layer.build((c, 8, 7), rng, np.float64, None)
    x = rng.standard_normal((3, c, 8, 7))
    dout = rng.standard_normal(layer.forward(x).shape)
    W = layer.params["W"]
    dcol = np.matmul(W.reshape(f, -1).T, dout.reshape(3, f, -1))
    general = col2im(dcol, x.shape, k, k, 1, pad)
    np.testing.assert_allclose(layer._dx_flipped(dout), general, rtol=1e-10, atol=1e-12)
    with pytest.MonkeyPatch.context() as mp:                    # chunks of 2 images: 2 + 1
        mp.setattr(conv, "CHUNK_BYTES", 2 * f * k * k * 8 * (7 + k - 1) * 8)  # H*(W+k-1) rows
        np.testing.assert_allclose(layer._dx_flipped(dout), general, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(layer._dx_flat(dout), general, rtol=1e-10, atol=1e-12)
    with pytest.MonkeyPatch.context() as mp:                    # slices of 2 images: 2 + 1
        mp.setattr(conv, "FLAT_CHUNK_BYTES", 2 * k * k * c * (8 + 2 * pad) * (7 + 2 * pad) * 8)
        np.testing.assert_allclose(layer._dx_flat(dout), general, rtol=1e-10, atol=1e-12)
    wide = np.zeros(dout.shape[:3] + (7 + 2 * pad,))
    wide[..., :dout.shape[3]] = dout
    dcol_wide = np.matmul(W.reshape(f, -1).T, wide.reshape(3, f, -1))
    np.testing.assert_allclose(col2im_wide(dcol_wide, x.shape, k, k, pad), general,
                               rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(layer.backward(dout), general, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize(("kh", "kw", "pad"), [(3, 2, 1), (2, 3, 0)])
def test_im2col_wide_rows_are_runs_of_the_padded_image(kh, kw, pad):
    """Row (c, i, j), column r * Wp + q holds padded pixel (r + i, q + j), read on along the
    flattened image past a row's end (the junk columns), zeros past the image's end."""
    rng = np.random.default_rng(2)
    x = rng.standard_normal((2, 3, 5, 4))
    n, c, h, w = x.shape
    hp, wp = h + 2 * pad, w + 2 * pad
    flat = np.zeros((n, c, hp * wp + kw - 1))
    flat[:, :, :hp * wp] = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad))).reshape(n, c, -1)
    oh = hp - kh + 1
    expected = np.zeros((n, c * kh * kw, oh * wp))
    for ch in range(c):
        for i in range(kh):
            for j in range(kw):
                for r in range(oh):
                    for q in range(wp):
                        expected[:, (ch * kh + i) * kw + j, r * wp + q] = flat[:, ch,
                                                                            (r + i) * wp + q + j]
    np.testing.assert_array_equal(im2col_wide(x, kh, kw, pad), expected)
    out = np.full(expected.shape, np.nan)
    assert im2col_wide(x, kh, kw, pad, out=out) is out
    np.testing.assert_array_equal(out, expected)


@pytest.mark.parametrize(("k", "stride", "pad"), [(3, 1, 0), (3, 2, 1), (2, 3, 2)])
def test_im2col_rows_is_the_books_row_layout_channels_last(k, stride, pad):
    """rows[n, i, j, a, b*C + c] = padded x[n, c, i*stride + a, j*stride + b], by loops."""
    rng = np.random.default_rng(6)
    x = rng.standard_normal((2, 3, 7, 6))
    rows = im2col_rows(x, k, k, stride, pad)
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    oh, ow = out_size(7, k, stride, pad), out_size(6, k, stride, pad)
    assert rows.shape == (2, oh, ow, k, k * 3)
    for n in range(2):
        for i in range(oh):
            for j in range(ow):
                for a in range(k):
                    for b in range(k):
                        for c in range(3):
                            assert rows[n, i, j, a, b * 3 + c] == xp[n, c, i * stride + a,
                                                                     j * stride + b]


@pytest.mark.parametrize("workers", [1, 3])
@pytest.mark.parametrize(("k", "stride", "pad"), [(3, 1, 0), (3, 2, 1), (5, 1, 2), (2, 3, 1)])
def test_conv_rows_matches_loops_with_any_worker_count(k, stride, pad, workers):
    rng = np.random.default_rng(7)
    x = rng.standard_normal((5, 3, 9, 7))
    W, b = rng.standard_normal((4, 3, k, k)), rng.standard_normal(4)
    oh, ow = out_size(9, k, stride, pad), out_size(7, k, stride, pad)
    rows = np.empty((5, oh, ow, k, k * 3))
    parallel.set_workers(workers)
    try:
        got = conv_rows(x, W, b, stride, pad, rows)
    finally:
        parallel.set_workers(1)
    np.testing.assert_allclose(got, _naive_conv(x, W, b, stride, pad), rtol=1e-10, atol=1e-12)
    if workers > 1:        # one GEMM per image: a slice's size never changes an image's numbers
        np.testing.assert_array_equal(got, conv_rows(x, W, b, stride, pad, rows))


@pytest.mark.parametrize("pad", [2, 5])
def test_training_forward_where_backward_takes_the_frequency_path(monkeypatch, pad):
    """16 channels, 5x5 (pad within the kernel or wider): the training forward runs in the
    frequency domain (`fftconv.conv_forward`, a spy counts it) and keeps x's spectrum for
    backward, no column matrix; same output as the loops; the same layer in evaluation
    keeps the column layout."""
    calls = []
    real = conv.fftconv.conv_forward
    monkeypatch.setattr(conv.fftconv, "conv_forward", lambda *a: calls.append(1) or real(*a))
    rng = np.random.default_rng(8)
    layer = Conv2D(filters=3, kernel_size=5, pad=pad)
    layer.build((16, 6, 5), rng, np.float64, None)
    x = rng.standard_normal((2, 16, 6, 5))
    expected = _naive_conv(x, layer.params["W"], layer.params["b"], 1, pad)
    np.testing.assert_allclose(layer.forward(x, train=True), expected, rtol=1e-10, atol=1e-12)
    assert calls == [1] and layer.col is None and layer.x_freq is not None and layer.fft_pays()
    np.testing.assert_allclose(layer.forward(x, train=False), expected, rtol=1e-10, atol=1e-12)
    assert calls == [1] and layer.x_freq is None and layer.col is not None


def test_flat_input_gradient_is_the_same_with_any_worker_count_and_slice_size(monkeypatch):
    """LeNet5's conv 2 shape class (more filters than twice the channels): backward takes
    `_dx_flat`; 1 or 3 workers, slices of 1, 2 or all images: the same numbers, bit for bit,
    and equal to the book's col2im written out here."""
    rng = np.random.default_rng(6)
    n, c, f, k = 7, 2, 6, 3
    layer = Conv2D(filters=f, kernel_size=k)
    layer.build((c, 8, 9), rng, np.float64, None)
    layer.needs_dx = True
    x = rng.standard_normal((n, c, 8, 9))
    dout = rng.standard_normal(layer.forward(x, train=True).shape)
    book = col2im(np.matmul(layer.params["W"].reshape(f, -1).T, dout.reshape(n, f, -1)),
                  x.shape, k, k, 1, 0)
    calls = []
    real = Conv2D._dx_flat
    monkeypatch.setattr(Conv2D, "_dx_flat", lambda self, d: calls.append(1) or real(self, d))
    first = layer.backward(dout)
    assert calls == [1]
    np.testing.assert_allclose(first, book, rtol=1e-10, atol=1e-12)
    one_image = k * k * c * 8 * 9 * 8                             # dcol bytes of one image
    try:
        for workers in (1, 3):
            parallel.set_workers(workers)
            for chunk in (one_image, 2 * one_image, 100 * one_image):
                monkeypatch.setattr(conv, "FLAT_CHUNK_BYTES", chunk)
                np.testing.assert_array_equal(layer._dx_flat(dout), first)
    finally:
        parallel.set_workers(1)


@pytest.mark.parametrize("workers", [1, 3])
@pytest.mark.parametrize(("c", "f", "k", "stride", "pad"), [(2, 3, 3, 1, 1), (1, 4, 5, 1, 2),
                                                             (3, 2, 2, 2, 0)])
def test_conv_weight_gradient_matches_loops(c, f, k, stride, pad, workers):
    """dW (computed as col @ dout^T per image, summed in image order) and db against the
    definition written out: dW[f, c, a, b] = sum over images and output pixels of
    dout[n, f, i, j] * x_padded[n, c, i*stride + a, j*stride + b]; any worker count gives
    the same bits."""
    rng = np.random.default_rng(9)
    n = 5
    layer = Conv2D(filters=f, kernel_size=k, stride=stride, pad=pad)
    layer.build((c, 8, 7), rng, np.float64, None)
    x = rng.standard_normal((n, c, 8, 7))
    dout = rng.standard_normal(layer.forward(x, train=True).shape)
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    expected = np.zeros((f, c, k, k))
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            patch = xp[:, :, i * stride:i * stride + k, j * stride:j * stride + k]
            expected += np.einsum("nf,ncab->fcab", dout[:, :, i, j], patch)
    parallel.set_workers(workers)
    try:
        layer.backward(dout)
        got = dict(layer.grads)
        layer.backward(dout)
    finally:
        parallel.set_workers(1)
    np.testing.assert_allclose(got["W"], expected, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(got["b"], dout.sum(axis=(0, 2, 3)), rtol=1e-12)
    assert got["W"].flags.c_contiguous and got["W"].shape == (f, c, k, k)
    if workers > 1:
        one = Conv2D(filters=f, kernel_size=k, stride=stride, pad=pad)
        one.build((c, 8, 7), rng, np.float64, None)
        one.params = layer.params
        one.forward(x, train=True)
        one.backward(dout)
        np.testing.assert_array_equal(one.grads["W"], got["W"])
