"""Ch. 5, fig. 5-17: forward values and backward gradients of the apples-and-oranges graph."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.lessons.backprop import INPUTS, AddLayer, MulLayer, buy_apples_oranges
from nndesk.lessons.learning import numerical_gradient


def test_the_books_values_and_gradients():
    values, grads = buy_apples_oranges()
    assert values["apple_price"] == 200 and values["orange_price"] == 450
    assert values["all_price"] == 650 and values["price"] == pytest.approx(715)
    expected = {"apple": 2.2, "apple_num": 110, "orange": 3.3, "orange_num": 165, "tax": 650,
                "apple_price": 1.1, "orange_price": 1.1, "all_price": 1.1, "price": 1}
    assert grads == pytest.approx(expected)


def test_gradients_match_central_differences_at_other_inputs():
    point = np.array([120.0, 4.0, 90.0, 5.0, 1.08])
    keys = list(INPUTS)

    def price(p):
        return buy_apples_oranges(*p)[0]["price"]

    numeric = numerical_gradient(price, point, h=1e-3)
    _, grads = buy_apples_oranges(*point)
    assert np.allclose(numeric, [grads[k] for k in keys], rtol=1e-6)


def test_the_two_layers_alone():
    mul, add = MulLayer(), AddLayer()
    assert mul.forward(100, 2) == 200 and mul.backward(1) == (2, 100)
    assert add.forward(3, 4) == 7 and add.backward(1.5) == (1.5, 1.5)
