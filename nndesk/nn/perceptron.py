"""The book's ch. 2 perceptrons: logic gates from fixed weights, and XOR from two layers of them."""

from __future__ import annotations

import numpy as np

__all__ = ["AND", "NAND", "OR", "XOR"]


def _gate(x1: float, x2: float, w: tuple[float, float], b: float) -> int:
    """A perceptron: fires (1) when the weighted sum plus the bias is above zero."""
    return int(np.dot(np.array([x1, x2]), np.array(w)) + b > 0)


def AND(x1: float, x2: float) -> int:  # noqa: N802 - the book's names
    """1 only when both inputs are 1 (weights 0.5, 0.5, bias -0.7)."""
    return _gate(x1, x2, (0.5, 0.5), -0.7)


def NAND(x1: float, x2: float) -> int:  # noqa: N802
    """NOT AND: the AND perceptron with every sign flipped (-0.5, -0.5, bias 0.7)."""
    return _gate(x1, x2, (-0.5, -0.5), 0.7)


def OR(x1: float, x2: float) -> int:  # noqa: N802
    """1 when either input is 1 (weights 0.5, 0.5, bias -0.2)."""
    return _gate(x1, x2, (0.5, 0.5), -0.2)


def XOR(x1: float, x2: float) -> int:  # noqa: N802
    """No single line separates XOR; two layers do: AND(NAND(x1, x2), OR(x1, x2))."""
    return AND(NAND(x1, x2), OR(x1, x2))
