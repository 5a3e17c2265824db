"""Ch. 2, perceptrons: gates from two weights and a bias, their lines, and XOR in two layers.

Figures 2-6 (OR's line), 2-7 (XOR: no line separates it), 2-11/2-13 (XOR = AND(NAND, OR)).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nndesk.nn.functions import step

__all__ = ["INPUTS", "GATES", "TARGETS", "truth_table", "decision_line", "PerceptronFit",
           "train_perceptron", "xor_layers"]

INPUTS = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], dtype=np.float64)  # (x1, x2) rows
GATES: dict[str, tuple[float, float, float]] = {  # (w1, w2, b): the book's 2.3.1 choices
    "AND": (0.5, 0.5, -0.7),
    "NAND": (-0.5, -0.5, 0.7),
    "OR": (0.5, 0.5, -0.2),
}
TARGETS: dict[str, tuple[int, ...]] = {  # outputs for INPUTS' rows, as in the book's tables
    "AND": (0, 0, 0, 1), "NAND": (1, 1, 1, 0), "OR": (0, 1, 1, 1), "XOR": (0, 1, 1, 0)}


def truth_table(w1: float, w2: float, b: float, x: np.ndarray = INPUTS) -> np.ndarray:
    """y = step(w1 x1 + w2 x2 + b) for each row of x (N, 2) -> (N,) ints 0/1 (eq. 2.2)."""
    return step(np.asarray(x, dtype=np.float64) @ np.array([w1, w2]) + b).astype(int)


def decision_line(w1: float, w2: float, b: float, lo: float = -0.5, hi: float = 1.5
                  ) -> tuple[np.ndarray, np.ndarray] | None:
    """The line w1 x1 + w2 x2 + b = 0 as two end points (xs, ys) spanning [lo, hi].

    Vertical when w2 = 0; None when w1 = w2 = 0 (no line: the output is the same everywhere).
    """
    if w2 != 0:
        xs = np.array([lo, hi])
        return xs, -(w1 * xs + b) / w2
    if w1 != 0:
        return np.full(2, -b / w1), np.array([lo, hi])
    return None


@dataclass
class PerceptronFit:
    """What the perceptron learning rule found: weights, epochs used, and whether it fits."""

    w1: float
    w2: float
    b: float
    epochs: int
    converged: bool            # every row right (False for XOR: no line exists)
    errors: list[int]          # wrong rows per epoch


def train_perceptron(targets: tuple[int, ...] | np.ndarray, lr: float = 0.1,
                     max_epochs: int = 100, start: tuple[float, float, float] = (0, 0, 0)
                     ) -> PerceptronFit:
    """Rosenblatt's rule on the four INPUTS: w += lr (t - y) x, b += lr (t - y), row by row.

    Stops after the first epoch with no mistake; on linearly separable targets that always
    happens (the perceptron convergence theorem), on XOR never. The rule stops at the first
    line that works, which often touches a point (a sum of exactly 0, decided by rounding);
    the bias is then moved so the line sits midway between the nearest 0 and 1 points.
    """
    t = np.asarray(targets, dtype=np.float64)
    w = np.array(start[:2], dtype=np.float64)
    b = float(start[2])
    errors: list[int] = []
    for epoch in range(1, max_epochs + 1):
        wrong = 0
        for x, target in zip(INPUTS, t, strict=True):
            y = float(step(np.array(x @ w + b)))
            if y != target:
                wrong += 1
                w += lr * (target - y) * x
                b += lr * (target - y)
        errors.append(wrong)
        if wrong == 0:
            sums = INPUTS @ w + b
            if (t == 1).any() and (t == 0).any():
                b -= (sums[t == 1].min() + sums[t == 0].max()) / 2
            return PerceptronFit(float(w[0]), float(w[1]), float(b), epoch, True, errors)
    return PerceptronFit(float(w[0]), float(w[1]), float(b), max_epochs, False, errors)


def xor_layers(x: np.ndarray = INPUTS) -> dict[str, np.ndarray]:
    """The two-layer perceptron of fig. 2-13: s1 = NAND(x), s2 = OR(x), y = AND(s1, s2).

    Returns each layer's outputs for the rows of x (N, 2): {"s1", "s2", "y"} of (N,) ints.
    """
    s1 = truth_table(*GATES["NAND"], x)
    s2 = truth_table(*GATES["OR"], x)
    y = truth_table(*GATES["AND"], np.stack([s1, s2], axis=1))
    return {"s1": s1, "s2": s2, "y": y}
