"""Nielsen ch. 3 (learning slowdown) and ch. 4 (universality by steps)."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.lessons.nielsen import (
    approximate,
    bump_weights,
    nielsen_function,
    slowdown,
)


def test_quadratic_cost_learns_slowly_from_a_saturated_start_cross_entropy_does_not():
    quad, ce = slowdown("quadratic"), slowdown("cross_entropy")
    assert quad.output[0] == ce.output[0] == pytest.approx(0.98201379)   # sigmoid(4)
    assert quad.output[50] > 0.97 and ce.output[50] < 0.15              # Nielsen's two plots
    assert quad.output[-1] < 0.3                                         # it gets there later
    assert np.all(np.diff(quad.cost) < 0) and np.all(np.diff(ce.cost) < 0)


@pytest.mark.parametrize("cost", ["quadratic", "cross_entropy"])
def test_the_first_step_is_the_cost_gradient(cost):
    s = slowdown(cost, epochs=1, eta=1.0)

    def c(w, b):
        a = 1 / (1 + np.exp(-(w + b)))
        return a ** 2 / 2 if cost == "quadratic" else -np.log(1 - a)

    h = 1e-6
    dw = (c(2 + h, 2) - c(2 - h, 2)) / (2 * h)
    assert s.w[1] == pytest.approx(2 - dw, rel=1e-6) and s.b[1] == pytest.approx(2 - dw, rel=1e-6)


def test_unknown_cost_is_refused():
    with pytest.raises(ValueError, match="quadratic"):
        slowdown("hinge")


def test_steep_steps_make_bumps_of_the_given_heights():
    edges = np.array([0.0, 0.25, 0.5, 1.0])
    x = np.array([0.1, 0.4, 0.7])
    y = approximate(np.array([0.3, -0.2, 0.8]), edges, x)
    assert np.allclose(y, [0.3, -0.2, 0.8], atol=1e-6)
    w = bump_weights(edges, np.array([1.0, 2.0, 3.0]), steepness=10)
    assert w["0.b"].tolist() == [-0.0, -2.5, -2.5, -5.0, -5.0, -10.0]    # bias = -w s


def test_more_bumps_approximate_nielsens_function_better():
    x = np.linspace(0.005, 0.995, 400)
    errors = []
    for n in (5, 20, 80):
        edges = np.linspace(0, 1, n + 1)
        mid = (edges[:-1] + edges[1:]) / 2
        errors.append(np.abs(approximate(nielsen_function(mid), edges, x)
                             - nielsen_function(x)).mean())
    assert errors[0] > errors[1] > errors[2] and errors[2] < 0.01
