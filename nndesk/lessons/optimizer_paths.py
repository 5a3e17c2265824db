"""Ch. 6: the optimizers' paths to the minimum of f(x, y) = x^2 / 20 + y^2 (fig. 6-8), each
taken by nndesk's own optimizer classes, plus Nesterov and RMSprop."""

from __future__ import annotations

import numpy as np

from nndesk.nn.optimizers import OPTIMIZERS, make_optimizer

__all__ = ["START", "STEPS", "DEFAULTS", "HYPERPARAMETERS", "f", "grad_f", "optimizer_path",
           "contour_grid"]

START = (-7.0, 2.0)          # the book's optimizer_compare_naive.py: init_pos
STEPS = 30
# Each optimizer's settings in the book's script (SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3);
# Nesterov and RMSprop are not in fig. 6-8: settings of the same scale that reach the minimum.
DEFAULTS: dict[str, dict[str, float]] = {
    "SGD": {"lr": 0.95},
    "Momentum": {"lr": 0.1, "momentum": 0.9},
    "AdaGrad": {"lr": 1.5},
    "Adam": {"lr": 0.3, "beta1": 0.9, "beta2": 0.999},
    "Nesterov": {"lr": 0.1, "momentum": 0.9},
    "RMSprop": {"lr": 0.15, "decay_rate": 0.99},
}
HYPERPARAMETERS = {name: tuple(d) for name, d in DEFAULTS.items()}


def f(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Eq. 6.2: x^2 / 20 + y^2, stretched along x: the gradient points mostly along y."""
    return x ** 2 / 20.0 + y ** 2


def grad_f(x: float, y: float) -> tuple[float, float]:
    """(df/dx, df/dy) = (x / 10, 2 y)."""
    return x / 10.0, 2.0 * y


def optimizer_path(name: str, start: tuple[float, float] = START, steps: int = STEPS,
                   **hyper: float) -> np.ndarray:
    """The (steps+1, 2) points the optimizer `name` (one of OPTIMIZERS) visits from `start`,
    with `hyper` (e.g. lr=0.3) over DEFAULTS[name]. ValueError for an unknown name or setting.
    Diverging settings give inf/nan points, never warnings."""
    if name not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")
    settings = {**DEFAULTS[name], **hyper}
    unknown = set(settings) - set(DEFAULTS[name])
    if unknown:
        raise ValueError(f"{name} has no setting {', '.join(sorted(unknown))}")
    opt = make_optimizer(name, **settings)
    params = {"x": np.array([start[0]], dtype=np.float64),
              "y": np.array([start[1]], dtype=np.float64)}
    path = np.empty((steps + 1, 2))
    path[0] = start
    with np.errstate(all="ignore"):
        for i in range(1, steps + 1):
            gx, gy = grad_f(params["x"], params["y"])
            opt.update(params, {"x": gx, "y": gy})
            path[i] = params["x"][0], params["y"][0]
    return path


def contour_grid(n: int = 101) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x (n,) on [-10, 10], y (n,) on [-5, 5] and f on that grid (n, n), rows = y (fig. 6-8's
    window)."""
    x = np.linspace(-10, 10, n)
    y = np.linspace(-5, 5, n)
    return x, y, f(x[None, :], y[:, None])
