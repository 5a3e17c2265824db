"""Winograd F(2x2, 3x3) (winograd.py) against direct sums and the im2col path of Conv2D."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.nn import Conv2D, parallel, winograd
from nndesk.nn.gradcheck import gradcheck

# (N, C, F, H, W, pad): odd and even sizes, pads 0-3, one channel, one filter, one image
SHAPES = [(2, 3, 4, 6, 6, 1), (1, 1, 1, 3, 3, 0), (3, 5, 2, 7, 4, 2), (2, 4, 3, 8, 9, 1),
          (2, 2, 2, 4, 5, 3), (1, 6, 1, 5, 5, 0), (2, 1, 5, 9, 7, 1), (4, 3, 3, 6, 7, 2)]


def _direct(x, W, b, pad):
    """The cross-correlation as the definition's sums over c, ky, kx (loops, no im2col)."""
    n, c, h, w = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    oh, ow = h + 2 * pad - 2, w + 2 * pad - 2
    y = np.zeros((n, len(W), oh, ow)) + b[:, None, None]
    for ky in range(3):
        for kx in range(3):
            y += np.einsum("nchw,fc->nfhw", xp[:, :, ky:ky + oh, kx:kx + ow], W[:, :, ky, kx])
    return y


def test_one_tile_in_one_dimension_is_the_papers_F2_3():
    """Lavin & Gray's F(2, 3): A^T [(G g) * (B^T d)] = (d0 g0 + d1 g1 + d2 g2, d1 g0 + ...)."""
    d, g = np.array([2.0, -1.0, 3.0, 5.0]), np.array([0.5, 4.0, -2.0])
    y = winograd.A_T @ ((winograd.G @ g) * (winograd.B_T @ d))
    np.testing.assert_allclose(y, [2 * 0.5 - 4 - 6, -0.5 + 12 - 10], rtol=1e-15)


@pytest.mark.parametrize(("n", "c", "f", "h", "w", "pad"), SHAPES)
def test_forward_equals_the_direct_sums(n, c, f, h, w, pad):
    rng = np.random.default_rng(0)
    x, W = rng.standard_normal((n, c, h, w)), rng.standard_normal((f, c, 3, 3))
    b = rng.standard_normal(f)
    y = winograd.forward(x, W, b, pad)
    expected = _direct(x, W, b, pad)
    assert y.shape == expected.shape and y.flags.c_contiguous
    np.testing.assert_allclose(y, expected, rtol=1e-10, atol=1e-10 * np.abs(expected).max())


def test_other_kernels_and_too_small_inputs_are_refused():
    x = np.zeros((1, 2, 4, 4))
    with pytest.raises(ValueError, match="3x3"):
        winograd.forward(x, np.zeros((1, 2, 5, 5)), np.zeros(1), 2)
    with pytest.raises(ValueError, match="2x2 padded by 0"):
        winograd.forward(x[:, :, :2, :2], np.zeros((1, 2, 3, 3)), np.zeros(1), 0)


def _layer_both_paths(n, c, f, h, w, pad, dtype, needs_dx=True):
    """(y, dW, db, dx) of one Conv2D through Winograd, then through im2col, same batch."""
    rng = np.random.default_rng(1)
    layer = Conv2D(filters=f, kernel_size=3, pad=pad)
    layer.build((c, h, w), rng, dtype, None)
    layer.params["b"][:] = rng.standard_normal(f)
    layer.needs_dx = needs_dx
    x = rng.standard_normal((n, c, h, w)).astype(dtype)
    dout = None
    out = []
    for fast in (True, False):
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(Conv2D, "winograd_pays", lambda self, fast=fast: fast)
            y = layer.forward(x, train=True)
            if dout is None:
                dout = rng.standard_normal(y.shape).astype(dtype)
            dx = layer.backward(dout)
        assert (layer.V is not None) == fast
        out.append((y, layer.grads["W"], layer.grads["b"], dx))
    return out


@pytest.mark.parametrize(("n", "c", "f", "h", "w", "pad"), SHAPES)
def test_layer_forward_and_backward_equal_the_im2col_path(n, c, f, h, w, pad):
    fast, ref = _layer_both_paths(n, c, f, h, w, pad, np.float64)
    for got, want in zip(fast, ref, strict=True):
        assert got.shape == want.shape
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-10 * np.abs(want).max())


def test_float32_stays_float32_and_agrees_to_1e5_of_the_scale():
    """DeepConvNet's second layer's shape (16 -> 16 channels, 28x28, pad 1), 3 images."""
    fast, ref = _layer_both_paths(3, 16, 16, 28, 28, 1, np.float32)
    for got, want in zip(fast, ref, strict=True):
        assert got.dtype == np.float32
        assert np.abs(got - want).max() < 1e-5 * np.abs(want).max()


def test_no_input_gradient_when_not_needed():
    (_, dW, _, dx), (_, dW_ref, _, _) = _layer_both_paths(2, 3, 2, 6, 5, 1, np.float64,
                                                          needs_dx=False)
    assert dx is None
    np.testing.assert_allclose(dW, dW_ref, rtol=1e-10)


def test_evaluation_keeps_no_tiles(monkeypatch):
    monkeypatch.setattr(Conv2D, "winograd_pays", lambda self: True)
    rng = np.random.default_rng(2)
    layer = Conv2D(filters=2, kernel_size=3, pad=1)
    layer.build((3, 6, 6), rng, np.float64, None)
    x = rng.standard_normal((2, 3, 6, 6))
    y = layer.forward(x)
    assert layer.V is None and layer.x is None
    np.testing.assert_allclose(y, _direct(x, layer.params["W"], layer.params["b"], 1),
                               rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("chunk_bytes", [1, 5000])
def test_chunks_and_two_workers_give_the_same_numbers(monkeypatch, chunk_bytes):
    """One image per chunk (or a few), split between two workers: bit for bit the numbers of
    one worker (dW is summed per chunk in chunk order)."""
    monkeypatch.setattr(winograd, "CHUNK_BYTES", chunk_bytes)
    try:
        parallel.set_workers(2)
        two = _layer_both_paths(7, 3, 4, 6, 7, 1, np.float64)[0]
    finally:
        parallel.set_workers(1)
    one = _layer_both_paths(7, 3, 4, 6, 7, 1, np.float64)[0]
    for a, b in zip(two, one, strict=True):
        np.testing.assert_array_equal(a, b)
    monkeypatch.setattr(winograd, "CHUNK_BYTES", 1 << 30)                # one chunk
    whole = _layer_both_paths(7, 3, 4, 6, 7, 1, np.float64)[0]
    for a, b in zip(whole, one, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12 * np.abs(b).max())


def test_gradient_check_through_the_winograd_path(monkeypatch):
    """A small DeepConvNet: three 3x3 convolutions (pads 1, 2, 0) all through Winograd (a spy
    counts the backward calls), backprop against finite differences for every parameter."""
    monkeypatch.setattr(Conv2D, "winograd_pays",
                        lambda self: self.kernel_size == 3 and self.stride == 1)
    calls = []
    real = winograd.backward

    def spy(dout, V, W, *args, **kwargs):
        calls.append(W.shape)
        return real(dout, V, W, *args, **kwargs)

    monkeypatch.setattr(winograd, "backward", spy)
    spec = {"input_shape": [2, 7, 7], "layers": [
        {"type": "Conv2D", "filters": 3, "kernel_size": 3, "pad": 1}, {"type": "ReLU"},
        {"type": "Conv2D", "filters": 4, "kernel_size": 3, "pad": 2}, {"type": "ReLU"},
        {"type": "MaxPool2D", "pool_size": 2, "stride": 2},
        {"type": "Conv2D", "filters": 2, "kernel_size": 3, "pad": 0}, {"type": "ReLU"},
        {"type": "Dense", "units": 3}]}
    errors = gradcheck(spec, seed=0)
    assert sorted(calls[:3]) == [(2, 4, 3, 3), (3, 2, 3, 3), (4, 3, 3, 3)]
    assert max(errors.values()) < 1e-6, errors
