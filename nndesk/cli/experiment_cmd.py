"""`nndesk experiment NAME`: run a ch. 6 comparison, write NAME.csv and NAME.png, summarize."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from nndesk.cli.common import load_data, set_threads
from nndesk.cli.plot import PALETTE, Line, Panel, nice_ticks, render
from nndesk.cli.progress import format_duration

__all__ = ["experiment", "plot_curves", "smooth"]

_METRIC_LABELS = {"train_loss": "train", "train_acc": "train", "test_acc": "test"}


def smooth(values: list[float], window: int = 25) -> np.ndarray:
    """A trailing moving average (the book's smooth_curve, without looking ahead)."""
    y = np.asarray(values, dtype=np.float64)
    if len(y) < 2 or window < 2:
        return y
    cumsum = np.cumsum(np.insert(np.where(np.isfinite(y), y, np.nan), 0, 0.0))
    counts = np.minimum(np.arange(1, len(y) + 1), window)
    starts = np.arange(1, len(y) + 1) - counts
    return (cumsum[1:] - cumsum[starts]) / counts


def plot_curves(exp, curves, path: str | Path) -> Path:
    """One panel per `run.panel` (a single panel when none is set), lines per run and metric."""
    panels: dict[str, Panel] = {}
    loss = "train_loss" in exp.metrics
    ylabel = "loss (moving average of 25 steps)" if loss else "accuracy"
    for run in exp.runs:
        panel = panels.setdefault(run.panel, Panel(run.panel or exp.title, curves.x_name, ylabel,
                                                   ylim=None if loss else (0.0, 1.0)))
        runs_here = [r for r in exp.runs if r.panel == run.panel]
        for m, metric in enumerate(exp.metrics):
            y = curves.columns[f"{run.key}/{metric}"]
            y = smooth(y) if loss else np.asarray(y)
            if len(runs_here) > 1:
                color = PALETTE[runs_here.index(run) % len(PALETTE)]
                label = run.label if len(exp.metrics) == 1 else f"{run.label} {metric}"
            else:
                color, label = PALETTE[m % len(PALETTE)], _METRIC_LABELS.get(metric, metric)
            panel.lines.append(Line(label, curves.x, list(y), color, dashed=metric == "test_acc"))
    if loss:  # an early blow-up (a large lr) must not flatten the rest: clip at the start
        for panel in panels.values():
            firsts = [line.y[0] for line in panel.lines if line.y and np.isfinite(line.y[0])]
            top = 1.1 * max(firsts, default=2.5)
            panel.ylim = (0.0, nice_ticks(0.0, top, cover=True)[-1])
    single = list(panels) == [""]
    return render(list(panels.values()), path, title="" if single else exp.title,
                  panel_size=(640, 400) if single else (440, 310))


def experiment(args: argparse.Namespace) -> int:
    """Run one experiment (or all), each writing NAME.csv and NAME.png into --out."""
    from nndesk.experiments import EXPERIMENTS, run_experiment, write_csv
    from nndesk.paths import runs_dir

    set_threads(args.threads)
    out = Path(args.out) if args.out else runs_dir() / "experiments"
    names = list(EXPERIMENTS) if args.name == "all" else [args.name]
    splits = load_data(args.dataset, args.data_dir, seed=args.seed, download=args.download)

    def progress(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    for name in names:
        started = time.perf_counter()
        exp, curves, summaries = run_experiment(name, splits, epochs=args.epochs,
                                                subset=args.subset, seed=args.seed,
                                                progress=progress)
        csv_path = write_csv(curves, out / f"{name}.csv")
        png_path = plot_curves(exp, curves, out / f"{name}.png")
        print(f"{exp.title} ({format_duration(time.perf_counter() - started)})")
        width = max(len(s["run"]) for s in summaries)
        print(f"  {'run'.ljust(width)}  final loss  train acc  test acc "
              f"(first {min(exp.test_images, len(splits.x_test)):,} test images)")
        for s in summaries:
            print(f"  {s['run'].ljust(width)}  {s['final_loss']:10.4f}  {s['train_acc']:9.2%}  "
                  f"{s['test_acc']:8.2%}")
        print(f"  curves: {csv_path}\n  plot:   {png_path}")
    return 0
