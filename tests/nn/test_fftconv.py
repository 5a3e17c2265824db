"""The frequency-domain forward and backward of Conv2D (fftconv.py) against numpy.fft and the
im2col path."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.nn import Conv2D, fftconv, parallel
from nndesk.nn.gradcheck import gradcheck


@pytest.mark.parametrize("size", [5, 8, 18])
def test_dft_matrices_are_numpys_fft(size):
    rng = np.random.default_rng(0)
    v = rng.standard_normal(size)
    full, half, inv, half_inv = fftconv.dft_matrices(size, "complex128")
    np.testing.assert_allclose(full @ v, np.fft.fft(v), atol=1e-12)
    np.testing.assert_allclose(v @ half, np.fft.rfft(v), atol=1e-12)
    np.testing.assert_allclose(inv @ np.fft.fft(v), v, atol=1e-12)
    np.testing.assert_allclose((np.fft.rfft(v) @ half_inv).real, v, atol=1e-12)


def test_to_freq_is_rfft2_of_the_padded_frame_and_from_freq_undoes_it():
    rng = np.random.default_rng(1)
    a = rng.standard_normal((2, 3, 5, 4))                       # (N, C, H, W)
    z = fftconv.to_freq(a, (9, 8), offset=2)                     # (Lh, Lf, N, C)
    frame = np.zeros((2, 3, 9, 8))
    frame[:, :, 2:7, 2:6] = a
    np.testing.assert_allclose(z, np.fft.rfft2(frame).transpose(2, 3, 0, 1), atol=1e-12)
    back = fftconv.from_freq(z, 8).transpose(2, 3, 0, 1)         # (N, C, Lh, Lw)
    np.testing.assert_allclose(back, frame, atol=1e-12)
    block = fftconv.from_freq(z, 8, start=2, shape=(5, 4))       # only the input's pixels
    assert block.shape == (5, 4, 2, 3)
    np.testing.assert_allclose(block.transpose(2, 3, 0, 1), a, atol=1e-12)
    zc = fftconv.to_freq(a, (9, 8), offset=2, conj=True)         # the conjugate matrices
    np.testing.assert_allclose(zc, z.conj(), atol=1e-12)
    np.testing.assert_allclose(fftconv.from_freq(zc, 8, start=2, shape=(5, 4), conj=True),
                               block, atol=1e-12)
    f32 = fftconv.to_freq(a.astype(np.float32), (9, 8), offset=2)
    assert f32.dtype == np.complex64
    np.testing.assert_allclose(f32, z, atol=1e-5)


def _both_paths(c, f, k, pad, h, w, dtype, needs_dx=True):
    """(fast dW, dx), (im2col dW, dx) of one layer on the same batch, in training."""
    rng = np.random.default_rng(2)
    layer = Conv2D(filters=f, kernel_size=k, pad=pad)
    layer.build((c, h, w), rng, dtype, None)
    layer.needs_dx = needs_dx
    x = rng.standard_normal((3, c, h, w)).astype(dtype)
    with pytest.MonkeyPatch.context() as mp:                     # the columns, for both
        mp.setattr(Conv2D, "fft_pays", lambda self: False)
        dout = rng.standard_normal(layer.forward(x, train=True).shape).astype(dtype)
    out = []
    for fast in (True, False):
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(Conv2D, "fft_pays", lambda self, fast=fast: fast)
            dx = layer.backward(dout)
        out.append((layer.grads["W"], layer.grads["b"], dx))
    return out


@pytest.mark.parametrize(("c", "f", "k", "pad", "h", "w"), [
    (4, 3, 5, 2, 8, 7), (5, 2, 5, 0, 9, 9), (4, 6, 3, 1, 6, 5), (6, 4, 7, 3, 6, 6),
    (4, 2, 2, 4, 5, 6)])                                          # pad wider than the kernel
def test_fast_backward_equals_the_im2col_backward(c, f, k, pad, h, w):
    (dW, db, dx), (dW_ref, db_ref, dx_ref) = _both_paths(c, f, k, pad, h, w, np.float64)
    assert dW.shape == dW_ref.shape and dx.shape == dx_ref.shape
    np.testing.assert_allclose(dW, dW_ref, rtol=1e-10, atol=1e-11)
    np.testing.assert_allclose(db, db_ref, rtol=1e-12)
    np.testing.assert_allclose(dx, dx_ref, rtol=1e-10, atol=1e-11)


def test_float32_stays_float32_and_agrees_to_its_precision():
    (dW, _, dx), (dW_ref, _, dx_ref) = _both_paths(8, 6, 5, 2, 10, 10, np.float32)
    assert dW.dtype == dx.dtype == np.float32
    scale = np.abs(dx_ref).max()
    np.testing.assert_allclose(dx, dx_ref, atol=2e-6 * scale)
    np.testing.assert_allclose(dW, dW_ref, atol=2e-6 * np.abs(dW_ref).max())


@pytest.mark.parametrize(("c", "f", "k", "pad", "h", "w"), [
    (4, 3, 5, 2, 8, 7), (5, 2, 5, 0, 9, 9), (4, 6, 3, 1, 6, 5), (3, 4, 2, 4, 5, 6)])
@pytest.mark.parametrize("workers", [1, 2])
def test_forward_in_the_frequency_domain_equals_the_im2col_forward(c, f, k, pad, h, w, workers):
    """conv_forward against the plain forward (im2col; float64), any worker count giving the
    same bits, and the spectrum it keeps is the one conv_grads would compute (conjugated)."""
    rng = np.random.default_rng(4)
    layer = Conv2D(filters=f, kernel_size=k, pad=pad)
    layer.build((c, h, w), rng, np.float64, None)
    layer.params["b"] = rng.standard_normal(f)
    x = rng.standard_normal((5, c, h, w))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Conv2D, "wide_pays", lambda self: False)
        mp.setattr(Conv2D, "fft_pays", lambda self: False)
        expected = layer.forward(x)
    got, (X, W_freq) = fftconv.conv_forward(x, layer.params["W"], layer.params["b"], pad)
    np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-11)
    size = (h + 2 * pad, w + 2 * pad)
    np.testing.assert_array_equal(X.ravel(), fftconv.to_freq(x, size, pad, conj=True).ravel())
    np.testing.assert_allclose(X.ravel(), fftconv.to_freq(x, size, pad).conj().ravel(),
                               rtol=0, atol=1e-12 * np.abs(X).max())   # kept conjugated
    np.testing.assert_array_equal(W_freq.ravel(), fftconv.to_freq(layer.params["W"], size).ravel())
    parallel.set_workers(workers)
    try:
        again, _ = fftconv.conv_forward(x, layer.params["W"], layer.params["b"], pad)
    finally:
        parallel.set_workers(1)
    np.testing.assert_array_equal(again, got)


def test_float32_forward_agrees_to_its_precision():
    rng = np.random.default_rng(5)
    x = rng.standard_normal((4, 16, 14, 14)).astype(np.float32)
    W = (rng.standard_normal((8, 16, 5, 5)) * 0.05).astype(np.float32)
    b = rng.standard_normal(8).astype(np.float32)
    got, (X, _) = fftconv.conv_forward(x, W, b, 2)
    layer = Conv2D(filters=8, kernel_size=5, pad=2)
    layer.params = {"W": W, "b": b}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Conv2D, "fft_pays", lambda self: False)
        expected = layer.forward(x)
    assert got.dtype == np.float32 and X.dtype == np.complex64
    np.testing.assert_allclose(got, expected, atol=2e-6 * np.abs(expected).max())


def test_backward_from_the_kept_spectrum_is_the_backward_from_x():
    """A layer whose training forward ran in the frequency domain hands its spectrum of x to
    conv_grads: the same bits as conv_grads transforming x itself."""
    rng = np.random.default_rng(6)
    layer = Conv2D(filters=4, kernel_size=5, pad=2)
    layer.build((16, 7, 7), rng, np.float64, None)
    layer.needs_dx = True
    x = rng.standard_normal((3, 16, 7, 7))
    dout = rng.standard_normal(layer.forward(x, train=True).shape)
    assert layer.fft_pays() and layer.x_freq is not None
    dx = layer.backward(dout)
    dW_ref, dx_ref = fftconv.conv_grads(dout, x, layer.params["W"], 2, True)
    np.testing.assert_array_equal(layer.grads["W"], dW_ref)
    np.testing.assert_array_equal(dx, dx_ref)


def test_no_input_gradient_when_not_needed():
    (dW, _, dx), (dW_ref, _, _) = _both_paths(4, 3, 5, 2, 8, 8, np.float64, needs_dx=False)
    assert dx is None
    np.testing.assert_allclose(dW, dW_ref, rtol=1e-10, atol=1e-11)


def test_two_workers_give_the_same_numbers():
    try:
        parallel.set_workers(2)
        (dW2, _, dx2), _ = _both_paths(6, 5, 5, 2, 9, 9, np.float64)
    finally:
        parallel.set_workers(1)
    (dW1, _, dx1), _ = _both_paths(6, 5, 5, 2, 9, 9, np.float64)
    np.testing.assert_array_equal(dW2, dW1)
    np.testing.assert_array_equal(dx2, dx1)


def test_the_chooser_takes_the_fast_path_for_big_kernels_on_many_channels():
    rng = np.random.default_rng(3)
    picks = {}
    for c, k, stride in ((16, 5, 1), (6, 5, 1), (4, 5, 1), (32, 3, 1), (16, 5, 2)):
        layer = Conv2D(filters=2, kernel_size=k, stride=stride, pad=2)
        layer.build((c, 9, 9), rng, np.float64, None)
        layer.forward(rng.standard_normal((2, c, 9, 9)), train=True)
        picks[c, k, stride] = layer.fft_pays()
    assert picks == {(16, 5, 1): True, (6, 5, 1): True, (4, 5, 1): False, (32, 3, 1): False,
                     (16, 5, 2): False}


def test_gradient_check_through_the_fast_path(monkeypatch):
    """A DigitNet-like pair of 5x5 convolutions: the second takes the frequency path (a spy
    counts it), and backprop matches finite differences for every parameter and the input."""
    calls = []
    real = fftconv.conv_grads

    def spy(*args, **kwargs):
        calls.append(args[2].shape)
        return real(*args, **kwargs)

    monkeypatch.setattr(fftconv, "conv_grads", spy)
    spec = {"input_shape": [1, 8, 8], "layers": [
        {"type": "Conv2D", "filters": 16, "kernel_size": 5, "pad": 2}, {"type": "ReLU"},
        {"type": "Conv2D", "filters": 3, "kernel_size": 5, "pad": 2}, {"type": "ReLU"},
        {"type": "Dense", "units": 3}]}
    errors = gradcheck(spec, seed=0)
    assert calls and calls[0] == (3, 16, 5, 5)
    assert max(errors.values()) < 1e-6, errors
