"""What the window process keeps in memory, step by step through a learner's session.

A measuring tool, not a test. Drives the real MainWindow offscreen (a fresh home, the shipped
model; the neighbours' feature cache kept between runs as gui_measure.py keeps it) through:
start, model loaded, evaluation on the test set, the Why view's nearest neighbours for a drawn
7, the evaluation on the pen digits (when present), two short training runs, then the
evaluation and Why views closed. After each step it prints the resident memory (VmRSS) and the
peak so far (VmHWM) from /proc/self/status, what glibc's malloc holds (in use / free in its
arenas, mmapped), and the biggest NumPy buffers alive, each with who holds it where that can be
told (an object's attribute, a module global, a dict key).

    QT_QPA_PLATFORM=offscreen NNDESK_DATA_DIR=/work/shared/data/mnist \\
        python benchmarks/window_memory.py [--train-images 5000] [--preset SimpleConvNet]
        [--runs 2] [--top 8] [--chains] [--tree ../main]

`--tree`: the checkout whose nndesk is measured (default: this script's), so one script
measures two revisions alike. Each step also says how long the window's own hand-backs of
freed memory took on the GUI thread (`release_freed_memory`, where the tree has it) and how
many training workers (with their data) are still alive.

Run it under the machine's cpu lock. NumPy arrays are not
tracked by the cyclic GC, so they are found through the containers that refer to them
(gc.get_objects + gc.get_referents) and through views' bases; a buffer is counted once.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import os
import sys
import time
import types
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))  # gui_measure beside this file

CHAINS = False  # --chains: follow the referrers of each buffer above 8 MB (slow)

__all__ = ["status_mb", "malloc_mb", "biggest_arrays", "main"]


def status_mb() -> dict:
    """VmRSS and VmHWM of this process in MB."""
    out = {}
    with open("/proc/self/status") as f:
        for line in f:
            key = line.split(":")[0]
            if key in ("VmRSS", "VmHWM"):
                out[key] = round(int(line.split()[1]) / 1024, 1)
    return out


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]


def malloc_mb() -> dict | None:
    """glibc's malloc over all arenas: in use, free, mmapped blocks (MB); None without
    glibc's mallinfo2. "free" counts pages malloc_trim handed back too (mallinfo cannot tell
    them apart): RSS is the figure to compare."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        fn = libc.mallinfo2
    except (OSError, AttributeError):
        return None
    fn.restype = _Mallinfo2
    m = fn()
    mb = 1 / (1 << 20)
    return {"heap_in_use": round(m.uordblks * mb, 1), "heap_free": round(m.fordblks * mb, 1),
            "mmapped": round(m.hblkhd * mb, 1)}


def _owner_base(a: np.ndarray) -> np.ndarray:
    """The array that owns `a`'s memory (follows views' bases)."""
    while isinstance(a.base, np.ndarray):
        a = a.base
    return a


def _holder_name(obj, referrers_of) -> str | None:
    """A readable name for a container that refers to an array."""
    if isinstance(obj, types.FrameType):
        return f"frame {obj.f_code.co_name} ({Path(obj.f_code.co_filename).name})"
    if isinstance(obj, dict):
        for owner in referrers_of(obj):
            if getattr(owner, "__dict__", None) is obj:
                return type(owner).__qualname__
            if isinstance(owner, types.ModuleType):
                return f"module {owner.__name__}"
        return "dict"
    if isinstance(obj, (list, tuple)):
        for owner in referrers_of(obj):
            name = _holder_name_shallow(owner, obj)
            if name:
                return f"{name}[...]"
        return type(obj).__name__
    return type(obj).__qualname__


def _holder_name_shallow(owner, obj) -> str | None:
    if isinstance(owner, dict):
        for k, v in owner.items():
            if v is obj:
                return str(k)
    if isinstance(owner, types.FrameType):
        return f"frame {owner.f_code.co_name}"
    return None


def _key_in(container, target) -> str:
    if isinstance(container, dict):
        for k, v in container.items():
            if v is target:
                return f".{k}"
    return ""


def holder_chain(target, skip_ids: set[int], depth: int = 6) -> list[str]:
    """Who holds `target`, link by link through objects' attributes (an object whose
    __dict__ refers to the one before), up to a Qt object, a module or `depth` links:
    e.g. ["TrainSession", "TrainWorker.session"]. `skip_ids`: this tool's own containers."""
    chain, obj = [], target
    for _ in range(depth):
        owner = None
        for ref in gc.get_referrers(obj):
            if id(ref) in skip_ids or isinstance(ref, types.FrameType):
                continue
            if isinstance(ref, dict):
                for up in gc.get_referrers(ref):
                    if isinstance(up, types.ModuleType):
                        return [*chain, f"module {up.__name__}{_key_in(ref, obj)}"]
                    if getattr(up, "__dict__", None) is ref:
                        owner = up, f"{type(up).__qualname__}{_key_in(ref, obj)}"
                        break
            if owner is not None:
                break
        if owner is None:
            return chain
        obj = owner[0]
        chain.append(owner[1])
        if hasattr(obj, "metaObject"):
            return chain
    return chain


def biggest_arrays(top: int = 8, min_mb: float = 1.0) -> dict:
    """The NumPy buffers alive: their total, and the `top` biggest (at least `min_mb`), each
    with its shape, dtype and holders (with --chains: how they are reached)."""
    gc.collect()
    held: dict[int, list] = {}    # id(owner array) -> [array, [(container, array), ...]]
    for obj in gc.get_objects():
        for ref in gc.get_referents(obj):
            if isinstance(ref, np.ndarray):
                base = _owner_base(ref)
                entry = held.setdefault(id(base), [base, []])
                if len(entry[1]) < 4:
                    entry[1].append((obj, ref))
    total = sum(e[0].nbytes for e in held.values())
    count = len(held)
    rows = sorted(held.values(), key=lambda e: -e[0].nbytes)[:top]
    held.clear()
    del held
    mine = {id(rows)} | {id(r) for r in rows} | {id(r[1]) for r in rows} | {
        id(pair) for r in rows for pair in r[1]}
    out = []
    for base, holders in rows:
        if base.nbytes < min_mb * (1 << 20):
            break
        names = []
        for container, arr in holders:
            name = _holder_name(container, gc.get_referrers)
            if name is not None:
                names.append(f"{name}{_key_in(container, arr)}"
                             + ("" if arr is base else " (view)"))
        row = {"mb": round(base.nbytes / (1 << 20), 1), "shape": list(base.shape),
               "dtype": str(base.dtype), "held_by": sorted(set(names))[:4]}
        if CHAINS and base.nbytes >= 8 << 20:
            row["chain"] = holder_chain(holders[0][0], mine | {id(out), id(row)})
        out.append(row)
    return {"arrays_total_mb": round(total / (1 << 20), 1), "arrays": count, "biggest": out}


def _wait(app, until, timeout_s: float = 900) -> bool:
    """Run the event loop until `until()` is true; False at the timeout."""
    deadline = time.perf_counter() + timeout_s
    while not until():
        if time.perf_counter() > deadline:
            return False
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()
    return True


def _dock_of(widget):
    from PySide6.QtWidgets import QDockWidget

    while not isinstance(widget, QDockWidget):
        widget = widget.parentWidget()
    return widget


def _timed_release() -> list[float]:
    """Milliseconds of each call the window makes to nn.memory.release_freed_memory (none
    when the measured tree has no such function)."""
    from nndesk.nn import memory

    times: list[float] = []
    real = getattr(memory, "release_freed_memory", None)
    if real is not None:
        def timed() -> bool:
            t0 = time.perf_counter()
            try:
                return real()
            finally:
                times.append(1000 * (time.perf_counter() - t0))
        memory.release_freed_memory = timed
    return times


def _open_bottom(window, dock) -> None:
    """Show a bottom view as View ▸ does (its tab in front, the bottom area sized)."""
    dock.show()
    try:
        from nndesk.gui.window_docks import open_bottom
    except ImportError:  # a --tree from before gui/window_docks.py
        window._open_bottom(dock)
    else:
        open_bottom(window, dock)


def _alive(type_name: str) -> int:
    return sum(1 for o in gc.get_objects() if type(o).__name__ == type_name)


def run(train_images: int, preset: str, top: int, runs: int) -> list[dict]:
    """The steps, each with its memory figures."""
    from gui_measure import SEVEN, _draw, hermetic

    hermetic()
    steps: list[dict] = []
    trims = _timed_release()

    def mark(name: str, **extra) -> None:
        for _ in range(3):
            app.processEvents()
        gc.collect()
        row = {"step": name, **status_mb(), "malloc": malloc_mb(), **extra,
               "release_ms": [round(t, 1) for t in trims],
               "train_workers_alive": _alive("TrainWorker"), **biggest_arrays(top)}
        trims.clear()
        steps.append(row)
        print(json.dumps(row), flush=True)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    mark("start (Qt up, no window)")

    from nndesk.gui import app as app_module

    _, window = app_module.create_window(None)
    if hasattr(app_module, "freeze_start_up"):
        app_module.freeze_start_up()
    window.training.confirm_worse = lambda new, old: False  # no modal question at a run's end
    window.resize(1400, 900)
    window.show()
    _wait(app, lambda: window.state.network is not None)
    mark("model loaded", model=str(window.state.model_path))

    ev = window.eval_panel
    dock = _dock_of(ev)
    _open_bottom(window, dock)
    _wait(app, lambda: not ev.busy and ev.evaluation is not None)
    mark("evaluation done (test set)", accuracy=ev.evaluation.report["accuracy"])

    why = window.why_panel
    wdock = _dock_of(why)
    _open_bottom(window, wdock)
    nb = why.neighbours
    _wait(app, lambda: not nb.busy and nb.index is not None)
    _draw(app, window.digit.canvas, SEVEN)
    window.digit.wait_idle()
    _wait(app, lambda: nb.found is not None and not nb.busy and not why.busy)
    mark("neighbours shown (a drawn 7)",
         nearest=[n["index"] for n in nb.found["feature"]] if nb.found else None)

    from nndesk.insight.evaluation import pendigits_available

    if pendigits_available():
        _open_bottom(window, dock)
        box = ev.source
        box.setCurrentIndex(box.findData("pendigits"))  # starts the evaluation
        _wait(app, lambda: not ev.busy and ev.evaluation is not None
              and ev.source.currentData() == "pendigits" and ev.stage is None)
        mark("evaluation done (pen digits)", accuracy=ev.evaluation.report["accuracy"])

    from nndesk.presets import load_preset

    done = []
    window.training.finished.connect(lambda info: done.append(info))
    for r in range(runs):
        window.state.set_spec(load_preset(preset))
        window.state.set_config(epochs=1, train_limit=train_images)
        window.training.start()
        _wait(app, lambda r=r: len(done) > r and not window.training.busy)
        mark(f"training run {r + 1} done ({preset}, 1 epoch, {train_images} images)",
             stopped=done[-1].get("stopped"))

    for d in (dock, wdock):
        d.hide()
    mark("evaluation and Why views closed")
    from gui_measure import _close

    _close(window)
    return steps


def main(argv: list[str] | None = None) -> int:
    """Print one JSON line per step; then a table."""
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--train-images", type=int, default=5000)
    p.add_argument("--preset", default="SimpleConvNet")
    p.add_argument("--runs", type=int, default=2)
    p.add_argument("--top", type=int, default=8, help="biggest arrays listed per step")
    p.add_argument("--tree", help="the checkout to measure (default: this script's)")
    p.add_argument("--chains", action="store_true",
                   help="who holds each buffer above 8 MB, up to a module or a Qt object")
    a = p.parse_args(argv)
    global CHAINS
    CHAINS = a.chains
    tree = Path(a.tree) if a.tree else Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(tree.resolve()))
    import nndesk

    print(json.dumps({"tree": str(Path(nndesk.__file__).parent.parent)}), flush=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    steps = run(a.train_images, a.preset, a.top, a.runs)
    print(f"\n{'step':58} {'RSS MB':>8} {'peak MB':>8} {'arrays MB':>9}")
    for s in steps:
        print(f"{s['step']:58} {s['VmRSS']:8.0f} {s['VmHWM']:8.0f} {s['arrays_total_mb']:9.0f}")
    sys.stdout.flush()
    # as app.run ends a window whose jobs still run (a QThread destroyed running aborts)
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
