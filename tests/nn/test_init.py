"""Weight initialization (ch. 6.2): each std written out, and the weights drawn from it."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.nn.init import init_std, init_weights


@pytest.mark.parametrize("init, fan_in, activation, std", [
    ("he", 50, None, 0.2),                # sqrt(2 / 50)
    ("xavier", 25, "relu", 0.2),          # sqrt(1 / 25), whatever follows
    ("auto", 8, "relu", 0.5),             # He before a ReLU: sqrt(2 / 8)
    ("auto", 16, "sigmoid", 0.25),        # Xavier otherwise: sqrt(1 / 16)
    ("auto", 4, None, 0.5),               # no activation: Xavier, sqrt(1 / 4)
    (0.01, 1000, "relu", 0.01),           # a number is the std itself
    ("0.05", 9, None, 0.05),
])
def test_init_std(init, fan_in, activation, std):
    value = init_std(init, fan_in, activation)
    assert type(value) is float and value == pytest.approx(std, rel=1e-12)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_init_weights_are_normal_times_std_drawn_in_float64(dtype):
    w = init_weights((3, 4), 0.5, np.random.default_rng(7), dtype)
    expected = np.random.default_rng(7).standard_normal((3, 4)) * 0.5
    assert w.dtype == dtype and w.shape == (3, 4)
    assert np.array_equal(w, expected.astype(dtype))   # the same numbers in every dtype
