#!/usr/bin/env python
"""The recurrent layers' speed: one training step (forward + backward) on a batch, and one
sequence's forward, for RNN, GRU, LSTM one-way and bidirectional, float32, one BLAS thread.

Shapes default to the pen digits' (T 32 points x F 5 features, 64 units, batch 100), i.e. the
PenGRU preset's first layer. Medians of --repeat runs of CPU time (process time: on a
machine shared by other jobs, wall time mostly measures waiting for a core); still upper
bounds.

Usage: benchmarks/recurrent.py [--steps 32] [--units 64] [--batch 100] [--repeat 20]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nndesk.nn import Network  # noqa: E402


def _median_ms(fn, repeat: int) -> float:
    fn()                                                   # warm-up
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return 1e3 * float(np.median(times))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, default=32)
    p.add_argument("--features", type=int, default=5)
    p.add_argument("--units", type=int, default=64)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--repeat", type=int, default=20)
    a = p.parse_args()
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((a.batch, a.steps, a.features)).astype(np.float32)
    t = rng.integers(0, 10, a.batch)
    print(f"T {a.steps}, F {a.features}, {a.units} units, batch {a.batch}; median CPU time "
          f"of {a.repeat} (ms)\n")
    print("| layer | params | train step (batch) | forward (1 sequence) |")
    print("|---|---:|---:|---:|")
    for kind in ("RNN", "GRU", "LSTM"):
        for bi in (False, True):
            spec = {"input_shape": [a.steps, a.features], "layers": [
                {"type": kind, "units": a.units, "bidirectional": bi},
                {"type": "Dense", "units": 10}]}
            net = Network.from_spec(spec)

            def step(net=net):
                net.loss(x, t)
                net.backward()

            train = _median_ms(step, a.repeat)
            one = _median_ms(lambda net=net: net.forward(x[:1]), a.repeat)
            name = f"{kind}{' bidirectional' if bi else ''}"
            print(f"| {name} | {net.num_params:,} | {train:.1f} | {one:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
