#!/usr/bin/env python
"""nndesk against PyTorch on the same networks, same batch, same thread count, in one run.

Interleaved rounds (round k: nndesk then torch for each network) so that a busy machine
slows both alike; medians and bests of every timed call. Writes benchmarks/RESULTS.md.
Usage: benchmarks/run.py [--threads 1,2] [--full] [--threads-study] [--smoke] [--no-torch]
[--torch-isa avx2]. The report names the ISA each side ran (OpenBLAS's kernel, torch's).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from by_threads import by_threads_section, measure_by_threads
from cases import Case, nndesk_case, nndesk_epoch, time_calls, torch_case, torch_epoch
from peakrss import nndesk_train_rss, torch_train_rss
from report import markdown_table, write_section
from sysinfo import BusyMonitor, blas_isa, cap_torch_isa, machine_info, set_threads, torch_isa
from table import HEADER, STEPS_PER_EPOCH, make_row, rows_for

HERE = Path(__file__).resolve().parent
PRESETS = ("SimpleConvNet", "LeNet5", "DeepConvNet")
LIBS = ("nndesk", "torch")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", default="1,2",
                   help="thread counts, comma-separated ('all' = every core): the full table "
                        "at the first, training steps at each (default 1,2)")
    p.add_argument("--rounds", type=int, default=5, help="interleaved rounds")
    p.add_argument("--steps", type=int, default=8, help="timed training steps per round")
    p.add_argument("--full", action="store_true",
                   help="also time one real MNIST epoch of SimpleConvNet; RSS over a whole epoch")
    p.add_argument("--threads-study", action="store_true",
                   help="also compare 1 vs 2 BLAS threads per preset, idle and under load")
    p.add_argument("--smoke", action="store_true", help="tiny sizes, a few steps (CI)")
    p.add_argument("--no-torch", action="store_true", help="nndesk figures only")
    p.add_argument("--torch-channels-last", action="store_true",
                   help="run PyTorch in channels-last memory format (its faster CPU pooling)")
    p.add_argument("--torch-isa", choices=("avx2",), default=None,
                   help="cap PyTorch to this ISA (ATEN_CPU_CAPABILITY, ONEDNN_MAX_CPU_ISA, set "
                        "before torch is imported and checked): a same-ISA comparison when "
                        "OpenBLAS runs AVX2 kernels (OPENBLAS_CORETYPE=Haswell)")
    p.add_argument("--section", default=None,
                   help="RESULTS.md section to write (default: side-by-side, with "
                        "-channels-last / -torch-avx2 for those options)")
    p.add_argument("--no-rss", action="store_true", help="skip the peak-RSS subprocesses")
    p.add_argument("--model", type=Path, default=None,
                   help="model file to benchmark as well (default: the shipped models/default.npz)")
    p.add_argument("--nets", nargs="+", default=None,
                   help="only these networks (preset names, 'model' for the model file)")
    p.add_argument("--out", type=Path, default=None,
                   help="results file (default benchmarks/RESULTS.md; none in --smoke)")
    return p.parse_args(argv)


def import_torch(skip: bool):
    """torch, or None when not wanted or not installed."""
    if skip:
        return None
    try:
        import torch
    except ImportError:
        return None
    return torch


def load_data(smoke: bool) -> tuple[np.ndarray, np.ndarray, str, object]:
    """(x, t) test images for the timed batches, a description, and the splits (or None)."""
    if not smoke:
        try:
            from nndesk.data.mnist import load_mnist

            s = load_mnist(flatten=False)
            return s.x_test, s.t_test.astype(np.int64), "MNIST test images", s
        except Exception as e:  # noqa: BLE001 - any failure: say so and use synthetic data
            print(f"MNIST not loaded ({type(e).__name__}: {e}); using synthetic images",
                  file=sys.stderr)
    rng = np.random.default_rng(0)
    x = rng.random((1000, 1, 28, 28), dtype=np.float32)
    return x, rng.integers(0, 10, 1000), "synthetic uniform images", None


def networks(model: Path | None = None) -> list[tuple[str, dict, object]]:
    """(label, spec, loaded network or None): the presets, then the model file if present."""
    from nndesk.paths import default_model_path
    from nndesk.presets import list_presets, load_preset

    names = {n.lower().replace("-", "").replace("_", ""): n for n in list_presets()}
    nets = [(names[p.lower()], load_preset(names[p.lower()]), None)
            for p in PRESETS if p.lower() in names]
    path = model or default_model_path()
    if model is not None and not path.is_file():
        print(f"model {path} not found: not benchmarked", file=sys.stderr)
    if path.is_file():
        try:
            from nndesk.train.modelfile import load_model

            loaded = load_model(path)
            label = f"model {path.name} ({loaded.spec.get('name', 'unnamed')})"
            nets.append((label, loaded.spec, loaded.network))
        except Exception as e:  # noqa: BLE001 - the report says why it is missing
            print(f"model {path} not benchmarked: {type(e).__name__}: {e}", file=sys.stderr)
    return nets


def build_cases(torch, nets, x, t, batch: int, infer_batch: int, channels_last: bool = False
                ) -> dict[str, dict[str, Case]]:
    """Cases per network label and library, from the same spec and the same arrays."""
    xb, tb, xi = x[:batch], t[:batch], x[:infer_batch]
    cases = {}
    for label, spec, net in nets:
        cases[label] = {"nndesk": nndesk_case(spec, xb, tb, xi, network=net)}
        if torch is not None:
            state = cases[label]["nndesk"].state
            cases[label]["torch"] = torch_case(torch, spec, xb, tb, xi, state,
                                               channels_last=channels_last)
    return cases


def twin_errors(torch, cases, x: np.ndarray) -> dict[str, float]:
    """Max |p_nndesk - p_torch| on the same images with the same weights: same network?

    For the benchmarked networks and every other preset (BatchNorm, Dropout, MLPs), so the
    translator is checked on each layer type the presets use.
    """
    from torchnet import to_torch

    from nndesk.nn import Network
    from nndesk.presets import list_presets, load_preset

    errors = {label: float(np.abs(c["nndesk"].check(x) - c["torch"].check(x)).max())
              for label, c in cases.items() if "torch" in c}
    if torch is None:
        return errors
    for name in list_presets():
        spec = load_preset(name)
        if name not in errors and len(spec["input_shape"]) == 3:  # MNIST images: not PenGRU's
            net = Network.from_spec(spec, seed=0)                   # pen paths (no torch twin)
            twin = to_torch(torch, net.spec, net.state_dict())
            got = twin.predict(torch.from_numpy(x.reshape(len(x), *net.spec["input_shape"])))
            errors[name] = float(np.abs(net.predict(x) - got.numpy()).max())
    return errors


def measure(cases, rounds: int, steps: int, reps: int, batch_reps: int) -> dict:
    """samples[label][lib][metric] -> seconds per call, taken in interleaved rounds."""
    metrics = ("step", "cpu", "predict1", "batch", "batch_cpu")
    samples = {label: {lib: {m: [] for m in metrics} for lib in c} for label, c in cases.items()}
    for c in cases.values():  # warm-up: allocators, caches, lazy inits
        for case in c.values():
            case.step(), case.step(), case.predict1(), case.predict_batch()
    for _ in range(rounds):
        for label, c in cases.items():
            for lib, case in c.items():
                s = samples[label][lib]
                s["step"] += time_calls(case.step, steps, s["cpu"])
                s["predict1"] += time_calls(case.predict1, reps)
                s["batch"] += time_calls(case.predict_batch, batch_reps, s["batch_cpu"])
    return samples


def extra_rows(args, torch, splits, threads: int) -> tuple[list[list[str]], str]:
    """Rows for a real measured epoch (--full) and the peak RSS of training, and how RSS ran."""
    extra = []
    if args.full and splits is not None:
        from nndesk.presets import load_preset

        spec = load_preset("SimpleConvNet")
        xtr, ttr = splits.x_train, splits.t_train.astype(np.int64)
        e = nndesk_epoch(spec, xtr, ttr)
        fig = {"nndesk": (e, e, e)}
        if torch is not None:
            e = torch_epoch(torch, spec, xtr, ttr, args.torch_channels_last)
            fig["torch"] = (e, e, e)
        name = f"epoch, measured ({len(xtr) // 100} steps) (s)"
        extra.append(make_row("SimpleConvNet", name, "epoch_real", fig))
    rss_how = ""
    if not args.no_rss:
        rss_steps = 3 if args.smoke else STEPS_PER_EPOCH if args.full else 100
        mb, rss_how = nndesk_train_rss(rss_steps, args.smoke or splits is None, threads, args.full)
        fig = {"nndesk": (mb, mb, mb)}
        if torch is not None and not args.smoke:
            tmb = torch_train_rss(rss_steps, args.smoke or splits is None, threads)
            fig["torch"] = (tmb, tmb, tmb)
        extra.append(make_row("SimpleConvNet", "peak RSS of training (MB)", "rss", fig))
    return extra, rss_how


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    cap_torch_isa(None if args.no_torch else args.torch_isa)  # before torch is imported
    torch = import_torch(args.no_torch)
    counts = [(os.cpu_count() or 1) if c == "all" else int(c) for c in args.threads.split(",")]
    threads = counts[0]
    limits = set_threads(threads, torch)  # noqa: F841 - keeps the limit in force
    os.environ["OPENBLAS_NUM_THREADS"] = str(threads)  # for any subprocess
    from nndesk.nn.memory import keep_freed_memory

    kept = keep_freed_memory()  # malloc as `nndesk train` and the window set it (both engines)
    monitor = BusyMonitor().start()
    info = machine_info(torch)
    info["malloc"] = ("keeps freed memory (nn/memory.py, as the app and `nndesk train`; "
                      "process-wide, so for torch too)" if kept else "the system's default")
    if torch is None and args.no_torch:
        info["torch"] = "not used (--no-torch)"
    isa = {"nndesk": blas_isa()}
    if torch is not None:
        isa["torch"] = torch_isa(torch, args.torch_isa)  # raises if the cap did not hold
    started = time.perf_counter()
    smoke = args.smoke
    batch, infer_batch = (10, 50) if smoke else (100, 1000)
    rounds, steps = (1, 2) if smoke else (args.rounds, args.steps)
    x, t, data_desc, splits = load_data(smoke)
    nets = networks(args.model)
    if args.nets:
        nets = [n for n in nets if n[0] in args.nets
                or ("model" in args.nets and n[0].startswith("model "))]
    cases = build_cases(torch, nets, x, t, batch, infer_batch, args.torch_channels_last)
    errors = twin_errors(torch, cases, x[:100])
    samples = measure(cases, rounds, steps, 3 if smoke else 100, 1 if smoke else 3)
    by_threads = measure_by_threads(cases, counts, torch, rounds, 1 if smoke else steps)
    limits = set_threads(threads, torch)  # noqa: F841 - back to the first count
    extra, rss_how = extra_rows(args, torch, splits, threads)
    monitor.stop()
    table = markdown_table(HEADER, rows_for(samples, infer_batch, batch, extra))
    info.update(monitor.summary())
    info["threads used"] = (f"{threads} in the first table, {', '.join(map(str, counts))} in the "
                            "second (nndesk: batch workers with one BLAS thread each, "
                            "nn/parallel.py; torch: torch.set_num_threads)")
    info["data"] = data_desc
    info["wall time"] = f"{time.perf_counter() - started:.0f} s"
    cmd = "benchmarks/run.py " + " ".join(sys.argv[1:] if argv is None else argv)
    isas = "; ".join(f"{lib} {v.split(',')[0]}" for lib, v in isa.items())
    if args.torch_isa:
        isas += " (capped)"
    body = [f"## Side by side ({datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; {isas})", "",
            f"Command: `{cmd.strip()}` ({rounds} interleaved rounds; {steps} steps per round; "
            "float32, Adam lr 0.001). Ratio = nndesk cost / torch cost (time or MB; above 1: "
            "nndesk slower). CPU time: the process's CPU seconds per step, which other busy "
            "processes inflate far less than wall time.", "",
            "ISA: " + "; ".join(f"{lib} {v}" for lib, v in isa.items()) + ".", "", table, "",
            by_threads_section(by_threads, counts, batch)]
    if torch is None:
        body += [f"torch: {info['torch']} (nndesk figures only).", ""]
    elif args.torch_channels_last:
        body += ["PyTorch ran in channels-last memory format (model and inputs).", ""]
    if errors:
        body += ["Same network check, max |p_nndesk - p_torch| after copying nndesk's weights: "
                 + ", ".join(f"{k} {v:.1e}" for k, v in errors.items()), ""]
    if rss_how:
        body += [f"Peak RSS measured on: {rss_how}.", ""]
    body += ["Machine:", "", *(f"- {k}: {v}" for k, v in info.items()), ""]
    body += [f"**WARNING**: {w}" for w in monitor.warnings]
    text = "\n".join(body)
    print(text)
    out = args.out if args.out or smoke else HERE / "RESULTS.md"
    if out is not None:
        write_section(out, args.section or "side-by-side"
                      + ("-channels-last" if args.torch_channels_last else "")
                      + (f"-torch-{args.torch_isa}" if args.torch_isa else ""), text)
    if args.threads_study:
        from threads_study import machine_lines, study

        busy = BusyMonitor().start()
        section = study(nets[:1] if smoke else nets, x, t, rounds=1 if smoke else 3,
                        steps=2 if smoke else 6, batch=batch)
        busy.stop()
        section += "\n" + "\n".join([*machine_lines(), *(f"- {k}: {v}" for k, v in
                                                        busy.summary().items())]) + "\n"
        print(section)
        if out is not None:
            write_section(out, "threads", section)
    print(f"[{platform.node()}] done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
