"""Batch workers: a layer's work on the images of a batch, split between threads.

The images of a batch are independent in a convolution or a pooling, so `for_batch(fn, n)`
calls `fn(start, stop)` on slices of range(n) from `workers()` threads at once. NumPy's
kernels (matrix products, copies, ufuncs) release the GIL, so the threads really run on
separate cores, each with a one-thread BLAS. Unlike a multi-threaded BLAS, an idle worker
sleeps instead of spin-waiting, and the slices are handed out one by one (several per
thread), so a core taken by another program only slows its own share: measured in
benchmarks/RESULTS.md ("Threads"). With one worker `fn(0, n)` runs as the plain code would.

Importing this module starts no thread; `set_workers(n)` is called by the entry points
(`nndesk train`, the window) and the benchmarks.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

__all__ = ["set_workers", "workers", "default_workers", "for_batch", "batch_slices"]

SLICES_PER_WORKER = 3   # several slices each: a worker on a busy core takes fewer of them

_workers = 1
_pool: ThreadPoolExecutor | None = None
_lock = threading.Lock()


def default_workers() -> int:
    """Two workers where the process may use two cores or more, else one."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:          # macOS, Windows
        usable = os.cpu_count() or 1
    return min(2, usable)


def set_workers(n: int) -> int:
    """Use `n` threads (>= 1) for each batch from now on, in this process; returns n.
    Call it at start-up or between runs, not while another thread is inside `for_batch`."""
    global _workers, _pool
    if n < 1:
        raise ValueError(f"workers must be at least 1, not {n}")
    with _lock:
        if _pool is not None and n != _workers:
            _pool.shutdown(wait=True)
            _pool = None
        _workers = n
    return n


def workers() -> int:
    """The threads a batch is split between (1: no split)."""
    return _workers


def batch_slices(n: int, parts: int) -> list[tuple[int, int]]:
    """range(n) cut into `parts` (at most n) contiguous (start, stop) pieces of near-equal size."""
    parts = max(1, min(parts, n))
    bounds = [n * i // parts for i in range(parts + 1)]
    return list(zip(bounds[:-1], bounds[1:], strict=True))


def for_batch(fn: Callable[[int, int], None], n: int, min_size: int = 1) -> None:
    """Call fn(start, stop) over slices covering range(n), from `workers()` threads.

    `fn` must write only its own slice of shared arrays (a partial sum per slice is the
    caller's to keep separately). Slices have at least `min_size` images where n allows. The
    calling thread works too and returns when every slice is done; the first exception
    raised by a slice is raised here.
    """
    global _pool
    w = _workers
    if w <= 1 or n < 2 * min_size:
        fn(0, n)
        return
    slices = batch_slices(n, min(w * SLICES_PER_WORKER, n // min_size))
    todo = iter(slices)
    take = threading.Lock()

    def run() -> None:
        while True:
            with take:
                part = next(todo, None)
            if part is None:
                return
            fn(*part)

    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=w - 1, thread_name_prefix="nndesk-batch")
        pool = _pool
    helpers = [pool.submit(run) for _ in range(w - 1)]
    try:
        run()
    finally:
        for h in helpers:
            h.result()
