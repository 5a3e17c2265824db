"""`nndesk experiment NAME`: run a ch. 6 comparison, write NAME.csv and NAME.png, summarize."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from nndesk.cli.common import load_data, set_threads
from nndesk.cli.plot import PALETTE, Line, Panel, render
from nndesk.cli.progress import format_duration
from nndesk.experiments import LOSS_WINDOW, Curves, Experiment, moving_average

__all__ = ["experiment", "plot_curves", "smooth"]

smooth = moving_average  # the one moving average of the window and the command line

_METRIC_LABELS = {"train_loss": "train", "train_acc": "train", "val_acc": "validation",
                  "test_acc": "test"}


def plot_curves(exp: Experiment, curves: Curves, path: str | Path) -> Path:
    """One panel per `run.panel` (a single panel when none is set), lines per run and metric."""
    panels: dict[str, Panel] = {}
    loss = "train_loss" in exp.metrics
    runs = exp.runs
    if exp.best_panels:  # e.g. a random search: the best runs by their last recorded value
        last = exp.metrics[-1]
        runs = sorted(runs, key=lambda r: -np.nan_to_num(curves.columns[f"{r.key}/{last}"][-1],
                                                         nan=-1.0))[:exp.best_panels]
    ylabel = f"loss (moving average of {LOSS_WINDOW} steps)" if loss else "accuracy"
    for run in runs:
        panel = panels.setdefault(run.panel, Panel(run.panel or exp.title, curves.x_name, ylabel,
                                                   ylim=None if loss else (0.0, 1.0)))
        runs_here = [r for r in runs if r.panel == run.panel]
        for m, metric in enumerate(exp.metrics):
            y = curves.columns[f"{run.key}/{metric}"]
            y = smooth(y) if loss else np.asarray(y)
            if len(runs_here) > 1:
                color = PALETTE[runs_here.index(run) % len(PALETTE)]
                label = run.label if len(exp.metrics) == 1 else f"{run.label} {metric}"
            else:
                color, label = PALETTE[m % len(PALETTE)], _METRIC_LABELS.get(metric, metric)
            panel.lines.append(Line(label, curves.x, list(y), color,
                                    dashed=metric in ("val_acc", "test_acc")))
    if loss:  # an early blow-up (a large lr) must not flatten the rest: clip at the start
        for panel in panels.values():
            firsts = [line.y[0] for line in panel.lines if line.y and np.isfinite(line.y[0])]
            panel.ylim = (0.0, 1.1 * max(firsts, default=2.5))
    single = list(panels) == [""]
    many = len(panels) > 6
    return render(list(panels.values()), path, title="" if single else exp.title,
                  panel_size=(640, 400) if single else (330, 250) if many else (440, 310),
                  columns=4 if many else None)


def _print_summary(exp, summaries: list[dict], held_out: int) -> None:
    """One row per run: final loss and accuracies (best first for a search)."""
    if exp.best_panels:
        last = exp.metrics[-1]
        summaries = sorted(summaries, key=lambda s: -np.nan_to_num(s[last], nan=-1.0))
    columns = [("final_loss", "final loss", "{:.4f}"), ("train_acc", "train acc", "{:.2%}")]
    if "val_acc" in exp.metrics:
        columns.append(("val_acc", "val acc", "{:.2%}"))
    columns.append(("test_acc", "test acc", "{:.2%}"))
    width = max(len(s["run"]) for s in summaries)
    print(f"  {'run'.ljust(width)}  " + "  ".join(f"{name:>10}" for _, name, _ in columns)
          + f"  (accuracies held out on the first {held_out:,} images)")
    for s in summaries:
        print(f"  {s['run'].ljust(width)}  "
              + "  ".join(f"{fmt.format(s[key]):>10}" for key, _, fmt in columns))


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
        _print_summary(exp, summaries, min(exp.test_images, len(splits.x_test)))
        print(f"  curves: {csv_path}\n  plot:   {png_path}")
    return 0
