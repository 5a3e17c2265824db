"""im2col convolution and col2im against plain loops written the obvious way."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.nn import Conv2D, conv
from nndesk.nn.im2col import col2im, col2im_wide, im2col, im2col_wide, out_size


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
    """Stride-1 Conv2D picks the flipped-kernel GEMM or the padded-width col2im by size; both
    must equal the general col2im."""
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
