"""Training steps of nndesk and PyTorch at each thread count, interleaved in one run.

Round k: for each thread count, for each network, nndesk then torch (one untimed step after
every change of thread count). So a machine that gets busier during the run slows every cell
alike, and the ratios of one run compare like with like.
"""

from __future__ import annotations

import numpy as np
from cases import time_calls
from report import fmt, markdown_table
from sysinfo import set_threads
from table import _target

__all__ = ["measure_by_threads", "by_threads_section"]


def measure_by_threads(cases, counts: list[int], torch, rounds: int, steps: int) -> dict:
    """{(label, lib, threads): {"wall": [s], "cpu": [s]}} of training steps."""
    out = {(label, lib, n): {"wall": [], "cpu": []}
           for label, c in cases.items() for lib in c for n in counts}
    for _ in range(rounds):
        for n in counts:
            limits = set_threads(n, torch)  # noqa: F841 - in force until the next count
            for label, c in cases.items():
                for lib, case in c.items():
                    case.step()
                    s = out[label, lib, n]
                    s["wall"] += time_calls(case.step, steps, s["cpu"])
    return out


def by_threads_section(samples: dict, counts: list[int], batch: int) -> str:
    """The markdown table: per network and thread count, median step ms and nndesk/torch."""
    rows = []
    labels = list(dict.fromkeys(label for label, _, _ in samples))
    for label in labels:
        for n in counts:
            nd, tc = samples[label, "nndesk", n], samples.get((label, "torch", n))
            a = float(np.median(nd["wall"])) * 1e3
            b = float(np.median(tc["wall"])) * 1e3 if tc else None
            ca = float(np.median(nd["cpu"])) * 1e3
            ratio = a / b if b else None
            target = _target(label, "step")
            verdict = ""
            if target is not None and ratio is not None:
                verdict = f"{target[0]}: {'met' if target[1](a, ratio) else 'NOT met'}"
            rows.append([label, str(n), fmt(a), fmt(b) if b else "-",
                         f"{ratio:.2f}" if ratio else "-", fmt(ca), verdict])
    header = ["network", "threads", "nndesk ms", "torch ms", "nndesk/torch",
              "nndesk CPU ms", "target"]
    return "\n".join([
        f"### Training step by thread count (batch {batch}, Adam, median wall ms)", "",
        "nndesk: its thread policy (the batch split between that many workers, one BLAS "
        "thread each); torch: `torch.set_num_threads`. Thread counts, networks and libraries "
        "interleaved in every round. CPU ms: the process's CPU time per step (all threads).",
        "", markdown_table(header, rows), ""])
