#!/usr/bin/env python
"""A/B of one engine change on the whole training step, in one process, interleaved.

Variant 'plain': Conv2D's frequency-domain backward switched off (the im2col path, the
reference; with it the row-layout forward, which only layers taking that backward use);
'fast': as shipped; 'torch': the PyTorch twin. Batch 100, Adam, one thread each
(BLAS and torch), CPU ms per step (median): on a loaded machine CPU time is what other
processes inflate least; malloc keeps freed blocks, as the app and the CLI set it (both
engines, one process); the ratios between variants are the figure. `--workers 2`: two
batch workers and two torch threads, wall ms (CPU time would add both threads up).
Usage: benchmarks/ab_step.py [--nets DigitNet DeepConvNet LeNet5] [--rounds N] [--steps N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import numpy as np
import threadpoolctl

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    from cases import nndesk_case, time_calls, torch_case

    from nndesk.nn import Conv2D, keep_freed_memory
    from nndesk.nn.parallel import set_workers
    from nndesk.presets import load_preset

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--nets", nargs="+", default=["LeNet5", "DeepConvNet", "DigitNet"])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--steps", type=int, default=4)
    p.add_argument("--no-torch", action="store_true")
    p.add_argument("--workers", type=int, default=1,
                   help="nndesk batch workers and torch threads (BLAS: one thread each)")
    args = p.parse_args()
    keep_freed_memory()                # malloc as in `nndesk train` and the window (memory.py)
    threadpoolctl.threadpool_limits(1)
    set_workers(args.workers)
    torch = None
    if not args.no_torch:
        import torch
        torch.set_num_threads(args.workers)
    rng = np.random.default_rng(0)
    x = rng.random((100, 1, 28, 28), dtype=np.float32)
    t = rng.integers(0, 10, 100)
    fast_pays = Conv2D.fft_pays
    variants = {"plain": lambda self: False, "fast": fast_pays}
    cases = {}
    for name in args.nets:
        spec = load_preset(name)
        nd = nndesk_case(spec, x, t, x[:1])
        cases[name, "plain"] = cases[name, "fast"] = nd.step
        if torch is not None:
            cases[name, "torch"] = torch_case(torch, spec, x, t, x[:1], nd.state).step
    cpu: dict = {key: [] for key in cases}
    for _ in range(args.rounds):
        for (name, var), step in cases.items():
            if var in variants:
                Conv2D.fft_pays = variants[var]
            step()                                     # warm: buffers of this variant
            wall = time_calls(step, args.steps, cpu[name, var] if args.workers == 1 else None)
            if args.workers > 1:
                cpu[name, var] += wall
    Conv2D.fft_pays = fast_pays
    print("| network | plain ms | fast ms | torch ms | fast/plain | plain/torch | fast/torch |")
    print("|---|---|---|---|---|---|---|")
    for name in args.nets:
        ms = {v: 1e3 * statistics.median(cpu[name, v]) if (name, v) in cpu else float("nan")
              for v in ("plain", "fast", "torch")}
        print(f"| {name} | {ms['plain']:.1f} | {ms['fast']:.1f} | {ms['torch']:.1f} | "
              f"{ms['fast'] / ms['plain']:.2f} | {ms['plain'] / ms['torch']:.2f} | "
              f"{ms['fast'] / ms['torch']:.2f} |")


if __name__ == "__main__":
    main()
