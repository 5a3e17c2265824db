"""The machine a benchmark ran on, and how busy other processes kept it meanwhile."""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field

import numpy as np
import threadpoolctl

__all__ = ["TORCH_ISA_ENV", "BusyMonitor", "blas_isa", "cap_torch_isa", "machine_info",
           "set_threads", "torch_isa"]

_HZ = os.sysconf("SC_CLK_TCK")


def _cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, or the platform's guess."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _blas_info() -> list[str]:
    """One line per native thread pool numpy (and torch, if loaded) uses."""
    lines = []
    for pool in threadpoolctl.threadpool_info():
        words = [pool.get("internal_api"), pool.get("version"), pool.get("architecture")]
        name = " ".join(w for w in words if w)
        lines.append(f"{name} ({pool['filepath'].rsplit('/', 1)[-1]}): "
                     f"{pool['num_threads']} threads")
    return lines


# OpenBLAS kernel names (threadpoolctl's "architecture") by the widest vector ISA they use.
_AVX512_KERNELS = ("skylakex", "cooperlake", "sapphirerapids")
_AVX2_KERNELS = ("haswell", "zen", "skylake")

# What caps PyTorch to AVX2: ATen's kernels (its dispatch by CPU capability) and oneDNN's
# (convolutions, its JIT). Both are read when torch is imported, so set them before that.
TORCH_ISA_ENV = {"avx2": {"ATEN_CPU_CAPABILITY": "avx2", "ONEDNN_MAX_CPU_ISA": "AVX2"}}


def blas_isa() -> str:
    """The kernel numpy's OpenBLAS runs, its ISA, and why, e.g. "OpenBLAS Haswell kernels
    (AVX2), OPENBLAS_CORETYPE=Haswell set by the environment"."""
    for pool in threadpoolctl.threadpool_info():
        if pool.get("internal_api") != "openblas":
            continue
        arch = str(pool.get("architecture") or "unknown")
        low = arch.lower()
        isa = ("AVX-512" if low.startswith(_AVX512_KERNELS)
               else "AVX2" if low.startswith(_AVX2_KERNELS) else "?")
        forced = os.environ.get("OPENBLAS_CORETYPE")
        why = (f"OPENBLAS_CORETYPE={forced} set by the environment" if forced
               else "OpenBLAS's own choice for this CPU (OPENBLAS_CORETYPE unset)")
        return f"OpenBLAS {arch} kernels ({isa}), {why}"
    return "not OpenBLAS: " + "; ".join(_blas_info())


def cap_torch_isa(isa: str | None) -> None:
    """Set the variables that cap PyTorch to `isa` ("avx2"; None: leave torch alone).

    Raises RuntimeError when torch is already imported (the cap would not take effect)."""
    if not isa:
        return
    if "torch" in sys.modules:
        raise RuntimeError("torch is already imported: its ISA can no longer be capped")
    os.environ.update(TORCH_ISA_ENV[isa])


_ONEDNN_PROBE = """import torch
torch.nn.functional.conv2d(torch.zeros(2, 16, 8, 8), torch.zeros(16, 16, 3, 3), padding=1)
"""


def onednn_isa() -> str:
    """The ISA oneDNN reports in a child process with this environment (ONEDNN_VERBOSE)."""
    env = dict(os.environ, ONEDNN_VERBOSE="1")
    try:
        out = subprocess.run([sys.executable, "-c", _ONEDNN_PROBE], env=env, timeout=120,
                             capture_output=True, text=True, check=False).stdout
    except (OSError, subprocess.SubprocessError) as e:
        return f"unknown ({type(e).__name__})"
    isa = next((line.split("isa:", 1)[1] for line in out.splitlines() if ",isa:" in line), "")
    impl = sorted({f.split(",convolution,", 1)[1].split(",", 1)[0] for f in out.splitlines()
                   if ",exec,cpu,convolution," in f})
    return (isa.strip() or "not reported") + (f" (conv: {', '.join(impl)})" if impl else "")


def torch_isa(torch_module, wanted: str | None = None) -> str:
    """torch's ATen CPU capability and oneDNN's ISA, as one line for the report.

    With `wanted` ("avx2"), raises RuntimeError unless both really run at that ISA."""
    cap = torch_module.backends.cpu.get_cpu_capability()
    dnn = onednn_isa()
    if wanted and (cap.lower() != wanted or "512" in dnn or wanted.upper() not in dnn.upper()):
        raise RuntimeError(f"torch was to be capped to {wanted}, but runs ATen {cap}, "
                           f"oneDNN {dnn}")
    how = (" (capped: " + ", ".join(f"{k}={v}" for k, v in TORCH_ISA_ENV[wanted].items()) + ")"
           if wanted else " (its own choice for this CPU)")
    return f"ATen {cap}, oneDNN {dnn}{how}"


def machine_info(torch_module=None) -> dict[str, str]:
    """Cores, CPU, NumPy and its BLAS with thread counts, torch and its threads."""
    cores = os.cpu_count() or 1
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    info = {
        "cpu": f"{_cpu_model()}, {cores} logical cores ({usable} usable)",
        "python": platform.python_version(),
        "numpy": np.__version__,
        "thread pools": "; ".join(_blas_info()),
    }
    if torch_module is None:
        info["torch"] = "not installed"
    else:
        info["torch"] = (f"{torch_module.__version__}, {torch_module.get_num_threads()} "
                         f"intra-op threads")
    return info


def set_threads(n: int, torch_module=None, blas: bool = False):
    """`n` threads per training step: nndesk's batch workers (its policy: nn/parallel.py, one
    BLAS thread each) and torch's intra-op pool; `blas=True` instead gives numpy's BLAS `n`
    threads and one batch worker (the scheme before issue 16). Keep the returned object alive."""
    from nndesk.nn.parallel import set_workers

    limits = threadpoolctl.threadpool_limits(limits=n if blas else 1, user_api="blas")
    set_workers(1 if blas else n)
    if torch_module is not None:
        torch_module.set_num_threads(n)
    return limits


def _busy_jiffies() -> int:
    """Jiffies all CPUs spent on anything but idle and iowait, from /proc/stat."""
    with open("/proc/stat", encoding="utf-8") as f:
        fields = [int(v) for v in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal ...
    return sum(fields) - fields[3] - fields[4]


def _own_cpu_seconds() -> float:
    """CPU seconds used by this process, its waited-for children and the training step's
    live worker processes (nn/process_parallel.py)."""
    from nndesk.nn.process_parallel import worker_cpu_seconds

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime + worker_cpu_seconds()


@dataclass
class BusyMonitor:
    """Measures the CPU other processes used between `start()` and `stop()`, in cores."""

    load_before: tuple[float, float, float] = (0.0, 0.0, 0.0)
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)
    other_cores: float = 0.0  # mean number of cores busy with other processes
    warnings: list[str] = field(default_factory=list)

    def start(self) -> BusyMonitor:
        self.load_before = os.getloadavg()
        self._t0 = time.perf_counter()
        self._busy0 = _busy_jiffies()
        self._own0 = _own_cpu_seconds()
        return self

    def stop(self) -> BusyMonitor:
        wall = time.perf_counter() - self._t0
        busy = (_busy_jiffies() - self._busy0) / _HZ
        own = _own_cpu_seconds() - self._own0
        self.other_cores = max(0.0, busy - own) / max(wall, 1e-9)
        self.load_after = os.getloadavg()
        self.warnings = []
        if self.load_before[0] > 0.5:
            self.warnings.append(f"load average was {self.load_before[0]:.2f} before the run "
                                 "(> 0.5): other processes were busy")
        if self.other_cores > 0.2:
            self.warnings.append(f"other processes used {self.other_cores:.2f} cores on average "
                                 "during the run (/proc/stat): timings are inflated and noisy")
        return self

    def summary(self) -> dict[str, str]:
        """Lines for the machine block of the report."""
        fmt = " / ".join
        return {
            "load average before (1/5/15 min)": fmt(f"{x:.2f}" for x in self.load_before),
            "load average after (1/5/15 min)": fmt(f"{x:.2f}" for x in self.load_after),
            "other processes' CPU during run": f"{self.other_cores:.2f} cores (from /proc/stat)",
        }
