"""The benchmark script keeps working: `benchmarks/run.py --smoke` prints and writes its table.

Timings are never judged here; only that every figure is a number and the same-network check
between nndesk and its PyTorch twin (when torch is installed) agrees.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
NUMBER = re.compile(r"^-?[\d,]*\.?\d+(e[-+]?\d+)?$")


def _env() -> dict[str, str]:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _table_rows(text: str) -> list[list[str]]:
    """Data rows of the first markdown table in `text`, cells stripped."""
    lines: list[str] = []
    for ln in text.splitlines():
        if ln.startswith("|"):
            lines.append(ln)
        elif lines:
            break                                  # the first table ended
    return [[c.strip() for c in ln.strip("|").split("|")] for ln in lines[2:]]


@pytest.fixture(scope="module")
def smoke(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    from nndesk.nn import Network
    from nndesk.presets import load_preset
    from nndesk.train.modelfile import save_model

    tmp = tmp_path_factory.mktemp("bench")
    out, model = tmp / "RESULTS.md", tmp / "tiny.npz"
    spec = {**load_preset("SimpleConvNet"), "name": "TinyNet"}
    spec["layers"] = [{"type": "Conv2D", "filters": 2, "kernel_size": 3},
                      {"type": "ReLU"}, {"type": "MaxPool2D"}, {"type": "Dense", "units": 10}]
    save_model(model, Network.from_spec(spec, seed=0))
    cmd = [sys.executable, str(BENCH / "run.py"), "--smoke", "--out", str(out),
           "--model", str(model), "--threads-study"]
    done = subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=1800,
                          cwd=ROOT)
    return done, out


def test_smoke_run_prints_a_table_of_numbers(smoke):
    done, _ = smoke
    assert done.returncode == 0, done.stderr[-2000:]
    rows = _table_rows(done.stdout)
    nets = {r[0] for r in rows}
    assert {"SimpleConvNet", "LeNet5", "DeepConvNet", "model tiny.npz (TinyNet)"} <= nets
    steps = [r for r in rows if r[1].startswith("train step")]
    assert len(steps) >= 8  # wall and CPU time for each of the four networks
    for row in steps:
        assert NUMBER.match(row[2]) and NUMBER.match(row[3]), row  # nndesk median, best
        assert float(row[2].replace(",", "")) > 0
        if row[4] != "-":  # torch installed: its figures and the ratio are numbers too
            assert NUMBER.match(row[4]) and NUMBER.match(row[6]), row
    rss = [r for r in rows if r[1].startswith("peak RSS")]
    assert rss and float(rss[0][2].replace(",", "")) > 10  # a Python process is > 10 MB
    assert "numpy: " + np.__version__ in done.stdout
    assert "load average before" in done.stdout


def test_smoke_run_writes_the_results_file(smoke):
    done, out = smoke
    assert done.returncode == 0, done.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    assert "<!-- begin side-by-side -->" in text
    assert _table_rows(text) == _table_rows(done.stdout)


def test_smoke_run_includes_the_threads_study(smoke):
    done, out = smoke
    assert done.returncode == 0, done.stderr[-2000:]
    section = out.read_text(encoding="utf-8").split("<!-- begin threads -->")[1]
    rows = _table_rows(section)
    assert [r[0] for r in rows] == ["SimpleConvNet"]  # --smoke: the first network only
    for row in rows:
        assert all(NUMBER.match(c) for c in row[1:]), row  # ms, ms, ratio, twice


def test_torch_twin_matches_nndesk_when_torch_is_installed(smoke):
    done, _ = smoke
    if "torch: not installed" in done.stdout:
        assert "Same network check" not in done.stdout
        return
    found = re.search(r"Same network check.*: (.*)", done.stdout)
    assert found, done.stdout[-2000:]
    diffs = [float(v.split()[-1]) for v in found.group(1).split(", ")]
    names = [v.rsplit(" ", 1)[0] for v in found.group(1).split(", ")]
    assert {"DeepMLP", "TwoLayerNet", "model tiny.npz (TinyNet)"} <= set(names)  # BatchNorm, MLP
    assert max(diffs) < 1e-4  # same weights, same probabilities


def test_without_torch_the_nndesk_figures_still_come(tmp_path):
    cmd = [sys.executable, str(BENCH / "run.py"), "--smoke", "--no-torch", "--no-rss",
           "--nets", "SimpleConvNet", "--out", str(tmp_path / "R.md")]
    done = subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=1800,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "torch: not used (--no-torch) (nndesk figures only)." in done.stdout
    rows = _table_rows(done.stdout)
    assert {r[0] for r in rows} == {"SimpleConvNet"}
    for row in rows:
        assert NUMBER.match(row[2]), row  # nndesk's figure
        assert row[4] == row[5] == row[6] == "-", row  # no torch, no ratio


def test_write_section_replaces_only_its_own_section(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_report", BENCH / "report.py")
    report = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(report)
    write_section = report.write_section
    path = tmp_path / "R.md"
    write_section(path, "a", "first A")
    write_section(path, "b", "only B")
    write_section(path, "a", "second A")
    text = path.read_text(encoding="utf-8")
    assert "second A" in text and "only B" in text and "first A" not in text
    assert text.index("second A") < text.index("only B")


def test_predict_one_prints_its_table_for_the_shipped_model():
    cmd = [sys.executable, str(BENCH / "predict_one.py"), "--smoke", "--no-torch"]
    done = subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=600,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = _table_rows(done.stdout)
    assert [r[0] for r in rows] == ["nndesk plain (forward + softmax)",
                                    "nndesk predict (fast path)",
                                    "canvas: forward_all, layer by layer (before)",
                                    "canvas: net.forward_all (fast kernels)",
                                    "fast path, conv=winograd", "fast path, conv=gemm"]
    for row in rows:
        assert all(NUMBER.match(c) and float(c) > 0 for c in row[1:]), row
    gap = re.search(r"largest probability difference from the plain forward: (\S+)",
                    done.stdout)
    assert gap and float(gap.group(1).rstrip(";")) < 1e-5
