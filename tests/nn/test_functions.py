"""The book's ch. 2-4: perceptron truth tables, activation values, stable softmax."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from nndesk.nn import MeanSquaredError, SoftmaxCrossEntropy
from nndesk.nn import functions as F
from nndesk.nn.perceptron import AND, NAND, OR, XOR

INPUTS = [(0, 0), (1, 0), (0, 1), (1, 1)]


@pytest.mark.parametrize(("gate", "table"), [
    (AND, [0, 0, 0, 1]), (NAND, [1, 1, 1, 0]), (OR, [0, 1, 1, 1]), (XOR, [0, 1, 1, 0])])
def test_perceptron_truth_tables(gate, table):
    assert [gate(a, b) for a, b in INPUTS] == table


def test_activation_values():
    x = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    np.testing.assert_array_equal(F.step(x), [0, 0, 0, 1, 1])
    np.testing.assert_array_equal(F.identity(x), x)
    np.testing.assert_array_equal(F.relu(x), [0, 0, 0, 0.5, 2])
    np.testing.assert_allclose(F.leaky_relu(x), [-0.02, -0.005, 0, 0.5, 2])
    np.testing.assert_allclose(F.leaky_relu(x, 0.1), [-0.2, -0.05, 0, 0.5, 2])
    np.testing.assert_allclose(F.sigmoid(x), 1 / (1 + np.exp(-x)), rtol=1e-12)
    assert F.sigmoid(np.array(0.0)) == 0.5
    np.testing.assert_allclose(F.tanh(x), [-0.96402758, -0.46211716, 0, 0.46211716,
                                           0.96402758], rtol=1e-7)
    np.testing.assert_allclose(F.softmax(np.array([0.3, 2.9, 4.0])),
                               [0.01821127, 0.24519181, 0.73659691], rtol=1e-6)
    # the book's example: cross-entropy of 0.6 on the right class is -log(0.6)
    y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
    assert F.cross_entropy(y, np.eye(10)[2]) == pytest.approx(0.510825457, rel=1e-6)
    assert F.cross_entropy(y, np.array(2)) == pytest.approx(0.510825457, rel=1e-6)


def test_stable_at_plus_minus_1000():
    x = np.array([[1000.0, 0.0, -1000.0], [1000.0, 1000.0, 1000.0]], dtype=np.float32)
    with warnings.catch_warnings():
        warnings.simplefilter("error")                       # overflow would raise
        p = F.softmax(x)
        s = F.sigmoid(x)
        ce = F.cross_entropy(p, np.array([2, 0]))
        loss = SoftmaxCrossEntropy()
        value = loss.forward(x, np.array([2, 0]))
        dy = loss.backward()
    assert np.isfinite(p).all() and np.isfinite(s).all() and np.isfinite(dy).all()
    np.testing.assert_allclose(p[0], [1, 0, 0], atol=1e-6)
    np.testing.assert_allclose(p[1], [1 / 3] * 3, rtol=1e-6)
    np.testing.assert_array_equal(s[0], [1, 0.5, 0])
    # -log(0 + 1e-7) = 16.1181 for the wrong one, -log(1/3 + 1e-7) = 1.0986 for the other
    assert ce == pytest.approx((16.11809565 + 1.09861199) / 2, rel=1e-6)
    # exact: sample 1 is off by 2000 -> 2000; sample 2 is uniform -> log 3
    assert value == pytest.approx((2000 + np.log(3)) / 2, rel=1e-6)


def test_losses_match_the_formulas():
    y = np.array([[1.0, 2.0, 0.5], [0.1, 0.2, 3.0]])
    t = np.array([1, 2])
    ce = SoftmaxCrossEntropy()
    p = F.softmax(y)
    assert ce.forward(y, t) == pytest.approx(-np.log(p[[0, 1], t]).mean())
    np.testing.assert_allclose(ce.backward(), (p - np.eye(3)[t]) / 2)
    mse = MeanSquaredError()
    assert mse.forward(y, t) == pytest.approx(0.5 * ((y - np.eye(3)[t]) ** 2).sum() / 2)
    np.testing.assert_allclose(mse.backward(), (y - np.eye(3)[t]) / 2)
    with pytest.raises(ValueError, match="labels must be in 0..2"):
        ce.forward(y, np.array([0, 3]))


def test_step_keeps_a_float_dtype_and_gives_integers_for_integers():
    for dtype in (np.float32, np.float64):
        out = F.step(np.array([-1.0, 0.0, 2.0], dtype=dtype))
        assert out.dtype == dtype and out.tolist() == [0.0, 0.0, 1.0]
    out = F.step(np.array([-3, 0, 5], dtype=np.int32))
    assert out.dtype == np.int64 and out.tolist() == [0, 0, 1]


def test_cross_entropy_is_the_mean_over_a_batch_of_labels_or_one_hot_rows():
    y = np.array([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]])
    expected = (0.356674944 + 1.609437912) / 2              # -ln 0.7 and -ln 0.2, averaged
    assert F.cross_entropy(y, np.array([1, 2])) == pytest.approx(expected, rel=1e-6)
    assert F.cross_entropy(y, np.eye(3)[[1, 2]]) == pytest.approx(expected, rel=1e-6)
