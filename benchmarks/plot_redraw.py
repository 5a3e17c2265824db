"""The loss plot's cost per redraw as a run grows (issue 18, defect 7).

One redraw = what the window does ~10 times a second while training: `add_batches` with the
losses since the last signal (10 here), then a synchronous repaint of the loss plot. Measured
with a plot already holding N points, N = 1k, 25k, 200k (batch size 1-10 reaches 200k in a few
epochs). Median of `--repeats` redraws, milliseconds.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/plot_redraw.py
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/plot_redraw.py --module old_plots.py

`--module` times another version of gui/plots.py (e.g. `git show REV:nndesk/gui/plots.py`).
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import statistics
import sys
import time


def _panel_class(module_path: str | None):
    if module_path is None:
        from nndesk.gui.plots import PlotsPanel

        return PlotsPanel
    spec = importlib.util.spec_from_file_location("plots_under_test", module_path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.PlotsPanel


def _make_panel(cls):
    from nndesk.gui.state import AppState

    try:
        return cls(AppState())
    except TypeError:  # the version before PlotsPanel took the state
        return cls()


def redraw_ms(cls, n: int, repeats: int = 30, chunk: int = 10) -> tuple[float, float, float]:
    """Median milliseconds of one update (add `chunk` losses) and of one redraw (the update
    plus a synchronous repaint of the loss plot) at `n` points, and the fastest redraw (the
    least disturbed by other processes on a shared machine)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    panel = _make_panel(cls)
    panel.resize(900, 420)
    panel.show()
    run = panel.start_run("bench")
    block = 5000
    for start in range(0, n, block):  # fill quickly: big appends
        steps = list(range(start + 1, min(start + block, n) + 1))
        panel.add_batches(run, steps, [2.3 * math.exp(-s / 3000) + 0.05 for s in steps])
    app.processEvents()
    times, updates = [], []
    step = n
    for _ in range(repeats):
        steps = list(range(step + 1, step + chunk + 1))
        step += chunk
        t0 = time.perf_counter()
        panel.add_batches(run, steps, [0.05 + 0.01 * (s % 7) for s in steps])
        updates.append(1000 * (time.perf_counter() - t0))
        panel.loss_plot.viewport().repaint()
        times.append(1000 * (time.perf_counter() - t0))
    panel.close()
    panel.deleteLater()
    app.processEvents()
    return statistics.median(updates), statistics.median(times), min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", help="path of another plots.py to time")
    parser.add_argument("--points", default="1000,25000,200000")
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args(argv)
    import pyqtgraph as pg

    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    cls = _panel_class(args.module)
    print(f"{'points':>8}  {'update ms':>10}  {'redraw ms':>10}  {'fastest':>8}  "
          f"(medians of {args.repeats})")
    for n in (int(p) for p in args.points.split(",")):
        update, redraw, fastest = redraw_ms(cls, n, args.repeats)
        print(f"{n:>8}  {update:10.2f}  {redraw:10.2f}  {fastest:8.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
