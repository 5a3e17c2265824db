"""Every layer's fast forward pass against the loop-based reference (tests/nn/reference.py),
in training and evaluation mode, on random inputs of odd sizes, float64 (tight) and float32.

The expected values never come from nndesk: the references are written from the book and the
papers, one number at a time.
"""

from __future__ import annotations

import numpy as np
import pytest
import reference as ref

from nndesk.nn import (
    AvgPool2D,
    BatchNorm,
    Conv2D,
    Dense,
    Dropout,
    Flatten,
    LeakyReLU,
    MaxPool2D,
    ReLU,
    Sigmoid,
    Tanh,
)

TOL = {np.float64: {"rtol": 1e-10, "atol": 1e-12}, np.float32: {"rtol": 2e-5, "atol": 2e-5}}
DTYPES = [np.float64, np.float32]
MODES = [True, False]


def _x(shape, dtype, seed=0, scale=1.0):
    return (np.random.default_rng(seed).standard_normal(shape) * scale).astype(dtype)


def _built(layer, input_shape, dtype, seed=1):
    layer.build(input_shape, np.random.default_rng(seed), dtype, None)
    rng = np.random.default_rng(seed + 1)
    for p in layer.params.values():                  # biases and gamma/beta not 0 and 1
        p[...] = rng.standard_normal(p.shape)
    return layer


def _close(actual, expected, dtype):
    assert actual.dtype == dtype
    np.testing.assert_allclose(actual, expected, **TOL[dtype])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("train", MODES)
@pytest.mark.parametrize(("x_shape", "units"), [((4, 5), 3), ((3, 2, 7, 6), 5), ((1, 1), 1)])
def test_dense(x_shape, units, train, dtype):
    layer = _built(Dense(units=units), x_shape[1:], dtype)
    x = _x(x_shape, dtype)
    _close(layer.forward(x, train), ref.dense(x, layer.params["W"], layer.params["b"]), dtype)


CONV = [  # (input (N, C, H, W), filters, kernel, stride, pad)
    ((2, 3, 7, 6), 2, 3, 1, 0),
    ((2, 3, 7, 6), 4, 3, 2, 1),
    ((2, 2, 7, 6), 2, 2, 1, 2),
    ((2, 2, 7, 6), 3, 3, 2, 2),                     # 7x6, stride 2, pad 2
    ((1, 1, 9, 5), 2, 5, 1, 2),
    ((2, 3, 7, 6), 3, 1, 1, 0),
    ((1, 2, 8, 7), 2, 4, 3, 1),
]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("train", MODES)
@pytest.mark.parametrize(("x_shape", "filters", "k", "stride", "pad"), CONV)
def test_conv2d(x_shape, filters, k, stride, pad, train, dtype):
    layer = _built(Conv2D(filters=filters, kernel_size=k, stride=stride, pad=pad),
                   x_shape[1:], dtype)
    x = _x(x_shape, dtype)
    expected = ref.conv2d(x, layer.params["W"], layer.params["b"], stride, pad)
    _close(layer.forward(x, train), expected, dtype)


POOLS = [  # (input (N, C, H, W), pool_size, stride or None)
    ((2, 3, 7, 6), 2, None),                        # odd height: the last row is cropped
    ((2, 3, 6, 4), 2, None),                        # 2x2 tiles: the fast path in training
    ((2, 2, 8, 8), 2, 2),
    ((2, 2, 7, 6), 3, 2),                           # 3x3 windows, stride 2
    ((1, 2, 7, 6), 2, 1),                           # overlapping windows
    ((1, 1, 5, 7), 3, None),
    ((1, 1, 4, 4), 1, None),
]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("train", MODES)
@pytest.mark.parametrize(("x_shape", "size", "stride"), POOLS)
def test_max_pool(x_shape, size, stride, train, dtype):
    x = _x(x_shape, dtype)
    out = MaxPool2D(pool_size=size, stride=stride).forward(x, train)
    _close(out, ref.max_pool(x, size, stride or size), dtype)


@pytest.mark.parametrize("train", MODES)
def test_max_pool_with_ties_and_negative_maps(train):
    """Whole numbers tie often; an all-negative map catches a max that starts from 0."""
    x = np.random.default_rng(4).integers(-3, 1, (2, 2, 6, 6)).astype(np.float32)
    x[0, 0] = -5.0 - np.arange(36).reshape(6, 6)
    out = MaxPool2D(pool_size=2).forward(x, train)
    np.testing.assert_array_equal(out, ref.max_pool(x, 2, 2))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("train", MODES)
@pytest.mark.parametrize(("x_shape", "size", "stride"), POOLS)
def test_avg_pool(x_shape, size, stride, train, dtype):
    x = _x(x_shape, dtype)
    out = AvgPool2D(pool_size=size, stride=stride).forward(x, train)
    _close(out, ref.avg_pool(x, size, stride or size), dtype)


def test_a_max_pool_that_ignores_one_pixel_fails_the_reference_check(monkeypatch):
    """Issue 17's surviving mutant: a 2x2 MaxPool in evaluation mode that skips one pixel of
    each window. The comparison above must catch it, in evaluation and in training mode."""
    real = MaxPool2D._offsets
    monkeypatch.setattr(MaxPool2D, "_offsets", lambda self: real(self)[:-1])
    monkeypatch.setattr(MaxPool2D, "_tiles_2x2", lambda self: False)
    for train in MODES:
        with pytest.raises(AssertionError):
            test_max_pool((2, 3, 6, 4), 2, None, train, np.float32)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("x_shape", [(5, 4), (3, 2, 7, 6), (1, 3, 2, 2)])
def test_batch_norm_training_and_running_statistics(x_shape, dtype):
    layer = _built(BatchNorm(momentum=0.8, eps=1e-3), x_shape[1:], dtype)
    rng = np.random.default_rng(9)
    layer.buffers["running_mean"][...] = rng.standard_normal(x_shape[1])
    layer.buffers["running_var"][...] = rng.uniform(0.5, 2.0, x_shape[1])
    x = _x(x_shape, dtype, scale=3.0) + 2.0
    expected, rm, rv = ref.batch_norm(x, layer.params["gamma"], layer.params["beta"],
                                      layer.buffers["running_mean"],
                                      layer.buffers["running_var"], 0.8, 1e-3, train=True)
    _close(layer.forward(x, train=True), expected, dtype)
    _close(layer.buffers["running_mean"], rm, dtype)
    _close(layer.buffers["running_var"], rv, dtype)
    ev, _, _ = ref.batch_norm(x, layer.params["gamma"], layer.params["beta"], rm, rv, 0.8,
                              1e-3, train=False)
    _close(layer.forward(x, train=False), ev, dtype)           # the running statistics
    _close(layer.buffers["running_mean"], rm, dtype)           # evaluation changes nothing


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("train", MODES)
@pytest.mark.parametrize(("layer", "name"), [
    (ReLU(), "ReLU"), (LeakyReLU(alpha=0.2), "LeakyReLU"), (Sigmoid(), "Sigmoid"),
    (Tanh(), "Tanh")])
def test_activations(layer, name, train, dtype):
    x = _x((3, 2, 7, 6), dtype, scale=4.0)
    x[0, 0, 0, :4] = [-1000.0, 1000.0, 0.0, -0.0]             # saturation, and zero
    alpha = getattr(layer, "alpha", 0.01)
    _close(layer.forward(x, train), ref.activation(name, x, alpha), dtype)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("rate", [0.0, 0.3, 0.9])
def test_dropout_with_the_generators_mask(rate, dtype):
    """Train: the keep mask is the next draw of the network's Generator, >= rate (the
    documented contract); about 1 - rate of the units are kept. Eval: the input."""
    x = _x((50, 40), dtype) + 5.0                               # never 0: drops show as 0
    layer = Dropout(rate=rate)
    layer.rng = np.random.default_rng(11)
    keep = np.random.default_rng(11).random(x.shape, dtype=dtype) >= rate
    out = layer.forward(x, train=True)
    _close(out, ref.dropout(x, keep, rate, train=True), dtype)
    assert abs(keep.mean() - (1 - rate)) < 0.05
    _close(layer.forward(x, train=False), ref.dropout(x, keep, rate, train=False), dtype)


@pytest.mark.parametrize("train", MODES)
def test_flatten_keeps_the_books_row_order(train):
    x = np.arange(2 * 3 * 4 * 5, dtype=np.float32).reshape(2, 3, 4, 5)
    out = Flatten().forward(x, train)
    assert out.shape == (2, 60)
    assert [float(v) for v in out[1]] == [float(60 + i) for i in range(60)]   # C, H, W order
