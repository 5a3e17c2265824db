"""Losses against values worked out by hand: labels or one-hot, any scale, dtype kept."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nndesk.nn import MeanSquaredError, SoftmaxCrossEntropy
from nndesk.nn.losses import one_hot


def test_softmax_cross_entropy_by_hand_rows_of_very_different_scale():
    """Each row is shifted by its own max: a row far below another still counts (a shift by
    the batch's max would make exp underflow to 0 and the loss infinite)."""
    y = np.array([[1000.0, 0.0], [-1000.0, -1001.0]])
    loss = SoftmaxCrossEntropy()
    # row 1, label 0: -log(1 / (1 + e^-1000)) ~ 0; row 2, label 1: -log(e^-1 / (1 + e^-1))
    expected = (0.0 + (1 + math.log(1 + math.exp(-1)))) / 2
    assert loss.forward(y, np.array([0, 1])) == pytest.approx(expected, rel=1e-12)
    p2 = 1 / (1 + math.exp(-1))
    np.testing.assert_allclose(loss.backward(), [[0.0, 0.0], [(p2 - 0) / 2, (1 - p2 - 1) / 2]],
                               atol=1e-12)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_labels_and_one_hot_give_the_same_loss_and_gradient(dtype):
    y = np.random.default_rng(0).standard_normal((4, 3)).astype(dtype)
    t = np.array([2, 0, 1, 2])
    for cls in (SoftmaxCrossEntropy, MeanSquaredError):
        a, b = cls(), cls()
        assert a.forward(y, t) == pytest.approx(b.forward(y, np.eye(3)[t]), rel=1e-6)
        ga, gb = a.backward(), b.backward()
        assert ga.dtype == gb.dtype == dtype
        np.testing.assert_array_equal(ga, gb)


def test_mse_by_hand():
    y = np.array([[0.5, 0.2], [0.1, 0.9]])
    loss = MeanSquaredError()
    # 0.5 * ((0.5-1)^2 + 0.2^2 + 0.1^2 + (0.9-1)^2) / 2
    assert loss.forward(y, np.array([0, 1])) == pytest.approx(0.5 * 0.31 / 2, rel=1e-12)
    np.testing.assert_allclose(loss.backward(), [[-0.25, 0.1], [0.05, -0.05]], rtol=1e-12)


def test_one_hot():
    np.testing.assert_array_equal(one_hot(np.array([1, 0]), 3), [[0, 1, 0], [1, 0, 0]])
    assert one_hot(np.array([1, 0]), 3).dtype == np.float32
    assert one_hot(np.eye(3, dtype=np.int64), 3, np.float64).dtype == np.float64
    with pytest.raises(ValueError, match="labels must be in 0..2; got 0..3"):
        one_hot(np.array([0, 3]), 3)
