"""Single-image prediction: nndesk's plain forward vs its fast path vs PyTorch, same weights.

    benchmarks/predict_one.py [--model models/default.npz] [--rounds 7] [--calls 100]
                              [--no-torch] [--smoke]

Issue 15: "keep single-image prediction under 1 ms". Variants, interleaved (round k runs
each variant on the same `calls` test images, one call per image, then the next variant), one
BLAS thread, one batch worker, torch on one thread:

- nndesk plain: `softmax(net.forward(x))`, the readable reference (what `predict` ran before);
- nndesk predict: `net.predict(x)`, the fast path (nn/inference.py);
- torch: the same network and weights in PyTorch (benchmarks/torchnet.py), eval mode,
  `inference_mode`, when torch is installed;
- the canvas's one pass per drawing, every layer's output: `forward_all` as it was (each
  layer's `forward`) and as it is (`LayerOutputsPlan`, the fast kernels unfolded).

Then the same for each convolution method of the fast path ("winograd", "gemm") and a
per-layer breakdown: the plain forward layer by layer (in the order `forward` runs them) and
the fast path step by step, all in the same interleaved rounds. Figures: median, p10 and p90
of wall time per call, and the median CPU time of the thread. Prints markdown.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sysinfo import BusyMonitor, machine_info, set_threads  # noqa: E402

from nndesk.nn.functions import softmax  # noqa: E402
from nndesk.nn.inference import InferencePlan  # noqa: E402


def _images(n: int) -> np.ndarray:
    """n MNIST test digits (N, 1, 28, 28) float32, or digit-like noise without the data."""
    try:
        from nndesk.data.mnist import load_mnist

        return load_mnist(flatten=False, val_split=0).x_test[:n]
    except Exception:                                     # noqa: BLE001  (no MNIST: noise)
        rng = np.random.default_rng(0)
        x = rng.random((n, 1, 28, 28)) * (rng.random((n, 1, 28, 28)) < 0.25)
        return x.astype(np.float32)


def _time(fn, x: np.ndarray, wall: list, cpu: list) -> None:
    """One call per image of x, each timed (wall and thread CPU), after 5 warm-up calls."""
    for i in range(min(5, len(x))):
        fn(x[i:i + 1])
    for i in range(len(x)):
        c0, w0 = time.thread_time(), time.perf_counter()
        fn(x[i:i + 1])
        wall.append(time.perf_counter() - w0)
        cpu.append(time.thread_time() - c0)


def _stats(wall: list, cpu: list) -> list[str]:
    ms = 1e3
    return [f"{np.median(wall) * ms:.3f}", f"{np.percentile(wall, 10) * ms:.3f}",
            f"{np.percentile(wall, 90) * ms:.3f}", f"{np.median(cpu) * ms:.3f}"]


def _plain_layers(net, x: np.ndarray, out: dict) -> None:
    """The plain forward, each layer timed, in the order `forward` runs them."""
    for i in net._order:
        layer = net.layers[i]
        t0 = time.perf_counter()
        x = layer.forward(x, False)
        out.setdefault(f"{i}: {layer.type}", []).append(time.perf_counter() - t0)


def _plan_steps(plan: InferencePlan, x: np.ndarray, out: dict, tag: str) -> None:
    for j, (name, step) in enumerate(zip(plan.names, plan.steps, strict=True)):
        t0 = time.perf_counter()
        x = step(x)
        out.setdefault(f"{tag} {j}: {name} ({type(step).__name__.strip('_')})",
                       []).append(time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", default=str(ROOT / "models" / "default.npz"))
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--calls", type=int, default=100, help="images (one call each) per round")
    p.add_argument("--no-torch", action="store_true")
    p.add_argument("--smoke", action="store_true", help="2 rounds of 5 calls (tests)")
    args = p.parse_args(argv)
    if args.smoke:
        args.rounds, args.calls = 2, 5
    torch = None
    if not args.no_torch:
        try:
            import torch
        except ImportError:
            torch = None
    limits = set_threads(1, torch)                        # noqa: F841  (kept alive)
    from nndesk.train import load_model

    net = load_model(args.model).network
    x = _images(args.calls)
    variants = {"nndesk plain (forward + softmax)": lambda xb: softmax(net.forward(xb)),
                "nndesk predict (fast path)": net.predict}
    if torch is not None:
        from torchnet import to_torch

        twin = to_torch(torch, net.spec, net.state_dict())
        variants["torch (same weights)"] = lambda xb: twin.predict(torch.from_numpy(xb))
        gap = np.abs(twin.predict(torch.from_numpy(x)).numpy() - net.predict(x)).max()
    def all_plain(xb):                                    # forward_all as it was
        out = []
        for layer in net.layers:
            xb = layer.forward(xb, False)
            out.append(xb)
        return out

    variants["canvas: forward_all, layer by layer (before)"] = all_plain
    variants["canvas: net.forward_all (fast kernels)"] = net.forward_all
    plans = {m: InferencePlan(net, conv=m) for m in ("winograd", "gemm")}
    for m, plan in plans.items():
        variants[f"fast path, conv={m}"] = (lambda pl: lambda xb: softmax(pl.forward(xb)))(plan)
    worst = max(np.abs(fn(x) - softmax(net.forward(x))).max() for name, fn in variants.items()
                if name.startswith(("nndesk", "fast")))
    wall = {k: [] for k in variants}
    cpu = {k: [] for k in variants}
    layers: dict[str, list] = {}
    monitor = BusyMonitor().start()
    for _ in range(args.rounds):
        for name, fn in variants.items():
            _time(fn, x, wall[name], cpu[name])
        for i in range(len(x)):
            _plain_layers(net, x[i:i + 1], layers)
        for m, plan in plans.items():
            for i in range(len(x)):
                _plan_steps(plan, x[i:i + 1], layers, m)
    monitor.stop()

    print(f"## Single-image prediction, {Path(args.model).name} ({net!r})\n")
    print(f"`benchmarks/predict_one.py` ({args.rounds} rounds x {args.calls} images, "
          "interleaved; 1 BLAS thread, 1 batch worker, torch 1 thread)\n")
    for k, v in {**machine_info(torch), **monitor.summary()}.items():
        print(f"- {k}: {v}")
    for w in monitor.warnings:
        print(f"- WARNING: {w}")
    print(f"- largest probability difference from the plain forward: {worst:.2g}"
          + (f"; torch vs nndesk predict: {gap:.2g}" if torch is not None else ""))
    print("\n| variant | median ms | p10 ms | p90 ms | median CPU ms |")
    print("|---|---|---|---|---|")
    for name in variants:
        print(f"| {name} | " + " | ".join(_stats(wall[name], cpu[name])) + " |")
    print("\n| layer or step (batch 1) | median us |")
    print("|---|---|")
    for name, ts in layers.items():
        print(f"| {name} | {np.median(ts) * 1e6:.0f} |")
    for tag in ("", *plans):
        rows = [np.median(ts) for n, ts in layers.items()
                if (n.startswith(f"{tag} ") if tag else n[0].isdigit())]
        print(f"| sum: {tag or 'plain'} | {sum(rows) * 1e6:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
