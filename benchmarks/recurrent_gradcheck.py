#!/usr/bin/env python
"""Gradient-check relative errors of the recurrent layers, one row per case: RNN, GRU, LSTM
reading the last state, feeding a sequence to an RNN, bidirectional (both ways), a 2-layer
stack; every case on T = 5 steps (odd), batch 3, without and with masked steps (lengths 5,
3, 1). Float64 central differences over every element (nn.gradcheck). The suite asserts the
same cases below 1e-6 (tests/nn/test_recurrent.py); this prints the figures.

Usage: benchmarks/recurrent_gradcheck.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nndesk.nn import gradcheck  # noqa: E402

T, F, H = 5, 4, 3


def _cases(kind: str) -> list[tuple[str, list[dict]]]:
    one = {"type": kind, "units": H}
    seq = {**one, "return_sequences": True}
    return [("last state", [one]), ("sequence -> RNN", [seq, {"type": "RNN", "units": H}]),
            ("bidirectional", [{**one, "bidirectional": True}]),
            ("bidirectional sequence -> RNN", [{**seq, "bidirectional": True},
                                               {"type": "RNN", "units": H}]),
            ("2-layer stack", [seq, one])]


def main() -> int:
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
    x = np.random.default_rng(1).standard_normal((3, T, F))
    t = np.array([0, 3, 1])
    print("| layer | case | steps | max rel. error (recurrent layer) | max (whole net) |")
    print("|---|---|---|---:|---:|")
    for kind in ("RNN", "GRU", "LSTM"):
        for name, layers in _cases(kind):
            spec = {"input_shape": [T, F], "layers": [*layers, {"type": "Dense", "units": 4}]}
            for lengths in (None, np.array([5, 3, 1])):
                e = gradcheck(spec, x=x, t=t, lengths=lengths)
                first = max(v for k, v in e.items() if k.startswith("0."))
                steps = "all" if lengths is None else "masked"
                print(f"| {kind} | {name} | {steps} | {first:.1e} | {max(e.values()):.1e} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
