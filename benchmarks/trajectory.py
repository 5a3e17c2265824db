#!/usr/bin/env python
"""The trajectory model: its size and the time to read one drawing's path.

Times per single drawing (median of --repeat runs, one BLAS thread): `to_sequence` alone,
the network's forward pass alone, and `TrajectoryReader.probabilities` (both: what the canvas
does per stroke event). Drawings: pen digits of the held-out writers 21-30 placed on the canvas.
Taken on a shared machine: upper bounds.

Usage: benchmarks/trajectory.py [MODEL] [--repeat 200]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nndesk.data.pendigits import (  # noqa: E402
    HELD_OUT_WRITERS,
    load_pendigits,
    pendigits_path,
    to_canvas,
)
from nndesk.data.trajectory import to_sequence  # noqa: E402
from nndesk.insight.combined import TrajectoryReader, trajectory_model_path  # noqa: E402


def _median_ms(fn, items, repeat: int) -> float:
    times = []
    for i in range(repeat):
        item = items[i % len(items)]
        start = time.perf_counter()
        fn(item)
        times.append(time.perf_counter() - start)
    return 1e3 * float(np.median(times))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model", nargs="?", default=str(trajectory_model_path()))
    p.add_argument("--repeat", type=int, default=200)
    a = p.parse_args()
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
    reader = TrajectoryReader.load(a.model)
    rng = np.random.default_rng(0)
    held = [d for d in load_pendigits(pendigits_path()) if d.writer in HELD_OUT_WRITERS]
    drawings = [to_canvas(d, rng) for d in held[::25]]
    seqs = [to_sequence(s, reader.length).reshape(1, *reader.input_shape) for s in drawings]
    reader.probabilities(drawings[0])  # warm-up
    net = reader.network
    print(f"model {Path(a.model).name}: {net.num_params:,} parameters, "
          f"{Path(a.model).stat().st_size / 1024:.0f} KiB on disk, input "
          f"{list(reader.input_shape)}, layers {[layer['type'] for layer in net.spec['layers']]}")
    print(f"one drawing, median of {a.repeat} ({len(drawings)} held-out pen digits):")
    print(f"  to_sequence           {_median_ms(to_sequence, drawings, a.repeat):.3f} ms")
    print(f"  network forward       {_median_ms(net.predict, seqs, a.repeat):.3f} ms")
    print(f"  reader.probabilities  {_median_ms(reader.probabilities, drawings, a.repeat):.3f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
