"""How far two batch workers can go, and how far they go: per network, the share of one
worker's step spent outside `for_batch` (the serial part, by CPU time of the one thread, which
another program's load hardly changes), Amdahl's bound for 2 workers, the for_batch calls per
step, and the measured step times of 1 worker, 2 workers, and 2 workers of another revision's
nn/parallel.py (`--against REV`, default HEAD), interleaved in every round.

    python benchmarks/parallel_share.py                      # 4 nets, ~1-2 min idle
    python benchmarks/parallel_share.py --against main --busy   # + one core busy

Prints one markdown table (and the load) to stdout.
"""

from __future__ import annotations

import argparse
import inspect
import os
import subprocess
import sys
import time
import types
from pathlib import Path

import numpy as np
from cases import nndesk_case
from report import fmt, markdown_table

__all__ = ["share", "compare"]

ROOT = Path(__file__).resolve().parent.parent


def _call_sites() -> list[types.ModuleType]:
    """The engine modules that imported `for_batch` by name (conv, pool, layers, ...)."""
    import nndesk.nn  # noqa: F401 - loads every layer module
    from nndesk.nn import parallel

    _plain.append(parallel.for_batch)
    return [m for name, m in list(sys.modules.items())   # parallel itself: copyto uses it
            if name.startswith("nndesk.nn.") and getattr(m, "for_batch", None)
            is parallel.for_batch]


_plain: list = []   # nn/parallel.py's own for_batch, before any patching


def _use(for_batch) -> None:
    for m in _call_sites_cache:
        m.for_batch = for_batch


_call_sites_cache: list[types.ModuleType] = []


def _other_parallel(rev: str) -> types.ModuleType:
    """nn/parallel.py as it is in git revision `rev`, loaded as a separate module; its
    for_batch drops the keyword arguments it does not know (`nbytes` before issue 16's
    fifth pass)."""
    src = subprocess.run(["git", "show", f"{rev}:nndesk/nn/parallel.py"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    mod = types.ModuleType(f"parallel_{rev}")
    exec(compile(src, f"{rev}:nndesk/nn/parallel.py", "exec"), mod.__dict__)  # noqa: S102
    known = inspect.signature(mod.for_batch).parameters
    own = mod.for_batch

    def for_batch(fn, n, *args, **kwargs):
        own(fn, n, *args, **{k: v for k, v in kwargs.items() if k in known})

    mod.for_batch = for_batch
    return mod


def _cpu_per_run(step, steps: int, for_batch, reset) -> float:
    """Thread CPU seconds of `steps` calls of `step` on one worker with `for_batch` in place of
    the engine's (after one warm-up step, then `reset()`); the engine's own put back after."""
    from nndesk.nn import parallel

    parallel.set_workers(1)
    _use(for_batch)
    try:
        step()
        reset()
        t0 = time.thread_time()
        for _ in range(steps):
            step()
        return time.thread_time() - t0
    finally:
        _use(_plain[0])


def share(step, steps: int) -> tuple[float, float]:
    """(serial share of one worker's step CPU, for_batch calls per step)."""
    inside, calls = [0.0], [0]
    plain = _plain[0]

    def timed(fn, n, min_size=1, **kwargs):
        calls[0] += 1
        t0 = time.thread_time()
        plain(fn, n, min_size, **kwargs)
        inside[0] += time.thread_time() - t0

    def reset():
        inside[0], calls[0] = 0.0, 0

    total = _cpu_per_run(step, steps, timed, reset)
    return 1 - inside[0] / total, calls[0] / steps


def serial_parts(spec: dict, x: np.ndarray, t: np.ndarray, steps: int, top: int = 3) -> str:
    """The biggest serial parts of one worker's step: per layer type (and the optimizer),
    its thread CPU time outside for_batch, as a share of the step's."""
    from nndesk.nn import Adam, Network

    net, opt = Network.from_spec(spec, seed=0), Adam(lr=1e-3)
    inside, parts = [0.0], {}
    plain = _plain[0]

    def timed_batch(fn, n, min_size=1, **kwargs):
        t0 = time.thread_time()
        plain(fn, n, min_size, **kwargs)
        inside[0] += time.thread_time() - t0

    def wrap(name, fn):
        def timed(*args, **kwargs):
            t0, in0 = time.thread_time(), inside[0]
            try:
                return fn(*args, **kwargs)
            finally:
                serial = time.thread_time() - t0 - (inside[0] - in0)
                parts[name] = parts.get(name, 0.0) + serial
        return timed

    for layer in net.layers:
        name = type(layer).__name__
        layer.forward, layer.backward = wrap(name, layer.forward), wrap(name, layer.backward)
    update = wrap("Adam", opt.update)

    def step():
        net.loss(x, t, train=True)
        net.backward()
        update(net.params(), net.grads())

    total = _cpu_per_run(step, steps, timed_batch, parts.clear)
    biggest = sorted(parts.items(), key=lambda kv: -kv[1])[:top]
    return ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in biggest)


def compare(step, schemes: dict, rounds: int, steps: int) -> dict:
    """{scheme: (median wall s, median process CPU s)} per step, schemes interleaved."""
    wall = {k: [] for k in schemes}
    cpu = {k: [] for k in schemes}
    for _ in range(rounds):
        for name, setup in schemes.items():
            setup()
            step()                           # first step after a change: not timed
            for _ in range(steps):
                c0, t0 = time.process_time(), time.perf_counter()
                step()
                wall[name].append(time.perf_counter() - t0)
                cpu[name].append(time.process_time() - c0)
    return {k: (float(np.median(wall[k])), float(np.median(cpu[k]))) for k in schemes}


def dispatch_cost(mods: dict, calls: int = 300, rounds: int = 5) -> dict:
    """{name: (wall us, CPU us)} per for_batch call of 100 images cut in no-op slices with
    2 workers, medians over `rounds` interleaved rounds: what the split itself costs."""
    out = {name: ([], []) for name in mods}
    for _ in range(rounds):
        for name, mod in mods.items():
            mod.set_workers(2)
            mod.for_batch(lambda i, j: None, 100)
            c0, t0 = time.process_time(), time.perf_counter()
            for _ in range(calls):
                mod.for_batch(lambda i, j: None, 100)
            out[name][0].append((time.perf_counter() - t0) / calls * 1e6)
            out[name][1].append((time.process_time() - c0) / calls * 1e6)
            mod.set_workers(1)
    return {k: (float(np.median(w)), float(np.median(c))) for k, (w, c) in out.items()}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--nets", nargs="+",
                   default=["SimpleConvNet", "LeNet5", "DeepConvNet", "DigitNet"])
    p.add_argument("--against", default="HEAD", help="git revision of the other parallel.py")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--steps", type=int, default=3, help="timed steps per scheme and round")
    p.add_argument("--busy", action="store_true", help="also with a `while True` process")
    a = p.parse_args(argv)

    import threadpoolctl

    from nndesk.nn import parallel
    from nndesk.presets import load_preset

    limits = threadpoolctl.threadpool_limits(limits=1, user_api="blas")  # noqa: F841
    _call_sites_cache[:] = _call_sites()
    other = _other_parallel(a.against)
    rng = np.random.default_rng(0)
    x = rng.random((100, 1, 28, 28), dtype=np.float32)
    t = rng.integers(0, 10, 100)

    def scheme(mod, n):
        def setup():
            mod.set_workers(n)
            _use(_plain[0] if mod is parallel else mod.for_batch)
        return setup

    schemes = {"1 worker": scheme(parallel, 1), "2 workers": scheme(parallel, 2),
               f"2 workers ({a.against})": scheme(other, 2)}
    loads = [os.getloadavg()]
    cost = dispatch_cost({"this": parallel, a.against: other})
    print("dispatch per for_batch call (2 workers, no-op slices), wall / CPU us: "
          + "; ".join(f"{k} {w:.0f} / {c:.0f}" for k, (w, c) in cost.items()), flush=True)
    rows = []
    for busy in ([False, True] if a.busy else [False]):
        hog = (subprocess.Popen([sys.executable, "-c", "while True: pass"]) if busy else None)
        try:
            for name in a.nets:
                case = nndesk_case(load_preset(name), x, t, x)
                s, calls = share(case.step, a.steps)
                parts = serial_parts(load_preset(name), x, t, a.steps) if not busy else ""
                res = compare(case.step, schemes, a.rounds, a.steps)
                one = res["1 worker"][0]
                rows.append([name + (", +1 core busy" if busy else ""), f"{100 * s:.0f}%",
                             parts,
                             f"{s + (1 - s) / 2:.2f}", f"{calls:.0f}", fmt(one * 1e3),
                             *(f"{res[k][0] / one:.2f}" for k in list(schemes)[1:]),
                             *(f"{res[k][1] / res['1 worker'][1]:.2f}"
                               for k in list(schemes)[1:])])
                print(f"{rows[-1]}", file=sys.stderr, flush=True)
        finally:
            if hog is not None:
                hog.kill()
                hog.wait()
            _use(_plain[0])
            parallel.set_workers(1)
            other.set_workers(1)
    loads.append(os.getloadavg())
    names = list(schemes)[1:]
    print(markdown_table(
        ["network", "serial share (1 worker CPU)", "biggest serial parts",
         "Amdahl bound, 2 workers",
         "for_batch calls/step", "1 worker ms", *(f"{k} / 1" for k in names),
         *(f"{k} CPU / 1" for k in names)], rows))
    print(f"\n- {a.rounds} rounds x {a.steps} steps, schemes interleaved; batch 100, Adam, "
          f"1 BLAS thread")
    print("- load average before / after (1/5/15 min): "
          + " | ".join(" / ".join(f"{v:.2f}" for v in la) for la in loads))
    return 0


if __name__ == "__main__":
    sys.exit(main())
