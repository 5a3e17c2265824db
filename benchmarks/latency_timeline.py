"""Where the slow strokes' time goes: the canvas's stroke-to-prediction latency cut into stages,
the slowest events beside the typical ones, and what the GUI thread was doing meanwhile.

    python benchmarks/latency_timeline.py                       # a 125 Hz mouse, idle
    python benchmarks/latency_timeline.py --why-view            # the Why panel shown
    python benchmarks/latency_timeline.py --why-view --digit four  # its jobs during stroke 2
    python benchmarks/latency_timeline.py --while-training DigitNet --repeats 5

Each mouse event posted to the canvas (gui_measure.stroke_latency's events) is timed through:
  queue    posted -> handled by the canvas (the GUI thread was busy with something else)
  wait     handled -> the preparer began the drawing that answers it (it was busy with an
           older drawing, or its thread waited for a core or the GIL)
  work     the preparer's render, preprocess, predict (wall; `work_cpu` its thread's CPU:
           wall - CPU is time without a core or without the GIL)
  deliver  the preparer done -> the GUI thread took the answer (the queued signal waited)
  show     the GUI thread's handlers of the answer (bars, words, panels)
  paint    shown -> the bars painted
A sampler thread notes, every `--sample-ms`, the GUI thread's innermost frame (ours and the
library's), the /proc state of the GUI and preparer threads (R: running or waiting for a
core; S: asleep, e.g. waiting for the GIL) and their schedstat (time on a CPU, time runnable
but waiting for one); the slow events' queue and deliver windows list the frames seen then,
and `slow_<stage>_sched_ms` how long each of the two threads ran and waited for a core in
them (medians over the slow events). `jobs_beside_slow` / `jobs_beside_all`: the share of
the slow events (of all) during which each background job ran (the pen-path reader, the Why
view's maps, its neighbours' look-ups and feature builds; while a run trains, the GUI
thread's handling of its snapshots, `snapshot`, once a second, and of its losses, `batches`,
up to 4 times a second, the plots' repaint following it); each of the slowest events lists
them (`beside`) and each thread's time on and off a core (`sched_ms`).
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import sys
import threading
import time
from collections import Counter

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_measure import (  # noqa: E402 (a benchmark beside this one)
    _uptime,
    hermetic,
    latency_while_training,
    percentiles,
    stroke_latency,
)

STAGES = ("queue", "wait", "work", "work_cpu", "deliver", "show", "paint", "total")


def stages_ms(event: dict) -> dict:
    """One event's stages in ms (see the module's docstring); paint None when not painted."""
    e = event
    out = {"queue": e["handled"] - e["posted"], "wait": e["started"] - e["handled"],
           "work": e["done"] - e["started"], "work_cpu": sum(e["cpu_s"]),
           "deliver": e["received"] - e["done"], "show": e["shown"] - e["received"],
           "paint": None if e["painted"] is None else e["painted"] - e["shown"],
           "total": e["shown"] - e["posted"]}
    return {k: None if v is None else round(1000 * v, 2) for k, v in out.items()}


class ThreadSampler:
    """Every `every_ms`: (perf_counter, the GUI thread's (our frame, innermost frame), the GUI
    and preparer threads' /proc states).

    A sample reads the threads' frames and lets go of every frame object before this thread
    gives up the GIL (`_sample`: no I/O, no wait, microseconds): a frame object kept while
    its function returns keeps that function's locals, and its last reference then frees
    them on this thread. Kept across the sleep between samples, as it was, a paintEvent's
    QPainter was destroyed here while the GUI thread painted the next widget: SIGSEGV at
    window start in 7 of 33 starts (in QPainter::setPen, ViewBox.setRange; gdb caught
    ~QPainter on this thread). Handed to the GUI thread to free instead, the painters
    outlived their paintEvents ("endPaint() called with active painter") and 4 of 33
    runs crashed at exit. Reading frames without frame objects (faulthandler's dump) costs
    ~0.7 ms a sample. Left: Python may still force a GIL switch inside `_sample` if this
    thread is kept off a core for a whole switch interval (5 ms) there; not seen in 66+
    starts."""

    def __init__(self, every_ms: float = 1.0) -> None:
        self.every_ms = every_ms
        self.samples: list[tuple[float, tuple[str, str], str, str, tuple, tuple]] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True, name="sampler")
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    @staticmethod
    def _state(tid: int | None) -> str:
        if tid is None:
            return "-"
        try:
            with open(f"/proc/self/task/{tid}/stat", encoding="ascii") as f:
                return f.read().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return "-"

    @staticmethod
    def _sched(tid: int | None) -> tuple[int, int]:
        """The thread's (ns on a CPU, ns runnable but waiting for one) so far."""
        if tid is None:
            return (0, 0)
        try:
            with open(f"/proc/self/task/{tid}/schedstat", encoding="ascii") as f:
                run, wait = f.read().split()[:2]
            return (int(run), int(wait))
        except (OSError, ValueError):
            return (0, 0)

    @staticmethod
    def _sample(ident: int) -> tuple[str, str]:
        """Thread `ident`'s (our innermost frame, innermost frame), as plain strings; no frame
        object outlives this call (see the class)."""
        frame = sys._current_frames().get(ident)
        if frame is None:
            return "-", "-"
        inner = f"{os.path.basename(frame.f_code.co_filename)}:{frame.f_code.co_name}"
        ours = "-"
        while frame is not None:
            if "/nndesk/" in frame.f_code.co_filename:
                ours = (f"{os.path.basename(frame.f_code.co_filename)}:{frame.f_lineno} "
                        f"{frame.f_code.co_name}")
                break
            frame = frame.f_back
        return ours, inner

    def _run(self) -> None:
        main = threading.main_thread()
        prep = None
        while not self._stop.wait(self.every_ms / 1000):
            where = self._sample(main.ident)  # first: nothing between the wake and it
            if prep is None:
                prep = next((t.native_id for t in threading.enumerate()
                             if t.name == "nndesk-canvas-input"), None)
            self.samples.append((time.perf_counter(), where, self._state(main.native_id),
                                 self._state(prep), self._sched(main.native_id),
                                 self._sched(prep)))

    def between(self, t0: float, t1: float) -> list:
        """The samples taken from t0 to t1 (perf_counter s)."""
        return [s for s in self.samples if t0 <= s[0] <= t1]

    def sched_ms(self, t0: float, t1: float) -> dict | None:
        """How long the GUI thread and the preparer ran and waited for a core from t0 to t1
        (the samples just before t0 and just after t1: up to one sample's time more)."""
        times = [s[0] for s in self.samples]
        i, j = bisect.bisect_right(times, t0) - 1, bisect.bisect_left(times, t1)
        if i < 0 or j >= len(times):
            return None
        a, b = self.samples[i], self.samples[j]
        return {f"{who}_{what}": round((b[k][n] - a[k][n]) / 1e6, 2)
                for who, k in (("gui", 4), ("prep", 5)) for what, n in (("ran", 0), ("waited", 1))}


class JobClock:
    """The background jobs beside the canvas's reader, each run's (name, perf_counter start,
    end): the pen-path reader's readings, the Why view's maps, the neighbours' look-ups and
    feature builds (whichever of them the tree measured has)."""

    JOBS = (("path", "nndesk.gui.preparer", "PathReader", "work"),
            ("snapshot", "nndesk.gui.training", "TrainingController", "_on_snapshot"),
            ("batches", "nndesk.gui.training", "TrainingController", "_on_batch_done"),
            ("why_maps", "nndesk.gui.why_panel", "_Job", "run"),
            ("neighbours", "nndesk.gui.neighbours_jobs", "Query", "run"),
            ("features", "nndesk.gui.neighbours_jobs", "Build", "run"))

    def __init__(self) -> None:
        import importlib

        self.runs: list[tuple[str, float, float, int]] = []
        self.waits: list[tuple[str, float, float, int]] = []  # yield_to_drawing's, not work
        for name, module, cls, method in self.JOBS + (
                ("wait", "nndesk.gui.drawing_jobs", None, "yield_to_drawing"),):
            try:
                owner = importlib.import_module(module)
                owner = owner if cls is None else getattr(owner, cls)
                setattr(owner, method, self._timed(name, getattr(owner, method)))
            except (ImportError, AttributeError):
                continue

    def _timed(self, name: str, method):
        into = self.waits if name == "wait" else self.runs

        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                into.append((name, t0, time.perf_counter(), threading.get_ident()))
        return timed

    def _working(self, name: str, t0: float, t1: float) -> bool:
        """True when a run of job `name` worked (not waiting for the canvas) in t0..t1."""
        for m, a, b, tid in self.runs:
            if m != name or a >= t1 or b <= t0:
                continue
            lo, hi = max(a, t0), min(b, t1)
            waited = sum(max(0.0, min(wb, hi) - max(wa, lo)) for _, wa, wb, wt in self.waits
                         if wt == tid and wa < hi and wb > lo)
            if hi - lo - waited > 1e-4:
                return True
        return False

    def share_overlapping(self, events: list[dict]) -> dict:
        """For each job, the share of `events` (posted -> shown) during which it worked."""
        names = sorted({r[0] for r in self.runs})
        return {n: round(sum(self._working(n, e["posted"], e["shown"]) for e in events)
                         / max(len(events), 1), 3) for n in names}


def report(events: list[dict], sampler: ThreadSampler | None, slow_share: float = 0.05,
           jobs: JobClock | None = None) -> dict:
    """Stage medians of all events and of the slowest `slow_share`; the frames and thread
    states the sampler saw in the slow events' queue and deliver windows."""
    rows = [stages_ms(e) for e in events]
    totals = np.array([r["total"] for r in rows])
    cut = float(np.quantile(totals, 1 - slow_share)) if len(totals) else 0.0
    slow = [(r, e) for r, e in zip(rows, events, strict=True) if r["total"] >= cut]

    def medians(group: list[dict]) -> dict:
        return {k: round(float(np.median([r[k] for r in group if r[k] is not None])), 2)
                for k in STAGES if any(r[k] is not None for r in group)}

    out = {"events": len(rows), "total_ms": percentiles(list(totals)),
           "median_stages_ms": medians(rows),
           f"slowest_{int(100 * slow_share)}pct_from_ms": round(cut, 2),
           "slow_stages_ms": medians([r for r, _ in slow]),
           "slowest": [dict(r) for r, _ in sorted(slow, key=lambda x: -x[0]["total"])[:8]]}
    for row, (_, e) in zip(out["slowest"], sorted(slow, key=lambda x: -x[0]["total"])[:8],
                           strict=False):
        if sampler is not None:  # posted -> shown: each thread's time on and off a core
            row["sched_ms"] = sampler.sched_ms(e["posted"], e["shown"])
        if jobs is not None:
            row["beside"] = [n for n in sorted({r[0] for r in jobs.runs})
                             if jobs._working(n, e["posted"], e["shown"])]
    if jobs is not None:  # which background jobs ran beside the slow events, and beside all
        out["jobs_beside_slow"] = jobs.share_overlapping([e for _, e in slow])
        out["jobs_beside_all"] = jobs.share_overlapping(events)
    if sampler is not None:
        for name, (a, b) in (("queue", ("posted", "handled")),
                             ("deliver", ("done", "received")),
                             ("wait_work", ("handled", "done"))):
            seen = [s for _, e in slow for s in sampler.between(e[a], e[b])]
            out[f"slow_{name}_gui_frames"] = [
                [ours, inner, n] for (ours, inner), n in
                Counter(s[1] for s in seen).most_common(8)]
            out[f"slow_{name}_states_gui_prep"] = dict(Counter(f"{s[2]}{s[3]}" for s in seen))
            sched = [d for d in (sampler.sched_ms(e[a], e[b]) for _, e in slow) if d]
            if sched:
                out[f"slow_{name}_sched_ms"] = {k: round(float(np.median([d[k] for d in sched])), 2)
                                               for k in sched[0]}
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the timeline's summary as one JSON line per window."""
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", help="model file (default: the shipped one)")
    p.add_argument("--runs", type=int, default=1, help="windows, one after the other")
    p.add_argument("--repeats", type=int, default=5, help="7s drawn in each window")
    p.add_argument("--interval-ms", type=float, default=8.0)
    p.add_argument("--why-view", action="store_true")
    p.add_argument("--digit", choices=("seven", "four"), default="seven",
                   help="four: two strokes, the Why view's jobs run during the second")
    p.add_argument("--size", default="1400x900")
    p.add_argument("--while-training", metavar="PRESET")
    p.add_argument("--sample-ms", type=float, default=1.0, help="0: no sampler")
    p.add_argument("--slow-share", type=float, default=0.05)
    p.add_argument("--switch-interval-ms", type=float)
    a = p.parse_args(argv)
    if a.switch_interval_ms:
        sys.setswitchinterval(a.switch_interval_ms / 1000)
    size = tuple(int(v) for v in a.size.lower().split("x"))
    hermetic(size)
    jobs = JobClock()
    for _ in range(a.runs):
        events: list[dict] = []
        del jobs.runs[:], jobs.waits[:]
        sampler = ThreadSampler(a.sample_ms) if a.sample_ms > 0 else None
        if sampler is not None:
            sampler.start()
        if a.while_training:
            latency_while_training(a.model, a.while_training, a.repeats, a.interval_ms,
                                   size=size, why=a.why_view, events=events, digit=a.digit)
        else:
            stroke_latency(a.model, a.repeats, a.interval_ms, size=size, why=a.why_view,
                           events=events, digit=a.digit)
        if sampler is not None:
            sampler.stop()
        print(json.dumps({"timeline": report(events, sampler, a.slow_share, jobs),
                          "why_view": a.why_view, "training": a.while_training,
                          "digit": a.digit,
                          "switch_interval_ms": 1000 * sys.getswitchinterval(),
                          "uptime": _uptime()}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
