"""Batch workers: a layer's work on the images of a batch, split between threads.

The images of a batch are independent in a convolution or a pooling, so `for_batch(fn, n)`
calls `fn(start, stop)` on slices of range(n) from `workers()` threads at once. NumPy's
kernels (matrix products, copies, ufuncs) release the GIL, so the threads really run on
separate cores, each with a one-thread BLAS. Unlike a multi-threaded BLAS, an idle worker
sleeps instead of spin-waiting, and the slices are handed out one by one (several per
thread), so a core taken by another program only slows its own share: measured in
benchmarks/RESULTS.md ("Threads"). With one worker `fn(0, n)` runs as the plain code would.

The calling thread takes slices too, and it waits only for slices a helper has already
begun: a helper that has not woken up yet (its core busy with another program) finds
nothing left and goes back to sleep, so a call never waits for a thread to be scheduled.
Helpers are plain threads parked on a lock (no futures, no queue): waking one costs a
futex call. A helper runs at the niceness of the thread that called (never higher), so
the window's lowered training thread is not undone by its helper (gui/worker.py).

The training step of a network without BatchNorm splits the batch once instead, each
worker running the whole network on its part (nn/data_parallel.py; with two workers on
Linux, part 1 in a worker process, nn/process_parallel.py, while `LoadWatch` sees no other
program keeping a core busy); inside a part `serial()` makes `for_batch` run whole.

Importing this module starts no thread; `set_workers(n)` is called by the entry points
(`nndesk train`, the window) and the benchmarks.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

import numpy as np

__all__ = ["set_workers", "workers", "default_workers", "for_batch", "batch_slices", "copyto",
           "contiguous", "in_pieces", "PIECE_BYTES", "MIN_SPLIT_BYTES", "LoadWatch",
           "cpu_seconds"]

SLICES_PER_WORKER = 3   # several slices each: a worker on a busy core takes fewer of them
PIECE_BYTES = 512 << 10  # `in_pieces`: images per piece hold about this many bytes
MIN_SPLIT_BYTES = 1 << 20  # `for_batch(nbytes=...)`: smaller calls run on the caller alone
                           # (LeNet5's 2-worker step 0.88-0.98x with it, DigitNet's 1.0x;
                           # benchmarks/PROFILE.md, issue 16 fifth pass)

_workers = 1
_helpers: list[_Helper] = []
_job: _Job | None = None   # the batch the helpers join when woken (the latest caller's)
_lock = threading.Lock()
_local = threading.local()  # .serial: this thread runs a share of a data-parallel step


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
    global _workers
    if n < 1:
        raise ValueError(f"workers must be at least 1, not {n}")
    with _lock:
        if n != _workers:
            for h in _helpers:
                h.retire()
            _helpers.clear()
        _workers = n
    return n


def workers() -> int:
    """The threads a batch is split between (1: no split, also inside `serial()`)."""
    return 1 if getattr(_local, "serial", False) else _workers


class serial:
    """`with serial():` this thread's `for_batch` calls run whole, as with one worker (a
    share of a data-parallel step, nn/data_parallel.py, is already one worker's)."""

    def __enter__(self) -> None:
        self._was = getattr(_local, "serial", False)
        _local.serial = True

    def __exit__(self, *exc: object) -> None:
        _local.serial = self._was


def batch_slices(n: int, parts: int) -> list[tuple[int, int]]:
    """range(n) cut into `parts` (at most n) contiguous (start, stop) pieces of near-equal size."""
    parts = max(1, min(parts, n))
    bounds = [n * i // parts for i in range(parts + 1)]
    return list(zip(bounds[:-1], bounds[1:], strict=True))


def _niceness() -> int | None:
    """This thread's nice value on Linux (a thread has its own), else None."""
    if not hasattr(os, "getpriority"):
        return None
    try:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    except OSError:
        return None


class _Job:
    """One for_batch call: its slices, handed out in order to whichever thread asks."""

    __slots__ = ("fn", "slices", "taken", "running", "error", "lock", "waiting", "idle",
                 "nice")

    def __init__(self, fn: Callable[[int, int], None], slices: list[tuple[int, int]]) -> None:
        self.fn, self.slices = fn, slices
        self.taken = self.running = 0        # slices handed out; slices being worked on
        self.error: BaseException | None = None
        self.lock = threading.Lock()
        self.waiting = False                 # the caller is parked on `idle`
        self.idle = threading.Lock()         # released by the helper that ends the last slice
        self.idle.acquire()
        self.nice = _niceness()

    def work(self) -> None:
        """Run slices until none is left (or one has raised)."""
        lock, slices = self.lock, self.slices
        while True:
            with lock:
                if self.taken == len(slices) or self.error is not None:
                    return
                i, j = slices[self.taken]
                self.taken += 1
                self.running += 1
            try:
                self.fn(i, j)
            except BaseException as err:   # raised again by the caller
                with lock:
                    self.error = self.error or err
            finally:
                with lock:
                    self.running -= 1
                    if self.running == 0 and self.waiting:
                        self.waiting = False
                        self.idle.release()

    def wait(self) -> None:
        """Block until every slice begun by a helper has ended (called after `work`)."""
        with self.lock:
            self.waiting = self.running > 0
        if self.waiting:
            self.idle.acquire()


class _Helper(threading.Thread):
    """A worker thread parked on a lock; `wake()` makes it join the current job."""

    def __init__(self) -> None:
        super().__init__(name="nndesk-batch", daemon=True)
        self._signal = threading.Lock()
        self._signal.acquire()
        self._retired = False
        self._nice = _niceness()

    def wake(self) -> None:
        try:
            self._signal.release()
        except RuntimeError:   # already woken, not yet running: one wake-up is enough
            pass

    def retire(self) -> None:
        self._retired = True
        self.wake()

    def run(self) -> None:
        while True:
            self._signal.acquire()
            if self._retired:
                return
            job = _job
            if job is None:
                continue
            if job.nice is not None and self._nice is not None and job.nice > self._nice:
                try:   # follow a lowered caller (never up: that needs privileges)
                    os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), job.nice)
                    self._nice = job.nice
                except OSError:
                    self._nice = None
            job.work()


def for_batch(fn: Callable[[int, int], None], n: int, min_size: int = 1,
              nbytes: int | None = None) -> None:
    """Call fn(start, stop) over slices covering range(n), from `workers()` threads.

    `fn` must write only its own slice of shared arrays (a partial sum per slice is the
    caller's to keep separately). Slices have at least `min_size` images where n allows.
    `nbytes`: about how many bytes the whole call reads and writes; below MIN_SPLIT_BYTES it
    runs as fn(0, n) on the calling thread (waking a helper would cost more than it saves;
    the same numbers, as with any split). The calling thread works too and returns when
    every slice is done; the first exception raised by a slice is raised here.
    """
    global _job
    w = workers()
    if w <= 1 or n < 2 * min_size or (nbytes is not None and nbytes < MIN_SPLIT_BYTES):
        fn(0, n)
        return
    job = _Job(fn, batch_slices(n, min(w * SLICES_PER_WORKER, n // min_size)))
    with _lock:
        while len(_helpers) < w - 1:
            _helpers.append(_Helper())
            _helpers[-1].start()
        helpers = list(_helpers)
    _job = job
    for h in helpers:
        h.wake()
    job.work()
    job.wait()
    if job.error is not None:
        raise job.error


def in_pieces(fn: Callable[[int, int], None], bytes_per_image: int
              ) -> Callable[[int, int], None]:
    """fn(i, j) as a loop over pieces of images holding about PIECE_BYTES each (at least one
    image), for `for_batch`: several passes over one piece run while it is in the CPU cache,
    not each pass over the whole slice. fn must treat its images independently."""
    step = max(1, PIECE_BYTES // max(1, bytes_per_image))

    def pieces(i: int, j: int) -> None:
        for a in range(i, j, step):
            fn(a, min(a + step, j))

    return pieces


def copyto(dst: np.ndarray, src: np.ndarray) -> None:
    """dst[...] = src (broadcast as NumPy does), split along dst's first axis between the
    workers: for the big strided copies of a step (a transpose made contiguous), which one
    thread would do alone. dst and src: NumPy arrays, src broadcastable to dst."""
    if src.ndim < dst.ndim or src.shape[0] != dst.shape[0]:
        np.copyto(dst, src)                  # src broadcast along dst's first axis: whole
        return
    for_batch(lambda i, j: np.copyto(dst[i:j], src[i:j]), len(dst), nbytes=2 * dst.nbytes)


def contiguous(a: np.ndarray) -> np.ndarray:
    """np.ascontiguousarray(a) (same shape and dtype; `a` itself when already C-contiguous),
    its copy split between the workers (`copyto`)."""
    if a.flags.c_contiguous or a.ndim == 0:
        return a
    out = np.empty(a.shape, a.dtype)
    copyto(out, a)
    return out


def cpu_seconds(pid: int) -> float:
    """CPU seconds process `pid` has used (Linux's clock id for another process's CPU time,
    glibc's MAKE_PROCESS_CPUCLOCK(pid, CPUCLOCK_SCHED)); 0 once it has ended."""
    try:
        return time.clock_gettime(((~pid) << 3) | 2)
    except OSError:
        return 0.0


class LoadWatch:
    """Whether other programs keep a core busy (Linux): every WINDOW_S seconds, the CPU
    time /proc/stat says all cores spent minus this process's and process `pid`'s (the
    step's worker, nn/process_parallel.py, which steps on threads while it is busy)."""

    WINDOW_S = 0.5
    BUSY_CORES = 0.5

    def __init__(self, pid: int) -> None:
        self.pid, self.busy, self.others = pid, False, 0.0
        self._mark()

    def _cpu(self) -> tuple[float, float]:
        """(seconds all cores were busy, seconds this process and the worker used)."""
        with open("/proc/stat", encoding="ascii") as f:
            cpu = [int(v) for v in f.readline().split()[1:]]   # user nice system idle iowait ..
        own = os.times()
        return ((sum(cpu) - cpu[3] - cpu[4]) / os.sysconf("SC_CLK_TCK"),
                own.user + own.system + cpu_seconds(self.pid))

    def _mark(self) -> None:
        self.t0 = time.perf_counter()
        self.all0, self.ours0 = self._cpu()

    def others_busy(self) -> bool:
        now = time.perf_counter()
        if now - self.t0 >= self.WINDOW_S:
            everything, ours = self._cpu()
            self.others = (everything - self.all0 - (ours - self.ours0)) / (now - self.t0)
            self.busy = self.others > self.BUSY_CORES
            self.t0, self.all0, self.ours0 = now, everything, ours
        return self.busy
