"""BatchNorm's fast passes against the book's plain code (ch. 6.3, `book_forward` and
`book_backward`, every intermediate gradient spelled out), on vectors and images, in float64
(tight) and float32, with a mean far from zero; and against central differences."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.nn import BatchNorm
from nndesk.nn.batchnorm import book_backward, book_forward
from nndesk.nn.layers import BatchNorm as FromLayers

TOL = {np.float64: {"rtol": 1e-10, "atol": 1e-12}, np.float32: {"rtol": 1e-4, "atol": 1e-5}}


def _as_rows(a):
    """(N, C, H, W) -> (N*H*W, C): the book's per-feature layout for a spatial batch norm."""
    return a if a.ndim == 2 else a.transpose(0, 2, 3, 1).reshape(-1, a.shape[1])


def _from_rows(a, shape):
    return a if len(shape) == 2 else a.reshape(shape[0], *shape[2:], shape[1]).transpose(0, 3, 1, 2)


def _layer(shape, dtype, seed=0):
    layer = BatchNorm(eps=1e-3)
    layer.build(shape[1:], np.random.default_rng(seed), dtype, None)
    rng = np.random.default_rng(seed + 1)
    layer.params["gamma"][...] = rng.standard_normal(shape[1])
    layer.params["beta"][...] = rng.standard_normal(shape[1])
    return layer


def test_the_layer_is_still_importable_from_layers():
    assert FromLayers is BatchNorm


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("shape", [(6, 5), (4, 3, 5, 7), (2, 8, 6, 6), (1, 2, 3, 3)])
def test_training_forward_and_backward_equal_the_books(shape, dtype):
    rng = np.random.default_rng(3)
    x = (rng.standard_normal(shape) * 3 + 20).astype(dtype)     # mean 20, std 3
    dout = rng.standard_normal(shape).astype(dtype)
    layer = _layer(shape, dtype)
    gamma, beta = layer.params["gamma"], layer.params["beta"]
    out, cache = book_forward(_as_rows(x).astype(np.float64), gamma.astype(np.float64),
                              beta.astype(np.float64), 1e-3)
    dx, dgamma, dbeta = book_backward(_as_rows(dout).astype(np.float64),
                                      gamma.astype(np.float64), cache)
    got = layer.forward(x, train=True)
    assert got.dtype == dtype and got.shape == shape
    np.testing.assert_allclose(got, _from_rows(out, shape), **TOL[dtype])
    got_dx = layer.backward(dout)
    assert got_dx.dtype == dtype and got_dx.shape == shape
    np.testing.assert_allclose(got_dx, _from_rows(dx, shape), **TOL[dtype])
    np.testing.assert_allclose(layer.grads["gamma"], dgamma, **TOL[dtype])
    np.testing.assert_allclose(layer.grads["beta"], dbeta, **TOL[dtype])


@pytest.mark.parametrize("shape", [(6, 5), (3, 4, 5, 6)])
def test_evaluation_backward_treats_the_running_statistics_as_constants(shape):
    """In evaluation out = gamma (x - running_mean) / sqrt(running_var + eps) + beta, a
    per-feature affine map: dx = dout * gamma / std, written out here per feature."""
    rng = np.random.default_rng(4)
    layer = _layer(shape, np.float64)
    layer.buffers["running_mean"][...] = rng.standard_normal(shape[1])
    layer.buffers["running_var"][...] = rng.uniform(0.5, 2.0, shape[1])
    x, dout = rng.standard_normal(shape), rng.standard_normal(shape)
    layer.forward(x, train=False)
    dx = layer.backward(dout)
    std = np.sqrt(layer.buffers["running_var"] + 1e-3)
    for ch in range(shape[1]):
        xn = (x[:, ch] - layer.buffers["running_mean"][ch]) / std[ch]
        np.testing.assert_allclose(dx[:, ch], dout[:, ch] * layer.params["gamma"][ch] / std[ch],
                                   rtol=1e-12)
        np.testing.assert_allclose(layer.grads["gamma"][ch], np.sum(dout[:, ch] * xn),
                                   rtol=1e-10)
        np.testing.assert_allclose(layer.grads["beta"][ch], np.sum(dout[:, ch]), rtol=1e-10)


def test_training_backward_matches_central_differences():
    """d sum(out * w) / dx by central differences, for a few elements (float64)."""
    rng = np.random.default_rng(5)
    shape = (3, 2, 4, 4)
    layer = _layer(shape, np.float64)
    x, w = rng.standard_normal(shape), rng.standard_normal(shape)
    layer.forward(x, train=True)
    dx = layer.backward(w)
    h = 1e-6
    for idx in [(0, 0, 0, 0), (1, 1, 2, 3), (2, 0, 3, 1)]:
        plus, minus = x.copy(), x.copy()
        plus[idx] += h
        minus[idx] -= h
        numeric = (np.sum(_layer(shape, np.float64).forward(plus, True) * w)
                   - np.sum(_layer(shape, np.float64).forward(minus, True) * w)) / (2 * h)
        assert abs(numeric - dx[idx]) < 1e-6
