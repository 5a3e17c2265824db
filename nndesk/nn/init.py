"""Weight initialization (the book's ch. 6): normal(std), Xavier, He, and "auto"."""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["init_std", "init_weights"]


def init_std(init: str | float, fan_in: int, activation: str | None) -> float:
    """The std of the normal distribution that `init` asks for.

    "he": sqrt(2 / fan_in), for ReLU (He et al. 2015); "xavier": sqrt(1 / fan_in), for
    sigmoid/tanh (Glorot & Bengio 2010 in the book's ch. 6.2.2 form, which drops fan_out);
    "auto": He when a ReLU-like activation follows, else Xavier; a number: that std.
    fan_in: inputs per unit (D for Dense, C*K*K for Conv2D).
    """
    if init == "auto":
        init = "he" if activation == "relu" else "xavier"
    if init == "he":
        return float(np.sqrt(2.0 / fan_in))
    if init == "xavier":
        return float(np.sqrt(1.0 / fan_in))
    return float(init)


def init_weights(shape: tuple[int, ...], std: float, rng: np.random.Generator,
                 dtype: Any) -> np.ndarray:
    """Normal(0, std) weights, drawn in float64 so that every dtype gets the same numbers."""
    return (rng.standard_normal(shape) * std).astype(dtype)
