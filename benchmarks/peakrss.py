"""Peak resident memory of a real training process, read from the child's own rusage."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["nndesk_train_rss", "torch_train_rss"]

# Train SimpleConvNet on MNIST (or `synthetic` images) for `steps` batches, then test accuracy.
_NNDESK_SCRIPT = """
import sys, numpy as np
from nndesk.nn import Adam, Network
from nndesk.presets import load_preset
steps, synthetic = int(sys.argv[1]), sys.argv[2] == "1"
if synthetic:
    rng = np.random.default_rng(0)
    x, t = rng.random((2000, 1, 28, 28), dtype=np.float32), rng.integers(0, 10, 2000)
    xt, tt = x[:500], t[:500]
else:
    from nndesk.data.mnist import load_mnist
    s = load_mnist(flatten=False)
    x, t, xt, tt = s.x_train, s.t_train, s.x_test, s.t_test
net = Network.from_spec(load_preset("SimpleConvNet"), seed=0)
opt = Adam(lr=1e-3)
order = np.random.default_rng(0).permutation(len(x))
for i in range(steps):
    idx = order[(i * 100) % len(x):][:100]
    net.loss(x[idx], t[idx], train=True)
    net.backward()
    opt.update(net.params(), net.grads())
print("test accuracy", net.accuracy(xt, tt))
"""

_TORCH_SCRIPT = """
import sys, numpy as np, torch
from torchnet import to_torch
from nndesk.presets import load_preset
torch.set_num_threads(int(sys.argv[3]))
steps, synthetic = int(sys.argv[1]), sys.argv[2] == "1"
if synthetic:
    rng = np.random.default_rng(0)
    x, t = rng.random((2000, 1, 28, 28), dtype=np.float32), rng.integers(0, 10, 2000)
    xt, tt = x[:500], t[:500]
else:
    from nndesk.data.mnist import load_mnist
    s = load_mnist(flatten=False)
    x, t, xt, tt = s.x_train, s.t_train, s.x_test, s.t_test
net = to_torch(torch, load_preset("SimpleConvNet"))
opt = torch.optim.Adam(net.model.parameters(), lr=1e-3)
order = np.random.default_rng(0).permutation(len(x))
labels = t.astype(np.int64)
for i in range(steps):
    idx = order[(i * 100) % len(x):][:100]
    opt.zero_grad()
    net.loss(torch.from_numpy(x[idx]), torch.from_numpy(labels[idx])).backward()
    opt.step()
hits = sum(int((net.predict(torch.from_numpy(xt[i:i + 500])).argmax(1).numpy()
                == tt[i:i + 500]).sum()) for i in range(0, len(xt), 500))
print("test accuracy", hits / len(xt))
"""


# Runs a script (-c) or module (-m) and writes its own peak RSS (VmHWM, KiB) to a file at exit.
# Not wait4's ru_maxrss: Linux carries the parent's high-water mark into a vfork-ed child.
_WRAPPER = """
import atexit, runpy, sys
out, mode, target, *rest = sys.argv[1:]
def report():
    with open("/proc/self/status") as f:
        kib = next(int(line.split()[1]) for line in f if line.startswith("VmHWM"))
    with open(out, "w") as f:
        f.write(str(kib))
atexit.register(report)
if mode == "-m":
    sys.argv = [target, *rest]
    runpy.run_module(target, run_name="__main__", alter_sys=True)
else:
    sys.argv = ["-c", *rest]
    exec(compile(target, "<benchmark>", "exec"), {"__name__": "__main__"})
"""


def _run_peak(mode: str, target: str, args: list[str], env: dict[str, str]) -> float:
    """Run `python mode target args...`; its peak RSS in MB (VmHWM at exit)."""
    with tempfile.TemporaryDirectory() as tmp:
        hwm = Path(tmp) / "vmhwm"
        cmd = [sys.executable, "-c", _WRAPPER, str(hwm), mode, target, *args]
        done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        text = done.stdout.decode("utf-8", "replace").strip()
        if done.returncode != 0 or not hwm.exists():
            raise RuntimeError(f"{mode} {target[:40]!r} exited {done.returncode}: {text[-500:]}")
        return int(hwm.read_text()) / 1024.0


def _env(threads: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads),
               MKL_NUM_THREADS=str(threads))
    return env


def _cli_flags() -> set[str] | None:
    """Which optional flags `nndesk train` takes (its hidden --limit too); None: no command."""
    base = [sys.executable, "-m", "nndesk", "train"]
    helped = subprocess.run([*base, "--help"], capture_output=True, text=True, timeout=120)
    if helped.returncode != 0:
        return None
    flags = {f for f in ("--threads", "--limit") if f in helped.stdout}
    probe = subprocess.run([*base, "--limit", "0"], capture_output=True, text=True, timeout=120)
    if "unrecognized arguments" not in probe.stderr:  # a hidden flag: rejected for its value
        flags.add("--limit")
    return flags


def nndesk_train_rss(steps: int, synthetic: bool, threads: int, full_epoch: bool
                     ) -> tuple[float, str]:
    """Peak RSS (MB) of training SimpleConvNet, and how it was run.

    Through `nndesk train` when the CLI can do it (`--limit` for a part of an epoch, or a
    whole epoch when `full_epoch`), else through a direct script on the engine.
    """
    flags = None if synthetic else _cli_flags()
    if flags is not None and ("--limit" in flags or full_epoch):
        with tempfile.TemporaryDirectory() as tmp:
            args = ["train", "--preset", "SimpleConvNet", "--epochs", "1"]
            if "--limit" in flags and not full_epoch:
                args += ["--limit", str(steps * 100)]
            if "--threads" in flags:
                args += ["--threads", str(threads)]
            args += ["--out", str(Path(tmp) / "m.npz")]
            env = _env(threads)
            env["NNDESK_HOME"] = tmp
            mb = _run_peak("-m", "nndesk", args, env)
        return mb, "`nndesk " + " ".join(args[:-1]) + " m.npz`"
    mb = _run_peak("-c", _NNDESK_SCRIPT, [str(steps), "1" if synthetic else "0"], _env(threads))
    data = "synthetic 2000 images" if synthetic else "full MNIST loaded"
    return mb, f"engine script: {data}, {steps} steps, test-set accuracy"


def torch_train_rss(steps: int, synthetic: bool, threads: int) -> float:
    """Peak RSS (MB) of the same training in PyTorch (data loaded through nndesk.data)."""
    here = str(Path(__file__).resolve().parent)
    env = _env(threads)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [here, env.get("PYTHONPATH")]))
    return _run_peak("-c", _TORCH_SCRIPT, [str(steps), "1" if synthetic else "0", str(threads)],
                     env)
