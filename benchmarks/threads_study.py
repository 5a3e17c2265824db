"""nndesk's training step on 1 thread, on all cores by batch workers (the policy since issue 16)
and on all cores by a multi-threaded BLAS (the scheme before), idle and with one core busy.

The busy case stands for the app: the window's thread (or another program) takes a core while
training runs; a BLAS pool that spins on both cores then waits for the slow one, batch workers
sleep when they wait and hand the slices out one by one.
"""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
from cases import nndesk_case, time_calls
from report import fmt, markdown_table
from sysinfo import blas_isa, machine_info, set_threads

__all__ = ["study", "machine_lines"]


def machine_lines() -> list[str]:
    """The machine the study ran on, for its section: CPU and cores, numpy, the BLAS kernel
    (and whether the environment pinned it), malloc as the app sets it."""
    from nndesk.nn.memory import keep_freed_memory

    kept = keep_freed_memory()          # as `nndesk train` and the window run
    info = machine_info()
    return [f"- machine: {info['cpu']}", f"- numpy {info['numpy']}; BLAS: {blas_isa()}",
            "- malloc: " + ("keeps freed memory (nn/memory.py, as the app)" if kept
                            else "the system's default")]


def _busy_loop() -> subprocess.Popen:
    """A process that keeps one core at 100% until killed."""
    return subprocess.Popen([sys.executable, "-c", "while True: pass"])


def _measure(cases, schemes, rounds: int, steps: int) -> dict:
    """{(label, scheme): step seconds}, interleaving the schemes within every round."""
    out = {(label, name): [] for label in cases for name in schemes}
    budget = {}  # steps per block: about 0.5 s of single-thread work, 2 to `steps`
    for label, case in cases.items():
        limits = set_threads(1)  # noqa: F841
        once = min(time_calls(case.step, 2))
        budget[label] = int(np.clip(0.5 / once, 2, steps))
    for _ in range(rounds):
        for label, case in cases.items():
            for name, (n, blas) in schemes.items():
                limits = set_threads(n, blas=blas)  # noqa: F841
                case.step()  # first step after a change of scheme: not timed
                out[label, name] += time_calls(case.step, budget[label])
    limits = set_threads(1)  # noqa: F841
    return out


def study(nets, x: np.ndarray, t: np.ndarray, rounds: int = 3, steps: int = 6,
          batch: int = 100) -> str:
    """The markdown section: step time per network with 1 thread, all cores by batch workers
    and all cores by BLAS threads, idle and with one core busy."""
    n = max(2, os.cpu_count() or 1)
    schemes = {"1 thread": (1, False), f"{n} workers": (n, False),
               f"{n} BLAS threads": (n, True)}
    cases = {label: nndesk_case(spec, x[:batch], t[:batch], x[:batch])
             for label, spec, _ in nets}
    idle = _measure(cases, schemes, rounds, steps)
    hog = _busy_loop()
    try:
        busy = _measure(cases, schemes, rounds, steps)
    finally:
        hog.kill()
        hog.wait()
    rows = []
    for label in cases:
        cells = [label]
        for res in (idle, busy):
            med = [float(np.median(res[label, name])) * 1e3 for name in schemes]
            cells += [fmt(m) for m in med] + [f"{med[1] / med[0]:.2f}", f"{med[2] / med[0]:.2f}"]
        rows.append(cells)
    names = list(schemes)
    header = ["network", *names, "workers/1", "BLAS/1",
              *(f"{k}, +1 core busy" for k in names), "workers/1 busy", "BLAS/1 busy"]
    return "\n".join([
        f"## Threads: nndesk training step (batch {batch}, Adam), median ms", "",
        f"{rounds} rounds x up to {steps} steps, the schemes interleaved in every round, on"
        " the machine as it was (see its load below). 'workers': the batch split between"
        " threads with one BLAS thread each (nn/parallel.py, the default since issue 16);"
        " 'BLAS threads': one batch, numpy's BLAS with that many threads (the scheme before)."
        " '+1 core busy' = a `while True: pass` process started meanwhile (the window's"
        " thread, another program). Ratio above 1: slower than one thread.", "",
        markdown_table(header, rows), ""])


def main(argv: list[str] | None = None) -> int:
    """Run the study alone and write its section of benchmarks/RESULTS.md (`--no-write`:
    print only). About 2 minutes on an idle 2-core machine with the defaults."""
    import argparse
    import time
    from pathlib import Path

    from report import write_section
    from sysinfo import BusyMonitor

    from nndesk.presets import load_preset

    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--nets", nargs="+",
                   default=["SimpleConvNet", "LeNet5", "DeepConvNet", "DigitNet"])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--steps", type=int, default=6, help="at most this many timed steps a block")
    p.add_argument("--no-write", action="store_true", help="print the section only")
    a = p.parse_args(argv)
    rng = np.random.default_rng(0)
    x = rng.random((100, 1, 28, 28), dtype=np.float32)
    t = rng.integers(0, 10, 100)
    nets = [(name, load_preset(name), None) for name in a.nets]
    machine = machine_lines()
    started = time.perf_counter()
    monitor = BusyMonitor().start()
    section = study(nets, x, t, rounds=a.rounds, steps=a.steps)
    monitor.stop()
    section += "\n" + "\n".join([*machine, *(f"- {k}: {v}" for k, v in
                                              monitor.summary().items())])
    section += f"\n- wall time: {time.perf_counter() - started:.0f} s\n"
    print(section)
    if not a.no_write:
        write_section(Path(__file__).resolve().parent / "RESULTS.md", "threads", section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
