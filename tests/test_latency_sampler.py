"""benchmarks/latency_timeline.py's sampler reads the GUI thread's frames from its own thread
and keeps none of them: a frame object held past its function's return keeps that function's
locals, which its last reference then frees on the sampler's thread (a paintEvent's QPainter
destroyed there crashed the window at start in 7 of 33 runs)."""

from __future__ import annotations

import importlib.util
import sys
import weakref
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _timeline():
    sys.path.insert(0, str(BENCH))  # it imports gui_measure, beside it
    try:
        spec = importlib.util.spec_from_file_location("bench_latency_timeline",
                                                      BENCH / "latency_timeline.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


class _Painter:
    """Stands for a paintEvent's QPainter: a local that must die when its function returns."""


def test_a_sampled_functions_locals_die_when_it_returns_not_on_the_samplers_thread():
    sampler = _timeline().ThreadSampler(every_ms=0.2)

    def paint_event(until: int) -> weakref.ref:
        painter = _Painter()
        while len(sampler.samples) < until:  # until the sampler has read this very frame
            pass
        return weakref.ref(painter)

    sampler.start()
    try:
        for _ in range(5):
            start = len(sampler.samples)
            ref = paint_event(start + 3)
            assert ref() is None, "the sampler still holds the returned frame and its locals"
            assert any(s[1][1].endswith(":paint_event") for s in sampler.samples[start:])
    finally:
        sampler.stop()
