"""1 against all BLAS threads for nndesk's training step, on an idle machine and with one core busy.

The busy case stands for the app: the window's thread (or another program) takes a core while
training runs, and a BLAS pool that spins on both cores then waits for the slow one.
"""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import threadpoolctl
from cases import nndesk_case, time_calls
from report import fmt, markdown_table

__all__ = ["study"]


def _busy_loop() -> subprocess.Popen:
    """A process that keeps one core at 100% until killed."""
    return subprocess.Popen([sys.executable, "-c", "while True: pass"])


def _measure(cases, counts, rounds: int, steps: int) -> dict:
    """{(label, threads): step seconds}, interleaving thread counts within every round."""
    out = {(label, n): [] for label in cases for n in counts}
    budget = {}  # steps per block: about 0.5 s of single-thread work, 2 to `steps`
    for label, case in cases.items():
        with threadpoolctl.threadpool_limits(limits=1):
            once = min(time_calls(case.step, 2))
        budget[label] = int(np.clip(0.5 / once, 2, steps))
    for _ in range(rounds):
        for label, case in cases.items():
            for n in counts:
                with threadpoolctl.threadpool_limits(limits=n):
                    case.step()  # first step after a change of pool size: not timed
                    out[label, n] += time_calls(case.step, budget[label])
    return out


def study(nets, x: np.ndarray, t: np.ndarray, rounds: int = 3, steps: int = 6,
          batch: int = 100) -> str:
    """The markdown section: step time per preset with 1 and all threads, idle and busy."""
    all_threads = max(2, os.cpu_count() or 1)
    counts = (1, all_threads)
    cases = {label: nndesk_case(spec, x[:batch], t[:batch], x[:batch])
             for label, spec, _ in nets}
    idle = _measure(cases, counts, rounds, steps)
    hog = _busy_loop()
    try:
        busy = _measure(cases, counts, rounds, steps)
    finally:
        hog.kill()
        hog.wait()
    rows = []
    for label in cases:
        cells = [label]
        for res in (idle, busy):
            one, many = (float(np.median(res[label, n])) * 1e3 for n in counts)
            cells += [fmt(one), fmt(many), f"{many / one:.2f}"]
        rows.append(cells)
    n = all_threads
    header = ["network", "1 thread (ms)", f"{n} threads (ms)", f"{n}/1",
              "1 thread, +1 core busy (ms)", f"{n} threads, +1 core busy (ms)", f"{n}/1 busy"]
    return "\n".join([
        f"## BLAS threads: nndesk training step (batch {batch}, Adam), median ms", "",
        f"{rounds} rounds x up to {steps} steps, thread counts interleaved in every round, on"
        " the machine as it was (see its load below); '+1 core busy' = a `while True: pass`"
        " process started meanwhile (the window's thread, another program). Ratio above 1:"
        " more threads are slower.", "", markdown_table(header, rows), ""])


def main() -> int:
    """Run the study alone and write its section of benchmarks/RESULTS.md."""
    from pathlib import Path

    from report import write_section
    from sysinfo import BusyMonitor

    from nndesk.presets import load_preset

    rng = np.random.default_rng(0)
    x = rng.random((100, 1, 28, 28), dtype=np.float32)
    t = rng.integers(0, 10, 100)
    nets = [(name, load_preset(name), None) for name in ("SimpleConvNet", "LeNet5", "DeepConvNet")]
    monitor = BusyMonitor().start()
    section = study(nets, x, t)
    monitor.stop()
    section += "\n" + "\n".join(f"- {k}: {v}" for k, v in monitor.summary().items()) + "\n"
    print(section)
    write_section(Path(__file__).resolve().parent / "RESULTS.md", "threads", section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
