"""CPU ms of one feature-map refresh (`InsidePanel.refresh_maps`) on the GUI thread: the panel
of this tree and the panel of an earlier commit (`--baseline`, loaded from git), side by side in
one process, the refreshes interleaved (old, new, old, new...). The first drawing's refresh,
which makes the rows, is reported alone ("first"); then each round draws two digits
stroke by stroke with a Clear before each, as a user does: the refresh after each new drawing
and after each Clear is timed (thread CPU time), and separately the paint that follows (the
events processed after it). The activations are computed once beforehand, as the canvas's own
thread does, so only the panel's work is timed. Last, "pen_moving": both panels get a new
drawing every 8 ms for a few seconds; how many times each refreshes on its own timer.

    QT_QPA_PLATFORM=offscreen python benchmarks/maps_refresh.py --rounds 5 \
        [--model models/default.npz] [--baseline aa43fa3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import types
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def _module_from_git(rev: str, path: str, name: str, extra: dict | None = None,
                     drop: str | None = None) -> types.ModuleType:
    """Module `name` from `path` as it was at commit `rev` (`drop`: a line left out, its names
    given in `extra` instead)."""
    text = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout
    if drop:
        assert drop in text, drop
        text = text.replace(drop, "")
    module = types.ModuleType(name)
    module.__dict__.update(extra or {})
    sys.modules[name] = module
    exec(compile(text, f"{rev}:{path}", "exec"), module.__dict__)  # our own repository's code
    return module


def old_panel_class(rev: str):
    """InsidePanel as it was at commit `rev`, with that commit's TileView."""
    tiles = _module_from_git(rev, "nndesk/gui/tiles.py", "_old_tiles")
    inside = _module_from_git(rev, "nndesk/gui/inside_panel.py", "_old_inside_panel",
                              extra={"TileView": tiles.TileView},
                              drop="from nndesk.gui.tiles import TileView\n")
    return inside.InsidePanel


def drawings(n_digits: int = 2, frames: int = 12, seed: int = 0) -> list[list[np.ndarray]]:
    """Per digit, the (1, 28, 28) images of it as it is drawn: its ink revealed top to bottom
    in `frames` steps (MNIST test digits; random blobs when MNIST is missing)."""
    try:
        from nndesk.data.mnist import load_mnist

        x = load_mnist(flatten=False).x_test[:n_digits].astype(np.float32)
    except (OSError, ValueError):
        x = np.random.default_rng(seed).random((n_digits, 1, 28, 28)).astype(np.float32)
    out = []
    for img in x:
        rows = np.nonzero(img[0].max(axis=1) > 0)[0]
        top, bottom = (rows[0], rows[-1] + 1) if len(rows) else (0, 28)
        steps = []
        for f in range(1, frames + 1):
            part = img.copy()
            part[:, top + (bottom - top) * f // frames:] = 0.0
            steps.append(part)
        out.append(steps)
    return out


def pen_moving(app, panels: dict, steps: list, seconds: float) -> dict:
    """A drawing that changes every 8 ms (a 125 Hz mouse) for `seconds`, given to both panels
    at once: how many refreshes each makes on its own timer, and their CPU ms in all."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    frames = [f for digit in steps for f in digit]
    spent = {name: [] for name in panels}
    for name, (_, panel) in panels.items():
        refresh = panel.refresh_maps

        def timed(refresh=refresh, out=spent[name]) -> None:
            t0 = time.thread_time()
            refresh()
            out.append(1000 * (time.thread_time() - t0))

        panel._maps_timer.timeout.disconnect()
        panel._maps_timer.timeout.connect(timed)
    clock, tick = QElapsedTimer(), QTimer()
    tick.setInterval(8)
    n = [0]

    def next_frame() -> None:
        image, acts = frames[n[0] % len(frames)]
        n[0] += 1
        for state, _ in panels.values():
            state.set_digit(image, activations=acts)

    tick.timeout.connect(next_frame)
    clock.start()
    tick.start()
    while clock.elapsed() < 1000 * seconds:
        app.processEvents()
    tick.stop()
    end = clock.elapsed() + 300  # the last drawing's refresh
    while clock.elapsed() < end:
        app.processEvents()
    return {"pen_moving": {"seconds": seconds, "drawings": n[0], **{
        f"{name}_refreshes": len(v) for name, v in spent.items()}, **{
        f"{name}_refresh_cpu_ms_total": round(sum(v), 1) for name, v in spent.items()}}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--model", default=str(ROOT / "models" / "default.npz"))
    ap.add_argument("--baseline", default="aa43fa3", help="the commit to compare with")
    ap.add_argument("--pen-seconds", type=float, default=3.0,
                    help="how long the drawing keeps changing for the refresh count")
    ap.add_argument("--size", default="520x600", help="the panel's size (the window's centre)")
    args = ap.parse_args()

    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from nndesk.gui.inside_panel import InsidePanel
    from nndesk.gui.state import AppState
    from nndesk.train import load_model

    app = QApplication.instance() or QApplication([])
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)  # as main_window does
    w, h = (int(v) for v in args.size.split("x"))
    model = load_model(args.model)
    panels = {}
    for name, cls in (("old", old_panel_class(args.baseline)), ("new", InsidePanel)):
        state = AppState()
        state.set_model(model.network, path=None, metadata={})
        panel = cls(state)
        panel.resize(w, h)
        panel.show()
        panels[name] = (state, panel)
    app.processEvents()
    steps = [[(d, [a[0] for a in model.network.forward_all(d[None])]) for d in digit]
             for digit in drawings()]
    times: dict[str, dict[str, list[float]]] = {
        k: {"first": [], "draw": [], "clear": [], "paint": []} for k in panels}
    for name, (state, panel) in panels.items():  # the first drawing: the rows are made
        image, acts = steps[0][-1]
        state.set_digit(image, activations=acts)
        t0 = time.thread_time()
        panel.refresh_maps()
        times[name]["first"].append(1000 * (time.thread_time() - t0))
        app.processEvents()
    for _ in range(args.rounds):
        for digit in steps:
            for i, (image, acts) in enumerate([(None, None)] + digit):
                for name, (state, panel) in panels.items():  # interleaved, old then new
                    state.set_digit(image, activations=acts)
                    t0 = time.thread_time()
                    panel.refresh_maps()
                    t1 = time.thread_time()
                    app.processEvents()  # the repaint it asked for
                    t2 = time.thread_time()
                    times[name]["clear" if i == 0 else "draw"].append(1000 * (t1 - t0))
                    times[name]["paint"].append(1000 * (t2 - t1))
    result: dict = {"rounds": args.rounds, "model": os.path.relpath(args.model, ROOT),
                    "baseline": args.baseline, "size": args.size,
                    "loadavg_1m": round(os.getloadavg()[0], 2)}
    for name, parts in times.items():
        for part, values in parts.items():
            v = np.array(values)
            result[f"{name}_{part}_ms"] = {"median": round(float(np.median(v)), 3),
                                           "p90": round(float(np.percentile(v, 90)), 3),
                                           "max": round(float(v.max()), 3), "n": len(v)}
    result.update(pen_moving(app, panels, steps, args.pen_seconds))
    print(json.dumps(result))
    for _, panel in panels.values():
        panel.close()


if __name__ == "__main__":
    main()
