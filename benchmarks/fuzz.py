"""The big fuzz run (issue 10): 1,000+ damaged inputs of each kind, and what nndesk did with them.

    nice -n 10 python benchmarks/fuzz.py --tries 1000 > fuzz.log

For model files, checkpoints, specs (`nndesk.nn.infer`), images (`nndesk.data.preprocess`)
and data folders (IDX layout or digit folders) it counts: clean errors (the reader's own
error), working loads, tracebacks (any other exception), hangs (no answer within --timeout s),
tries that took more than 100 MB above the baseline (tracemalloc peak: Python and NumPy
allocations) and silent wrong loads (accepted, but what was loaded does not work). Then it
times crafted bombs: a model file with one entry inflating to 1 GB (and 4 GB), an IDX gzip
bomb. The makers and judges are `tests/fuzz/mutants.py`, shared with the test suite.
"""

from __future__ import annotations

import argparse
import collections
import io
import math
import shutil
import signal
import sys
import tempfile
import time
import traceback
import tracemalloc
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))
sys.path.insert(0, str(ROOT))

import mutants as M  # noqa: E402

MB = 1 << 20
LIMIT = 100 * MB


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang


KINDS = {
    "model files": (lambda s, d: M.make_model_file(s, d), M.judge_model),
    "checkpoints": (lambda s, d: M.make_model_file(s, d, checkpoint=True), M.judge_checkpoint),
    "specs": (lambda s, d: M.make_spec(s), M.judge_spec),
    "images": (lambda s, d: M.make_image(s, d), M.judge_image),
    "data folders": (lambda s, d: M.make_data_folder(s, d), M.judge_data_folder),
}


def run_kind(name: str, tries: int, timeout: int, first_seed: int, log) -> dict:
    make, judge = KINDS[name]
    counts = collections.Counter()
    slowest, peak_max = 0.0, 0
    work = Path(tempfile.mkdtemp(prefix="nndesk-fuzz-"))
    for seed in range(first_seed, first_seed + tries):
        thing = make(seed, work)
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        started = time.perf_counter()
        signal.alarm(timeout)
        try:
            outcome = judge(thing)
        except _Hang:
            outcome = "hang"
        except Exception as err:  # a traceback a user would see
            outcome = "traceback"
            print(f"{name} seed {seed}: {type(err).__name__}: {str(err)[:200]}", file=log)
            traceback.print_exc(limit=3, file=log)
        finally:
            signal.alarm(0)
        spent = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] - base
        counts[outcome] += 1
        if peak > LIMIT:
            counts["memory"] += 1
            print(f"{name} seed {seed}: {peak / MB:.0f} MB ({outcome})", file=log)
        if outcome == "wrong":
            print(f"{name} seed {seed}: silent wrong load", file=log)
        slowest, peak_max = max(slowest, spent), max(peak_max, peak)
        if isinstance(thing, Path):  # keep the folder small
            if thing.is_dir():
                shutil.rmtree(thing, ignore_errors=True)
            else:
                thing.unlink(missing_ok=True)
    shutil.rmtree(work, ignore_errors=True)
    return {"tries": tries, "clean": counts["clean"], "loaded": counts["loaded"],
            "traceback": counts["traceback"], "hang": counts["hang"],
            "memory": counts["memory"], "wrong": counts["wrong"], "slowest_s": slowest,
            "peak_mb": peak_max / MB}


def _model_bomb(path: Path, gigabytes: float) -> None:
    """A real model file whose first weight entry inflates to `gigabytes` GB of zeros."""
    from nndesk.nn import Network
    from nndesk.train import save_model

    good = save_model(path, Network.from_spec(M.SPECS[0]))
    with zipfile.ZipFile(good) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    n = int(gigabytes * (1 << 30))
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        header, {"descr": "<f4", "fortran_order": False, "shape": (n // 4,)})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            if name == "w/0.W.npy":
                with z.open(name, "w", force_zip64=True) as f:
                    f.write(header.getvalue())
                    chunk = bytes(16 * MB)
                    for _ in range(n // len(chunk)):
                        f.write(chunk)
            else:
                z.writestr(name, data)


_PROBE = """
import json, sys, time
from importlib import import_module
def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
reader = getattr(import_module(sys.argv[2]), sys.argv[3])
base = hwm()
t = time.perf_counter()
try:
    reader(sys.argv[1])
    outcome = "loaded"
except Exception as err:
    outcome = type(err).__name__ + ": " + str(err).split(": ", 1)[-1][:90]
print(json.dumps([time.perf_counter() - t, (hwm() - base) / 2**20, outcome]))
"""


def _in_fresh_process(path: Path, module: str, func: str) -> tuple[float, float, str]:
    """Seconds, peak RSS above the baseline after imports (MB), outcome: one fresh process."""
    import json
    import subprocess

    done = subprocess.run([sys.executable, "-c", _PROBE, str(path), module, func],
                          capture_output=True, text=True, timeout=600,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    if done.returncode:
        return math.nan, math.nan, f"crashed: {done.stderr.strip().splitlines()[-1]}"
    return tuple(json.loads(done.stdout))


def crafted(log) -> list[tuple[str, str, float, float, str]]:
    """(case, file size, seconds, MB above baseline, outcome) for the crafted bombs, each read
    in a fresh process whose peak resident memory (VmHWM) is compared before and after."""
    import gzip

    from nndesk.data.idx import read_idx
    from nndesk.train import load_model

    rows = []
    work = Path(tempfile.mkdtemp(prefix="nndesk-bombs-"))
    cases = []
    for gb in (1, 4):
        p = work / f"bomb{gb}.npz"
        _model_bomb(p, gb)
        cases.append((f"model file, one entry inflating to {gb} GB", p, load_model))
    p = work / "train-images-idx3-ubyte.gz"
    n = 300_000  # 235 MB of images declared: under the 256 MB ceiling, so the ratio decides
    with gzip.open(p, "wb", compresslevel=1) as f:
        f.write(bytes([0, 0, 8, 3]) + np.array([n, 28, 28], ">u4").tobytes())
        for _ in range(n * 784 // (16 * MB)):
            f.write(bytes(16 * MB))
        f.write(bytes(n * 784 % (16 * MB)))
    cases.append(("IDX gzip file inflating to 235 MB", p, read_idx))
    for name, path, reader in cases:
        spent, peak, outcome = _in_fresh_process(path, reader.__module__, reader.__name__)
        size = path.stat().st_size
        rows.append((name, f"{size / MB:.1f} MB", spent, peak, outcome))
        print(f"crafted {name}: {spent:.3f} s, {peak:.1f} MB, {outcome}", file=log)
    shutil.rmtree(work, ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--tries", type=int, default=1000, help="inputs per kind (default 1000)")
    p.add_argument("--timeout", type=int, default=20, help="seconds before a try is a hang")
    p.add_argument("--seed", type=int, default=10_000, help="first seed (tests use others)")
    p.add_argument("--kinds", nargs="*", default=list(KINDS), choices=list(KINDS))
    p.add_argument("--no-bombs", action="store_true", help="skip the crafted bombs")
    p.add_argument("--log", default=None, help="file for tracebacks and details")
    args = p.parse_args(argv)
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    signal.signal(signal.SIGALRM, _alarm)
    log = open(args.log, "w") if args.log else sys.stderr  # noqa: SIM115
    tracemalloc.start()
    rows = {}
    for kind in args.kinds:
        started = time.perf_counter()
        rows[kind] = run_kind(kind, args.tries, args.timeout, args.seed, log)
        print(f"{kind}: {rows[kind]} ({time.perf_counter() - started:.0f} s)", file=log,
              flush=True)
    print("| input | tries | clean errors | working loads | tracebacks | hangs | "
          "memory > 100 MB | silent wrong loads | slowest try | largest peak |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for kind, r in rows.items():
        print(f"| {kind} | {r['tries']:,} | {r['clean']:,} | {r['loaded']:,} | "
              f"{r['traceback']} | {r['hang']} | {r['memory']} | {r['wrong']} | "
              f"{r['slowest_s']:.2f} s | {r['peak_mb']:.1f} MB |")
    if not args.no_bombs:
        print("\n| crafted file | size | time to refuse | peak RSS above baseline | outcome |")
        print("|---|---:|---:|---:|---|")
        for name, size, spent, peak, outcome in crafted(log):
            print(f"| {name} | {size} | {spent:.3f} s | {peak:.1f} MB | {outcome} |")
    bad = sum(r["traceback"] + r["hang"] + r["memory"] + r["wrong"] for r in rows.values())
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
