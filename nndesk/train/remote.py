"""One training run in a child process, talking over a pipe: the parent's side (the window
trains this way; the child's side is remote_child.py, which lists the messages).

Why: the window's training thread shared the GIL with the GUI thread and the canvas's
preparer thread, and each batch worker holding it delayed a drawing's answer (p99 28 ms while
DigitNet trained, 7-12 ms idle: benchmarks/PROFILE.md, "Issue 12"). In a child process the
run has its own interpreter; the window's process only reads small messages.

`RemoteRun` starts the child, sends ("pause",), ("resume",), ("stop",) and receives what the
child sends; `live_runs`/`stop_children` are the quit hook's. Children come from a forkserver
with NumPy and the training modules loaded ("spawn" where there is none): the window's
process, which runs Qt's threads, is never forked. The child runs at this process's nice
value + `CHILD_NICE`. Pickle crosses only this pipe, between our own two processes.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from multiprocessing.connection import wait
from pathlib import Path

from nndesk.train.remote_child import ENV_NAMES, ENV_PREFIXES, child_main

__all__ = ["RemoteRun", "ChildGone", "context", "live_runs", "stop_children", "PRELOAD"]

PRELOAD = ["numpy", "threadpoolctl", "nndesk.nn", "nndesk.data.mnist", "nndesk.train.session",
           "nndesk.train.remote", "nndesk.train.remote_child"]
# PRELOAD: imported once by the forkserver, so a run starts in ~0.1 s
CHILD_NICE = 10

_LIVE: set[RemoteRun] = set()
_LIVE_LOCK = threading.Lock()


def context() -> multiprocessing.context.BaseContext:
    """The process context: "forkserver" with `PRELOAD` where it exists (Linux), else "spawn".
    Never "fork": the window's process runs Qt's threads, and a fork copies their locks."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


class ChildGone(Exception):
    """The child ended (or closed its pipe) without sending "finished" or "error"."""

    def __init__(self, exitcode: int | None) -> None:
        super().__init__(f"the training process ended (exit code {exitcode})")
        self.exitcode = exitcode


class RemoteRun:
    """The parent's side of one run: start the child, send pause/resume/stop (thread-safe,
    also before `start`), receive its messages.

    `spec`, `config` (a dict of TrainConfig fields), `out`, `checkpoint`, `resume`,
    `data_dir`, `tensorboard` as `TrainSession` and the window's worker take them; `data` a
    small in-memory `Splits` (tests), pickled to the child; None: the child loads MNIST.
    `workers`: the child's batch workers (nn/parallel.py; None: `default_workers()`, as
    `nndesk train`).
    """

    def __init__(self, spec: dict | None, config: dict, *, out: str | Path | None = None,
                 checkpoint: str | Path | None = None, resume: str | Path | None = None,
                 data=None, data_dir: str | Path | None = None,
                 tensorboard: str | Path | None = None, workers: int | None = None) -> None:
        self.job = {"spec": spec, "config": dict(config), "out": _str(out),
                    "checkpoint": _str(checkpoint), "resume": _str(resume), "data": data,
                    "data_dir": _str(data_dir), "tensorboard": _str(tensorboard),
                    "workers": workers}
        self.process = None
        self.conn = None
        self._lock = threading.Lock()
        self._paused = False
        self._stopped = False

    # -- control (any thread) ----------------------------------------------------------------
    def pause(self) -> None:
        """Hold the run before its next batch."""
        self._control("pause")

    def resume(self) -> None:
        """Let a paused run continue."""
        self._control("resume")

    def stop(self) -> None:
        """End the run before its next batch; the child writes the checkpoint."""
        self._control("stop")

    def _control(self, command: str) -> None:
        with self._lock:
            if command == "pause":
                self._paused = True
            elif command == "resume":
                self._paused = False
            else:
                self._stopped, self._paused = True, False
            if self.conn is not None:
                try:
                    self.conn.send((command,))
                except (OSError, ValueError):
                    pass  # the child is gone: receive() says so

    # -- the child ---------------------------------------------------------------------------
    def start(self) -> None:
        """Start the child; a pause or stop asked before is handed to it with the job."""
        ctx = context()
        mine, theirs = ctx.Pipe(duplex=True)
        with self._lock:
            job = dict(self.job, paused=self._paused, stopped=self._stopped,
                       env=_environment(), cwd=os.getcwd(), nice=_child_nice())
            process = ctx.Process(target=child_main, args=(theirs, job), name="nndesk-train",
                                  daemon=True)  # multiprocessing's exit hook ends it too
            process.start()
            theirs.close()  # only the child holds its end: its death closes the pipe
            self.process, self.conn = process, mine
        with _LIVE_LOCK:
            _LIVE.add(self)

    @property
    def pid(self) -> int | None:
        """The child's process id (None before `start`)."""
        return None if self.process is None else self.process.pid

    def receive(self, timeout: float) -> tuple | None:
        """The child's next message, or None when none came within `timeout` seconds.
        Raises `ChildGone` once the child has ended and every message it sent was read."""
        ready = wait([self.conn, self.process.sentinel], timeout)
        if not ready:
            return None
        if self.conn in ready or self.conn.poll():
            try:
                return self.conn.recv()
            except (EOFError, OSError):
                pass
        self.process.join(5)
        raise ChildGone(self.process.exitcode)

    def close(self, timeout: float = 10.0) -> int | None:
        """Wait up to `timeout` s for the child to exit, kill it after that; its exit code."""
        process = self.process
        if process is not None:
            process.join(timeout)
            if process.is_alive():
                process.kill()
                process.join(5)
        with self._lock:  # a pause or stop sent meanwhile (GUI thread) never meets a closed
            conn, self.conn = self.conn, None  # pipe, nor its number reused by another file
        if conn is not None:
            conn.close()
        with _LIVE_LOCK:
            _LIVE.discard(self)
        return None if process is None else process.exitcode

    def kill(self) -> None:
        """End the child at once (SIGKILL where there are signals); receive() then says so."""
        if self.process is not None and self.process.is_alive():
            self.process.kill()

    def alive(self) -> bool:
        """True while the child process runs."""
        return self.process is not None and self.process.is_alive()


def live_runs() -> list[RemoteRun]:
    """The runs started and not yet closed."""
    with _LIVE_LOCK:
        return list(_LIVE)


def stop_children(timeout_s: float = 10.0) -> list[int]:
    """At quit: stop every live run (the checkpoint is written), wait `timeout_s` in all,
    kill those still running. Returns the ids of the killed children."""
    runs = live_runs()
    for run in runs:
        run.stop()
    deadline = time.monotonic() + timeout_s
    killed = []
    for run in runs:
        if run.process is None:
            continue
        run.process.join(max(0.0, deadline - time.monotonic()))
        if run.process.is_alive():
            killed.append(run.process.pid)
            run.process.kill()
            run.process.join(5)
    return killed


def _environment() -> dict[str, str]:
    """The environment variables the child goes by, as they are now in this process (the
    forkserver kept those of the moment it started; a child inherits those)."""
    return {k: v for k, v in os.environ.items() if k in ENV_NAMES or k.startswith(ENV_PREFIXES)}


def _str(path) -> str | None:
    return None if path is None else str(path)


def _child_nice() -> int | None:
    """The child's nice value: the window process's (its main thread's) + `CHILD_NICE`, at
    most 19; None where there are no nice values. Absolute, since the forkserver has the nice
    value of the thread that started it (a lowered relay thread's: the child would add 10)."""
    if not hasattr(os, "getpriority"):
        return None
    try:
        return min(19, os.getpriority(os.PRIO_PROCESS, os.getpid()) + CHILD_NICE)
    except OSError:
        return None
