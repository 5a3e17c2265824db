"""Ch. 3: activations and their derivatives, softmax at 1000, the 3-layer forward pass."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.lessons.activations import (
    ACTIVATIONS,
    BOOK_NETWORK,
    activation_curve,
    forward_steps,
    softmax_naive,
    softmax_stable,
)


def test_curves_at_known_points():
    x, y, dy = activation_curve("sigmoid", -1, 1, 3)
    assert np.allclose(y, [0.26894142, 0.5, 0.73105858])       # the book's sigmoid(-1, 1)
    assert np.allclose(dy, y * (1 - y))
    x, y, _ = activation_curve("step", -1, 1, 3)
    assert y.tolist() == [0, 0, 1]                              # step(0) = 0
    _, y, dy = activation_curve("ReLU", -2, 2, 5)
    assert y.tolist() == [0, 0, 0, 1, 2] and dy.tolist() == [0, 0, 0, 1, 1]
    _, y, dy = activation_curve("leaky ReLU", -2, 2, 3)
    assert np.allclose(y, [-0.2, 0, 2]) and np.allclose(dy[[0, 2]], [0.1, 1])
    _, y, dy = activation_curve("tanh", 0, 0, 1)
    assert y[0] == 0 and dy[0] == pytest.approx(1.0)


@pytest.mark.parametrize("name", [n for n in ACTIVATIONS if n != "step"])
def test_derivatives_match_central_differences(name):
    x, _, dy = activation_curve(name, -3.05, 2.95, 61)          # steps over 0, never on it
    f = ACTIVATIONS[name][0]
    h = 1e-5
    numeric = (np.asarray(f(x + h)) - np.asarray(f(x - h))) / (2 * h)
    assert np.allclose(dy, numeric, atol=1e-6)


def test_naive_softmax_overflows_at_1000_and_the_shift_avoids_it():
    a = np.array([1010.0, 1000.0, 990.0])                       # the book's 3.5.2 example
    y, overflowed = softmax_naive(a)
    assert overflowed and np.isnan(y).all()
    shifted, y = softmax_stable(a)
    assert shifted.tolist() == [0, -10, -20]
    assert np.allclose(y, [9.99954600e-01, 4.53978686e-05, 2.06106005e-09])
    y, overflowed = softmax_naive(np.array([0.3, 2.9, 4.0]))
    assert not overflowed and np.allclose(y, [0.01821127, 0.24519181, 0.73659691])


def test_forward_pass_of_the_book_for_one_sample_and_a_batch():
    steps = forward_steps()
    assert [(s.x_shape, s.w_shape, s.a_shape) for s in steps] == [
        ((2,), (2, 3), (3,)), ((3,), (3, 2), (2,)), ((2,), (2, 2), (2,))]
    assert np.allclose(steps[0].a, [0.3, 0.7, 1.1])             # A1 in 3.4.2
    assert np.allclose(steps[-1].z, [0.31682708, 0.69627909])   # the book's output y
    batch = forward_steps(np.tile([1.0, 0.5], (5, 1)))
    assert [s.a_shape for s in batch] == [(5, 3), (5, 2), (5, 2)]
    assert np.allclose(batch[-1].z, steps[-1].z)


def test_shapes_that_do_not_chain_name_the_layer():
    net = dict(BOOK_NETWORK, W2=np.zeros((4, 2)))
    with pytest.raises(ValueError, match="layer 2"):
        forward_steps(network=net)


def test_each_network_ends_with_its_books_output_function():
    """QA: the 3.6 MNIST network showed Y = identity(A3); the book's predict() ends with
    softmax, 3.4.3's forward() with the identity."""
    from nndesk.lessons.activations import NETWORKS, OUTPUTS

    assert NETWORKS["book"][1] == "identity" and NETWORKS["mnist"][1] == "softmax"
    for net, output in NETWORKS.values():
        x = np.full((3, net["W1"].shape[0]), 0.5)
        last = forward_steps(x, net, output)[-1]
        assert last.activation == output
        assert np.allclose(last.z, OUTPUTS[output](last.a))
    net, output = NETWORKS["mnist"]
    y = forward_steps(np.full((3, 784), 0.5), net, output)[-1].z
    assert y.shape == (3, 10) and np.allclose(y.sum(axis=1), 1) and (y > 0).all()
    book = forward_steps(network=NETWORKS["book"][0], output=NETWORKS["book"][1])[-1].z
    assert np.allclose(book, [0.31682708, 0.69627909])     # unchanged: the identity
