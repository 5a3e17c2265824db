#!/usr/bin/env python
"""What augmentation costs beside a DigitNet training step (batch 100), on real MNIST digits.

Interleaved rounds (affine, affine + elastic, one training step) so that a busy machine slows
all three alike; medians of every timed call. Usage:
    benchmarks/augment_cost.py [--rounds N] [--batch N] [--threads N]
"""

from __future__ import annotations

import argparse
import time

import numpy as np


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=20)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--threads", type=int, default=1, help="BLAS threads")
    a = p.parse_args(argv)
    from threadpoolctl import threadpool_limits

    from nndesk.data.augment import ELASTIC_ALPHA, Augmenter
    from nndesk.data.mnist import load_mnist
    from nndesk.nn import Adam, Network
    from nndesk.presets import load_preset

    threadpool_limits(limits=a.threads)
    x = load_mnist(flatten=False, val_split=0).x_train[:a.batch]
    t = np.arange(a.batch) % 10
    net, opt = Network.from_spec(load_preset("DigitNet"), seed=0), Adam(lr=1e-3)
    affine, elastic = Augmenter(), Augmenter(elastic_alpha=ELASTIC_ALPHA)
    rng = np.random.default_rng(0)
    elastic(x, rng)
    net.loss(x, t)                                                  # warm-up: imports, caches

    def step(xb):
        net.loss(xb, t, train=True)
        net.backward()
        opt.update(net.params(), net.grads())

    times: dict[str, list[float]] = {"affine": [], "affine + elastic": [], "train step": []}
    for _ in range(a.rounds):
        for name, call in (("affine", lambda: affine(x, rng)),
                           ("affine + elastic", lambda: elastic(x, rng)),
                           ("train step", lambda: step(x))):
            start = time.perf_counter()
            call()
            times[name].append(time.perf_counter() - start)
    train = float(np.median(times["train step"]))
    print(f"batch {a.batch}, {a.rounds} interleaved rounds, {a.threads} BLAS thread(s); "
          f"medians (upper bounds on a shared machine)")
    print("| what | ms per batch | share of a DigitNet training step |")
    print("|---|---:|---:|")
    for name, ts in times.items():
        med = float(np.median(ts))
        print(f"| {name} | {med * 1e3:.2f} | {med / train:.1%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
