"""The gradient check as a table: one row per parameter tensor, for the window and scripts.

Wraps `nndesk.nn.gradcheck` (the book's ch. 5 `gradient_check.py`: backprop against central
differences, in float64) with what a reader needs next to each number. Never imports Qt.
"""

from __future__ import annotations

import math

__all__ = ["TOLERANCE", "tolerance_text", "gradcheck_table"]

# The relative error every tensor must stay below: the one bar of the gradient check in the
# window's table, the ch. 5 lesson page and `nndesk gradcheck`. The book's gradient_check.py
# (ch. 5.7.3) prints each tensor's mean absolute difference and sets no bar (its run shows
# 1e-13..1e-10); issue 12 asked for green/red against 1e-6. 1e-6 it is: on the relative error
# in float64 a right backprop gives 1e-10 or less, a wrong one 1e-4 or more (nn.gradcheck).
TOLERANCE = 1e-6


def tolerance_text() -> str:
    """TOLERANCE as people write it: "1e-6" (Python's "1e-06" is not how the books say it)."""
    mantissa, exponent = f"{TOLERANCE:.0e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def gradcheck_table(spec: dict, *, seed: int = 0, h: float = 1e-6,
                    max_checks: int | None = 100) -> list[dict]:
    """Rows {"tensor": "0.W", "layer": "Conv2D", "position": 1, "param": "W",
    "shape": [30, 1, 5, 5], "error": float, "ok": bool} for each parameter tensor of `spec`
    and the input ("input": layer "", position None, param "input").

    `tensor` is the engine's key (`nndesk gradcheck` prints it); `position` the layer's place
    in the designer's list, from 1 (as the designer, `nndesk info` and the lesson pages
    number layers); `param` the tensor's name in that layer ("W", "b", "gamma", "beta", "U",
    "back.W" for the backward half of a bidirectional layer, ...): the window names the row
    from these ("Conv2D 1 · W (weights)").

    `h` is the finite-difference step; `max_checks` compares that many random elements per
    tensor (None: every element). `ok` is error < TOLERANCE (NaN fails). Raises
    `nndesk.nn.SpecError` for a design that does not build.
    """
    from nndesk.nn import Network, gradcheck, infer  # here: TOLERANCE is read without NumPy

    infer(spec)  # a SpecError names the layer before any work
    errors = gradcheck(spec, seed=seed, h=h, max_checks=max_checks)

    shapes = {k: list(v.shape) for k, v in Network.from_spec(spec, seed).params().items()}
    rows = []
    for name, err in errors.items():
        index, _, param = name.partition(".")
        position = int(index) + 1 if index.isdigit() and param else None
        layer = spec["layers"][position - 1]["type"] if position else ""
        shape = shapes.get(name, [3, *spec["input_shape"]])  # gradcheck's batch of 3
        rows.append({"tensor": name, "layer": layer, "position": position,
                     "param": param if position else name, "shape": shape,
                     "error": float(err), "ok": bool(not math.isnan(err) and err < TOLERANCE)})
    return rows
