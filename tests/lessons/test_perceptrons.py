"""Ch. 2: the book's gate weights give the book's truth tables; training finds gates, not XOR."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.lessons.perceptrons import (
    GATES,
    decision_line,
    train_perceptron,
    truth_table,
    xor_layers,
)

# rows (0,0), (1,0), (0,1), (1,1): the book's tables 2-2, 2-3, 2-4 and 2-5
BOOK = {"AND": [0, 0, 0, 1], "NAND": [1, 1, 1, 0], "OR": [0, 1, 1, 1], "XOR": [0, 1, 1, 0]}


@pytest.mark.parametrize("gate", ["AND", "NAND", "OR"])
def test_book_weights_give_the_truth_tables(gate):
    assert truth_table(*GATES[gate]).tolist() == BOOK[gate]


def test_the_sum_must_be_above_zero_to_fire():
    # w1 = w2 = 0.5, b = -1: (1,1) gives exactly 0, which the book's perceptron maps to 0
    assert truth_table(0.5, 0.5, -1.0).tolist() == [0, 0, 0, 0]


def test_decision_line_of_or_and_the_degenerate_cases():
    xs, ys = decision_line(1.0, 1.0, -0.5, lo=0.0, hi=1.0)  # fig. 2-6: x2 = 0.5 - x1
    assert xs.tolist() == [0.0, 1.0] and ys.tolist() == [0.5, -0.5]
    xs, ys = decision_line(2.0, 0.0, -1.0)                 # vertical at x1 = 0.5
    assert xs.tolist() == [0.5, 0.5]
    assert decision_line(0.0, 0.0, 1.0) is None


@pytest.mark.parametrize("gate", ["AND", "NAND", "OR"])
def test_training_finds_weights_for_each_separable_gate(gate):
    fit = train_perceptron(BOOK[gate])
    assert fit.converged and fit.errors[-1] == 0
    assert truth_table(fit.w1, fit.w2, fit.b).tolist() == BOOK[gate]
    sums = np.array([[0, 0], [1, 0], [0, 1], [1, 1]]) @ [fit.w1, fit.w2] + fit.b
    assert np.abs(sums).min() > 0.04                          # no point on the line


def test_xor_is_not_learned_by_one_perceptron_but_two_layers_compute_it():
    fit = train_perceptron(BOOK["XOR"], max_epochs=500)
    assert not fit.converged and min(fit.errors) > 0
    layers = xor_layers()
    assert layers["s1"].tolist() == BOOK["NAND"] and layers["s2"].tolist() == BOOK["OR"]
    assert layers["y"].tolist() == BOOK["XOR"]


def test_no_weights_on_a_fine_grid_give_xor():
    grid = np.linspace(-2, 2, 21)
    tables = {tuple(truth_table(a, b, c)) for a in grid for b in grid for c in grid}
    assert tuple(BOOK["AND"]) in tables and tuple(BOOK["XOR"]) not in tables
