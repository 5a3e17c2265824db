"""Ch. 4: the book's loss values, derivative errors, gradient (6, 8) at (3, 4), descent paths."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.lessons.learning import (
    BOOK_T,
    BOOK_Y,
    derivative_errors,
    function_2,
    gradient_descent,
    gradient_field,
    losses,
    numerical_gradient,
)


def test_losses_of_the_books_two_outputs():
    right = losses(BOOK_Y, BOOK_T)                            # "2" with 0.6
    assert right["mse"] == pytest.approx(0.0975)
    assert right["cross_entropy"] == pytest.approx(0.510825457099338, rel=1e-6)
    wrong = losses(np.roll(BOOK_Y, 5), BOOK_T)                # 0.6 on "7": y[2] = 0.1
    assert wrong["mse"] == pytest.approx(0.5975)
    assert wrong["cross_entropy"] == pytest.approx(2.302584092994546, rel=1e-6)


def test_derivative_error_shrinks_then_rounding_takes_over():
    hs = np.array([1e-1, 1e-4, 1e-50])
    err = derivative_errors(hs)
    assert err["central"][0] < 1e-12                          # exact for a quadratic
    assert err["forward"][0] == pytest.approx(0.001)          # 0.01 h: truncation
    assert err["central"][1] < 1e-9                           # the book's 0.1999999999990898
    assert err["central"][2] == pytest.approx(0.2)            # 5 + 1e-50 == 5: estimate 0
    err32 = derivative_errors(np.array([1e-4]), dtype=np.float32)
    assert err32["central"][0] > 1e-4                         # float32 rounds far sooner


def test_numerical_gradient_at_the_books_points():
    assert np.allclose(numerical_gradient(function_2, [3.0, 4.0]), [6.0, 8.0])
    assert np.allclose(numerical_gradient(function_2, [0.0, 2.0]), [0.0, 4.0])
    assert np.allclose(numerical_gradient(function_2, [3.0, 0.0]), [6.0, 0.0])


def test_gradient_field_points_to_the_minimum():
    points, arrows = gradient_field(n=5)
    assert points.shape == arrows.shape == (25, 2)
    assert np.allclose(arrows, -2 * points)
    assert np.all((points * arrows).sum(axis=1) <= 0)         # never uphill


def test_descent_paths_for_good_large_and_small_learning_rates():
    good = gradient_descent((-3.0, 4.0), lr=0.1, steps=100)
    assert good.shape == (101, 2) and np.abs(good[-1]).max() < 1e-8   # the book: ~(-6e-10, 8e-10)
    big = gradient_descent((-3.0, 4.0), lr=10.0, steps=100)
    assert np.abs(big[-1]).max() > 1e10                       # diverges
    small = gradient_descent((-3.0, 4.0), lr=1e-10, steps=100)
    assert np.allclose(small[-1], [-3.0, 4.0], atol=1e-6)     # barely moves
