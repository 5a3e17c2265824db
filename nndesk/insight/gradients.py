"""The gradient check as a table: one row per parameter tensor, for the window and scripts.

Wraps `nndesk.nn.gradcheck` (the book's ch. 5 `gradient_check.py`: backprop against central
differences, in float64) with what a reader needs next to each number. Never imports Qt.
"""

from __future__ import annotations

import math

from nndesk.nn import gradcheck, infer

__all__ = ["TOLERANCE", "gradcheck_table"]

TOLERANCE = 1e-6  # the relative error every tensor must stay below (as `nndesk gradcheck`)


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
    infer(spec)  # a SpecError names the layer before any work
    errors = gradcheck(spec, seed=seed, h=h, max_checks=max_checks)
    from nndesk.nn import Network

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
