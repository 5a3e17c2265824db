#!/usr/bin/env python
"""A/B of the padded-width convolution (nn/conv_wide.py) on the whole training step.

Variant 'im2col': `Conv2D.wide_pays` switched off (the im2col reference path for the 3x3
layers; DigitNet's 5x5 conv 2 keeps its frequency-domain path); 'wide': as shipped; 'torch':
the PyTorch twin (same weights). Batch 100, Adam, one BLAS thread, in one process, the
variants interleaved round by round; medians. With one worker: CPU ms per
step (what other processes inflate least); with two batch workers (and two torch threads):
wall ms. malloc keeps freed blocks, as `nndesk train` and the window set it.
Usage: benchmarks/ab_wide.py [--nets DeepConvNet LeNet5 DigitNet] [--workers 1,2]
                             [--rounds N] [--steps N] [--no-torch]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import numpy as np
import threadpoolctl

sys.path.insert(0, str(Path(__file__).resolve().parent))


def measure(nets: list[str], workers: int, rounds: int, steps: int, use_torch: bool) -> dict:
    """samples[(net, variant)] -> seconds per step (CPU with one worker, else wall)."""
    from cases import nndesk_case, time_calls, torch_case

    from nndesk.nn import Conv2D
    from nndesk.nn.parallel import set_workers
    from nndesk.presets import load_preset

    set_workers(workers)
    torch = None
    if use_torch:
        import torch
        torch.set_num_threads(workers)
    rng = np.random.default_rng(0)
    x = rng.random((100, 1, 28, 28), dtype=np.float32)
    t = rng.integers(0, 10, 100)
    shipped = Conv2D.wide_pays
    variants = {"im2col": lambda self: False, "wide": shipped}
    cases = {}
    for name in nets:
        nd = nndesk_case(load_preset(name), x, t, x[:1])
        cases[name, "im2col"] = cases[name, "wide"] = nd.step
        if torch is not None:
            cases[name, "torch"] = torch_case(torch, load_preset(name), x, t, x[:1],
                                              nd.state).step
    samples: dict = {key: [] for key in cases}
    try:
        for _ in range(rounds):
            for (name, var), step in cases.items():
                if var in variants:
                    Conv2D.wide_pays = variants[var]
                step()                                     # warm: this variant's buffers
                cpu: list[float] = []
                wall = time_calls(step, steps, cpu)
                samples[name, var] += cpu if workers == 1 else wall
    finally:
        Conv2D.wide_pays = shipped
    return samples


def main() -> None:
    from nndesk.nn import keep_freed_memory

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--nets", nargs="+", default=["DeepConvNet"])
    p.add_argument("--workers", default="1,2", help="batch worker counts, comma-separated")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--steps", type=int, default=3)
    p.add_argument("--no-torch", action="store_true")
    args = p.parse_args()
    keep_freed_memory()
    threadpoolctl.threadpool_limits(1)
    for workers in map(int, args.workers.split(",")):
        samples = measure(args.nets, workers, args.rounds, args.steps, not args.no_torch)
        clock = "CPU" if workers == 1 else "wall"
        print(f"\n{workers} worker(s), {clock} ms per step, median of {args.rounds} rounds x "
              f"{args.steps} steps\n")
        print("| network | im2col | wide | torch | wide/im2col | im2col/torch | wide/torch |")
        print("|---|---|---|---|---|---|---|")
        for name in args.nets:
            ms = {v: 1e3 * statistics.median(samples[name, v]) if (name, v) in samples
                  else float("nan") for v in ("im2col", "wide", "torch")}
            print(f"| {name} | {ms['im2col']:.1f} | {ms['wide']:.1f} | {ms['torch']:.1f} | "
                  f"{ms['wide'] / ms['im2col']:.2f} | {ms['im2col'] / ms['torch']:.2f} | "
                  f"{ms['wide'] / ms['torch']:.2f} |", flush=True)


if __name__ == "__main__":
    main()
