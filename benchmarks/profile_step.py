#!/usr/bin/env python
"""Where an nndesk training step spends its time: per layer forward/backward, loss, Adam.

Times each layer's `forward`/`backward` in CPU time (robust on a busy machine) by wrapping them
on the instances (the engine is not touched), then runs cProfile for the hottest functions.
One BLAS thread, batch 100, Adam. `--threads 2`: two batch workers (nn/parallel.py), timed in
wall time (CPU time would add up both threads), into its own section.
`--against REF`: before/after per layer, the engine at git REF against this tree, each run in
its own process (one BLAS thread), the two alternating for --rounds rounds; medians.
Usage: benchmarks/profile_step.py [PRESET ...] [--steps N] [--threads N] [--out PROFILE.md]
       benchmarks/profile_step.py DigitNet LeNet5 --steps 5 --against REF [--rounds 3]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import threadpoolctl
from report import markdown_table, write_section

HERE = Path(__file__).resolve().parent


CLOCK = time.process_time  # wall time (perf_counter) with more than one worker


def _timed(fn, bucket: list[float]):
    def wrapper(*args, **kwargs):
        t0 = CLOCK()
        out = fn(*args, **kwargs)
        bucket.append(CLOCK() - t0)
        return out
    return wrapper


def layer_profile(spec: dict, x: np.ndarray, t: np.ndarray, steps: int) -> tuple[list, float]:
    """Rows (layer, forward ms, backward ms, share of step) and the median step in ms."""
    from nndesk.nn import Adam, Network

    net = Network.from_spec(spec, seed=0)
    opt = Adam(lr=1e-3)
    times: dict[tuple[int, str], list[float]] = defaultdict(list)
    for i, layer in enumerate(net.layers):
        layer.forward = _timed(layer.forward, times[i, "f"])
        layer.backward = _timed(layer.backward, times[i, "b"])
    opt.update = _timed(opt.update, times[-1, "adam"])
    net.loss_fn.forward = _timed(net.loss_fn.forward, times[-1, "loss"])
    net.loss_fn.backward = _timed(net.loss_fn.backward, times[-1, "loss_b"])
    steps_t = []
    for k in range(steps + 2):
        t0 = CLOCK()
        net.loss(x, t, train=True)
        net.backward()
        opt.update(net.params(), net.grads())
        if k >= 2:
            steps_t.append(CLOCK() - t0)
        else:  # warm-up steps are not counted
            for v in times.values():
                v.clear()
    step = float(np.median(steps_t)) * 1e3
    med = {k: float(np.median(v)) * 1e3 if v else 0.0 for k, v in times.items()}
    rows = []
    for i, layer in enumerate(net.layers):
        f, b = med.get((i, "f"), 0.0), med.get((i, "b"), 0.0)
        rows.append([f"{i + 1} {layer!r}"[:60], f"{f:.2f}", f"{b:.2f}", f"{(f + b) / step:.0%}"])
    loss_only, back_only = med[-1, "loss"], med[-1, "loss_b"]
    rows.append(["loss (softmax + cross-entropy, fwd/bwd)", f"{loss_only:.2f}",
                 f"{back_only:.2f}", f"{(loss_only + back_only) / step:.0%}"])
    rows.append(["Adam update", f"{med[-1, 'adam']:.2f}", "", f"{med[-1, 'adam'] / step:.0%}"])
    return rows, step


def hot_functions(spec: dict, x: np.ndarray, t: np.ndarray, steps: int, top: int = 12) -> str:
    """cProfile's top functions by own time over `steps` training steps."""
    from nndesk.nn import Adam, Network

    net = Network.from_spec(spec, seed=0)
    opt = Adam(lr=1e-3)
    prof = cProfile.Profile()
    for k in range(steps + 1):
        if k == 1:
            prof.enable()
        net.loss(x, t, train=True)
        net.backward()
        opt.update(net.params(), net.grads())
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    lines = buf.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    return "\n".join(line.replace(str(Path.cwd()) + "/", "") for line in lines[start:]).rstrip()


def engine_at(ref: str, dest: Path) -> Path:
    """The `nndesk` package and the presets as they were at git `ref`, exported under `dest`."""
    archive = subprocess.run(["git", "-C", str(HERE.parent), "archive", ref, "nndesk",
                              "resources/presets"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def against(presets: list[str], ref: str, steps: int, rounds: int) -> str:
    """Markdown tables: per layer forward/backward CPU ms before (git `ref`) and after (this
    tree), medians over `rounds` alternating runs, each a fresh process with one BLAS thread."""
    runs: dict[str, list[dict]] = {"before": [], "after": []}
    with tempfile.TemporaryDirectory() as tmp:
        engines = {"before": engine_at(ref, Path(tmp)), "after": HERE.parent}
        for _ in range(rounds):
            for name, root in engines.items():
                env = {**os.environ, "PYTHONPATH": str(root), "OPENBLAS_NUM_THREADS": "1"}
                cmd = [sys.executable, str(Path(__file__).resolve()), *presets,
                       "--steps", str(steps), "--json"]
                out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)
                runs[name].append(json.loads(out.stdout))
    lines = [f"Command: `benchmarks/profile_step.py {' '.join(presets)} --steps {steps} "
             f"--against {ref} --rounds {rounds}` (CPU ms, medians of {rounds} alternating "
             "runs, 1 thread)", ""]

    def med(name: str, preset: str, key: str, i: int | None = None) -> float:
        vals = [r[preset][key] if i is None else r[preset][key][i] for r in runs[name]]
        return statistics.median(vals)

    for preset in runs["after"][0]:
        rows = []
        names = runs["after"][0][preset]["layers"]
        if names != runs["before"][0][preset]["layers"]:
            names = [f"{a} / {b}" for a, b in zip(runs["before"][0][preset]["layers"], names,
                                                  strict=True)]
        for i, layer in enumerate(names):
            fb, fa = med("before", preset, "f", i), med("after", preset, "f", i)
            bb, ba = med("before", preset, "b", i), med("after", preset, "b", i)
            ratio = f"{(fa + ba) / (fb + bb):.2f}" if fb + bb > 0.05 else ""
            rows.append([layer, f"{fb:.2f}", f"{fa:.2f}", f"{bb:.2f}", f"{ba:.2f}", ratio])
        sb, sa = med("before", preset, "step"), med("after", preset, "step")
        rows.append(["whole step", f"{sb:.1f}", f"{sa:.1f}", "", "", f"{sa / sb:.2f}"])
        lines += [f"### {preset}: {sb:.1f} -> {sa:.1f} ms CPU per step", "",
                  markdown_table(["layer", "fwd before", "fwd after", "bwd before",
                                  "bwd after", "after/before"], rows), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("presets", nargs="*", default=["SimpleConvNet", "LeNet5", "DeepConvNet"])
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--threads", type=int, default=1, help="batch workers (nn/parallel.py)")
    p.add_argument("--out", type=Path, default=HERE / "PROFILE.md")
    p.add_argument("--against", metavar="REF", help="before/after against git REF's engine")
    p.add_argument("--rounds", type=int, default=3, help="alternating runs with --against")
    p.add_argument("--json", action="store_true", help="per-layer medians as JSON, no file")
    args = p.parse_args(argv)
    if args.against:
        text = against(args.presets, args.against, args.steps, args.rounds)
        load = " / ".join(f"{v:.2f}" for v in os.getloadavg())
        text += f"\nload average (1/5/15 min) after: {load}\n"
        print(text)
        write_section(args.out, "profile-against", text, title="# nndesk training step profiles")
        return 0
    global CLOCK
    from nndesk.nn.memory import keep_freed_memory
    from nndesk.presets import load_preset

    threadpoolctl.threadpool_limits(limits=1)
    keep_freed_memory()  # as the entry points do
    if args.threads > 1:  # an engine before nn/parallel.py can still be profiled on 1 thread
        from nndesk.nn.parallel import set_workers

        set_workers(args.threads)
    clock = "CPU" if args.threads == 1 else "wall"
    if args.threads > 1:
        CLOCK = time.perf_counter
    rng = np.random.default_rng(0)
    x = rng.random((100, 1, 28, 28), dtype=np.float32)
    t = rng.integers(0, 10, 100)
    out = [f"Command: `benchmarks/profile_step.py {' '.join(sys.argv[1:])}`".rstrip(), ""]
    found = {}
    for name in args.presets:
        spec = json.loads(Path(name).read_text()) if name.endswith(".json") else load_preset(name)
        name = spec.get("name", name)
        rows, step = layer_profile(spec, x, t, args.steps)
        if args.json:
            found[name] = {"layers": [r[0] for r in rows], "f": [float(r[1]) for r in rows],
                           "b": [float(r[2] or 0) for r in rows], "step": step}
            continue
        out += [f"### {name}: {step:.1f} ms {clock} per step (median of {args.steps}, "
                f"{args.threads} thread{'s' if args.threads > 1 else ''})", "",
                markdown_table(["layer", "forward ms", "backward ms", "share"], rows), "",
                "```", hot_functions(spec, x, t, max(3, args.steps // 2)), "```", ""]
        print("\n".join(out[-9:]), flush=True)
    if args.json:
        print(json.dumps(found))
        return 0
    load = "load average (1/5/15 min) after: " + " / ".join(f"{v:.2f}" for v in os.getloadavg())
    section = "profile" if args.threads == 1 else f"profile-{args.threads}-threads"
    write_section(args.out, section, f"## Profile of a training step, {args.threads} "
                  f"thread{'s' if args.threads > 1 else ''}\n\n" + "\n".join(out) + "\n"
                  + load + "\n", title="# nndesk training step profiles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
