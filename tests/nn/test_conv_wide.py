"""The padded-width convolution (conv_wide.py) against Conv2D's im2col path, the reference."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.nn import Conv2D, conv_wide, parallel
from nndesk.nn.gradcheck import gradcheck


def _both_paths(c, f, pad, h, w, dtype, n=5, needs_dx=True, k=3):
    """[(out, dW, db, dx) by conv_wide, the same by im2col] of one layer on one batch."""
    rng = np.random.default_rng(2)
    layer = Conv2D(filters=f, kernel_size=k, pad=pad)
    layer.build((c, h, w), rng, dtype, None)
    layer.params["b"] = rng.standard_normal(f).astype(dtype)
    layer.needs_dx = needs_dx
    x = rng.standard_normal((n, c, h, w)).astype(dtype)
    dout = None
    got = []
    for wide in (True, False):
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(Conv2D, "wide_pays", lambda self, wide=wide: wide)
            out = layer.forward(x, train=True)
            if dout is None:
                dout = rng.standard_normal(out.shape).astype(dtype)
            dx = layer.backward(dout)
        got.append((out, layer.grads["W"], layer.grads["b"], dx))
    return got


@pytest.mark.parametrize(("c", "f", "pad", "h", "w"), [
    (16, 16, 1, 9, 9), (16, 32, 1, 7, 6), (32, 32, 2, 6, 7), (4, 3, 0, 5, 8), (3, 5, 2, 4, 4)])
@pytest.mark.parametrize("chunk_bytes", [1, 4096, 2 << 20])   # one image a chunk .. all in one
def test_wide_path_equals_the_im2col_path(monkeypatch, c, f, pad, h, w, chunk_bytes):
    monkeypatch.setattr(conv_wide, "CHUNK_BYTES", chunk_bytes)
    (out, dW, db, dx), (out_r, dW_r, db_r, dx_r) = _both_paths(c, f, pad, h, w, np.float64)
    assert out.shape == out_r.shape and dx.shape == dx_r.shape and dW.shape == dW_r.shape
    np.testing.assert_allclose(out, out_r, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(dW, dW_r, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(db, db_r, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(dx, dx_r, rtol=1e-12, atol=1e-12)


def test_other_kernel_sizes_agree_too(monkeypatch):
    monkeypatch.setattr(conv_wide, "CHUNK_BYTES", 3000)
    for k, pad in ((5, 2), (5, 4), (2, 1), (1, 0)):
        (out, dW, _, dx), (out_r, dW_r, _, dx_r) = _both_paths(3, 4, pad, 6, 7, np.float64,
                                                              k=k)
        np.testing.assert_allclose(out, out_r, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(dW, dW_r, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(dx, dx_r, rtol=1e-12, atol=1e-12)


def test_float32_stays_float32_and_agrees_to_its_precision():
    (out, dW, _, dx), (out_r, dW_r, _, dx_r) = _both_paths(16, 16, 1, 12, 12, np.float32)
    assert out.dtype == dW.dtype == dx.dtype == np.float32
    for a, ref in ((out, out_r), (dW, dW_r), (dx, dx_r)):
        np.testing.assert_allclose(a, ref, atol=2e-6 * np.abs(ref).max())


def test_no_input_gradient_when_not_needed():
    (_, dW, _, dx), (_, dW_r, _, _) = _both_paths(16, 8, 1, 6, 6, np.float64, needs_dx=False)
    assert dx is None
    np.testing.assert_allclose(dW, dW_r, rtol=1e-12, atol=1e-12)


def test_a_new_batch_size_rebuilds_the_frames_borders(monkeypatch):
    """Kept frames written for one batch size, then read for another: still exact."""
    monkeypatch.setattr(conv_wide, "CHUNK_BYTES", 5000)
    for n in (7, 3, 8):
        (out, dW, _, dx), (out_r, dW_r, _, dx_r) = _both_paths(4, 3, 1, 6, 6, np.float64, n=n)
        np.testing.assert_allclose(out, out_r, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(dx, dx_r, rtol=1e-12, atol=1e-12)


def test_kept_frames_stay_exact_across_batch_sizes_and_layers(monkeypatch):
    """Frames whose borders are written once (`zeroed`, `_placed`): steps of 7 and 8 images
    (the same frames shape, another last chunk), then 3, on two layers of other geometries
    in turn, each step against the im2col path, and with two workers."""
    monkeypatch.setattr(conv_wide, "CHUNK_BYTES", 24300)   # 2 images a chunk, 1 for the 2nd
    monkeypatch.setattr(Conv2D, "wide_pays", lambda self: True)
    rng = np.random.default_rng(5)
    pairs = []
    for c, f, pad, h, w in ((4, 3, 1, 6, 6), (3, 4, 2, 5, 7)):
        layer = Conv2D(filters=f, kernel_size=3, pad=pad)
        layer.build((c, h, w), rng, np.float64, None)
        ref = Conv2D(filters=f, kernel_size=3, pad=pad)
        ref.params = layer.params
        layer.needs_dx = ref.needs_dx = True
        pairs.append((layer, ref, (c, h, w)))
    for n, workers in ((7, 1), (8, 1), (7, 2), (8, 1), (3, 1), (7, 1)):
        for layer, ref, shape in pairs:
            x = rng.standard_normal((n, *shape))
            parallel.set_workers(workers)
            try:
                got = [layer.forward(x, train=True)]
                got.append(layer.backward(np.ones_like(got[0]) + x.sum()))
            finally:
                parallel.set_workers(1)
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(Conv2D, "wide_pays", lambda self: False)
                want = [ref.forward(x, train=True)]
                want.append(ref.backward(np.ones_like(want[0]) + x.sum()))
            for a, b in zip(got, want, strict=True):
                np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12)
            np.testing.assert_allclose(layer.grads["W"], ref.grads["W"], rtol=1e-12)


def test_kept_frames_are_bounded_per_thread(monkeypatch):
    monkeypatch.setattr(conv_wide, "KEPT_FRAMES", 4)
    src = np.ones((2, 3, 4, 4))
    for row in range(12, 22):                         # ten layouts
        flat = conv_wide._placed("test", 6 * row + 2, src, 1, 1, 6, 5, row)
        assert flat[0, row + 1] == 1 and flat[0, 0] == 0
    assert len(conv_wide._local.frames) <= 4


def test_two_workers_give_the_same_numbers(monkeypatch):
    monkeypatch.setattr(conv_wide, "CHUNK_BYTES", 20000)
    try:
        parallel.set_workers(2)
        two = _both_paths(16, 16, 1, 8, 8, np.float64, n=9)[0]
    finally:
        parallel.set_workers(1)
    one = _both_paths(16, 16, 1, 8, 8, np.float64, n=9)[0]
    for a, b in zip(two, one, strict=True):
        np.testing.assert_array_equal(a, b)


def test_the_chooser_takes_the_wide_path_for_3x3_stride_1_on_16_channels():
    rng = np.random.default_rng(3)
    picks = {}
    for c, k, stride, pad in ((16, 3, 1, 1), (8, 3, 1, 1), (16, 5, 1, 2), (16, 3, 2, 1),
                              (16, 3, 1, 2), (16, 3, 1, 3)):
        layer = Conv2D(filters=2, kernel_size=k, stride=stride, pad=pad)
        layer.build((c, 9, 9), rng, np.float64, None)
        layer.forward(rng.standard_normal((2, c, 9, 9)), train=True)
        picks[c, k, stride, pad] = layer.wide_pays()
    assert picks == {(16, 3, 1, 1): True, (8, 3, 1, 1): False, (16, 5, 1, 2): False,
                     (16, 3, 2, 1): False, (16, 3, 1, 2): True, (16, 3, 1, 3): False}


def test_gradient_check_through_the_wide_path(monkeypatch):
    """A DeepConvNet-like pair of 3x3 convolutions: the second (16 channels in) takes the
    wide path (a spy counts it), and backprop matches finite differences."""
    calls = []
    real = conv_wide.backward

    def spy(*args, **kwargs):
        calls.append(args[2].shape)
        return real(*args, **kwargs)

    monkeypatch.setattr(conv_wide, "backward", spy)
    spec = {"input_shape": [1, 6, 6], "layers": [
        {"type": "Conv2D", "filters": 16, "kernel_size": 3, "pad": 1}, {"type": "ReLU"},
        {"type": "Conv2D", "filters": 3, "kernel_size": 3, "pad": 2}, {"type": "ReLU"},
        {"type": "Dense", "units": 3}]}
    errors = gradcheck(spec, seed=0)
    assert calls and calls[0] == (3, 16, 3, 3)
    assert max(errors.values()) < 1e-6, errors
