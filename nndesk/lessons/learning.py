"""Ch. 4, learning from data: the two losses on one example, the numerical derivative and its
error as h shrinks, the gradient of f(x0, x1) = x0^2 + x1^2 (fig. 4-9) and gradient descent on
it (fig. 4-10)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from nndesk.nn import functions
from nndesk.nn.losses import MeanSquaredError

__all__ = ["BOOK_Y", "BOOK_T", "losses", "numerical_diff", "derivative_errors",
           "function_2", "numerical_gradient", "gradient_field", "gradient_descent"]

# The book's 4.2.1 example: the network says "2" with 0.6; the label is 2 (one-hot)
BOOK_Y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
BOOK_T = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])


def losses(y: np.ndarray, t: np.ndarray) -> dict[str, float]:
    """{"mse": 0.5 sum (y - t)^2 (eq. 4.1), "cross_entropy": -sum t log(y + 1e-7) (eq. 4.2)}
    for one output y (K,) and a one-hot t (K,), computed by the engine's loss functions."""
    y = np.asarray(y, dtype=np.float64)
    t = np.asarray(t, dtype=np.float64)
    mse = MeanSquaredError().forward(y[None], t[None])
    return {"mse": mse, "cross_entropy": functions.cross_entropy(y, t)}


def numerical_diff(f: Callable[[float], float], x: float, h: float, central: bool = True
                   ) -> float:
    """(f(x+h) - f(x-h)) / 2h (central, the book's choice) or (f(x+h) - f(x)) / h."""
    if central:
        return (f(x + h) - f(x - h)) / (2 * h)
    return (f(x + h) - f(x)) / h


def _function_1(x: float) -> float:
    return 0.01 * x ** 2 + 0.1 * x                       # the book's eq. 4.5


def derivative_errors(hs: np.ndarray, x: float = 5.0, dtype=np.float64
                      ) -> dict[str, np.ndarray]:
    """|numerical - true| of the derivative of 0.01 x^2 + 0.1 x at x (true: 0.02 x + 0.1) for
    each h, forward and central, in `dtype`. Large h: truncation error; tiny h: rounding
    (at h = 1e-50, x + h == x and the estimate is 0)."""
    true = 0.02 * x + 0.1
    out: dict[str, np.ndarray] = {"h": np.asarray(hs, dtype=np.float64)}
    xv = dtype(x)
    for central in (False, True):
        est = [numerical_diff(_function_1, xv, dtype(h), central) if dtype(h) != 0 else 0.0
               for h in hs]
        out["central" if central else "forward"] = np.abs(np.array(est, np.float64) - true)
    return out


def function_2(x: np.ndarray) -> np.ndarray:
    """f(x0, x1) = x0^2 + x1^2 (eq. 4.6), over the last axis."""
    x = np.asarray(x, dtype=np.float64)
    return (x ** 2).sum(axis=-1)


def numerical_gradient(f: Callable[[np.ndarray], np.ndarray], x: np.ndarray,
                       h: float = 1e-4) -> np.ndarray:
    """Central differences along each coordinate of x (..., D) at once -> (..., D)."""
    x = np.array(x, dtype=np.float64)
    grad = np.empty_like(x)
    for i in range(x.shape[-1]):
        e = np.zeros(x.shape[-1])
        e[i] = h
        grad[..., i] = (f(x + e) - f(x - e)) / (2 * h)
    return grad


def gradient_field(lo: float = -2.0, hi: float = 2.0, n: int = 9,
                   f: Callable[[np.ndarray], np.ndarray] = function_2
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Fig. 4-9: points (n*n, 2) on a grid and the NEGATIVE gradient at each (n*n, 2): the
    arrows point downhill, toward the minimum at (0, 0), longer farther from it."""
    g = np.linspace(lo, hi, n)
    xx, yy = np.meshgrid(g, g)
    points = np.stack([xx.ravel(), yy.ravel()], axis=1)
    return points, -numerical_gradient(f, points)


def gradient_descent(start: tuple[float, float], lr: float = 0.1, steps: int = 100,
                     f: Callable[[np.ndarray], np.ndarray] = function_2) -> np.ndarray:
    """Fig. 4-10: x <- x - lr * grad f(x), `steps` times from `start`; the path (steps+1, 2).
    Too large an lr diverges (the path leaves every screen: inf is kept, never warned)."""
    x = np.array(start, dtype=np.float64)
    path = [x.copy()]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            x = x - lr * numerical_gradient(f, x)
            path.append(x.copy())
    return np.array(path)
