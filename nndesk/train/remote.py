"""One training run in a child process, talking over a pipe (the window trains this way).

Why: the window's training thread shared the GIL with the GUI thread and the canvas's
preparer thread, and each batch worker holding it delayed a drawing's answer (p99 28 ms while
DigitNet trained, 7-12 ms idle: benchmarks/PROFILE.md, "Issue 12"). In a child process the
run has its own interpreter; the window's process only reads small messages.

The child (`child_main`) sends, in this order:
  ("started", info)      data loaded, trainer built: epochs, batches, batch_size, spec,
                         config, history, step, resumed
  ("batch", [info, ...]) the trainer's `on_batch` records since the last message (gathered
                         for at most `BATCH_SEND_S`, sent before any other message)
  ("epoch", record)      the trainer's `on_epoch` record
  ("snapshot", weights)  a state_dict copy (`on_snapshot`)
  ("held", step)         the loop is held by a pause, after `step` batches
  ("evaluating",)        the last epoch is done: the test set is being evaluated
  ("finished", result)   stopped, message, out, checkpoint, metadata, test, state_dict,
                         tensorboard (None, or (kind, detail) of why no log was written)
  ("error", kind, text)  an exception: kind "data_missing", "memory" or "other", its text
and reads ("pause",), ("resume",), ("stop",) on a thread of its own, which sets the run's
`TrainControl`. When the pipe closes (the parent died or closed it) the child stops the run
as a Stop does (the checkpoint is written), and exits.

The child lowers its priority (nice +10) and uses `nndesk train`'s thread policy: the default
batch workers (nn/parallel.py), one BLAS thread, glibc's malloc settings (nn/memory.py).
Children come from a forkserver with NumPy and the training modules loaded ("spawn" where
there is none): the window's process, which runs Qt's threads, is never forked. Pickle
crosses only this pipe, between our own two processes.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from multiprocessing.connection import wait
from pathlib import Path

from nndesk.train.trainer import TrainControl

__all__ = ["RemoteRun", "ChildGone", "child_main", "context", "live_runs", "stop_children",
           "BATCH_SEND_S", "PRELOAD"]

BATCH_SEND_S = 0.05  # batch records go out at most 20 times a second (one message each)
PRELOAD = ["numpy", "threadpoolctl", "nndesk.nn", "nndesk.data.mnist", "nndesk.train.session",
           "nndesk.train.remote"]  # imported once by the forkserver: a run starts in ~0.1 s
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
        if self.conn is not None:
            self.conn.close()
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


ENV_PREFIXES = ("NNDESK_", "XDG_")  # what the child reads: data and user folders
ENV_NAMES = ("HOME",)


def _environment() -> dict[str, str]:
    """The environment variables the child goes by, as they are now in this process (the
    forkserver kept those of the moment it started; a child inherits those)."""
    return {k: v for k, v in os.environ.items() if k in ENV_NAMES or k.startswith(ENV_PREFIXES)}


def _adopt(env: dict[str, str], cwd: str | None) -> None:
    """In the child: the parent's environment variables (`_environment`) and folder."""
    for key in [k for k in os.environ if k in ENV_NAMES or k.startswith(ENV_PREFIXES)]:
        if key not in env:
            del os.environ[key]
    os.environ.update(env)
    if cwd:
        try:
            os.chdir(cwd)
        except OSError:
            pass  # gone meanwhile: paths from the window are absolute anyway


def _str(path) -> str | None:
    return None if path is None else str(path)


# -- the child's side ----------------------------------------------------------------------------
class _Sender:
    """The child's messages to the parent; batch records gathered. A closed pipe stops the
    run (the window is gone); later messages are dropped."""

    def __init__(self, conn, control: TrainControl) -> None:
        self.conn, self.control = conn, control
        self.lock = threading.Lock()
        self.batches: list[dict] = []
        self.last_sent = 0.0
        self.gone = False

    def send(self, *message) -> None:
        with self.lock:
            self._flush()
            self._send(message)

    def batch(self, info: dict) -> None:
        with self.lock:
            self.batches.append(dict(info))
            if time.perf_counter() - self.last_sent >= BATCH_SEND_S:
                self._flush()

    def _flush(self) -> None:
        if self.batches:
            batches, self.batches = self.batches, []
            self._send(("batch", batches))
            self.last_sent = time.perf_counter()

    def _send(self, message: tuple) -> None:
        if self.gone:
            return
        try:
            self.conn.send(message)
        except (OSError, ValueError):
            self.gone = True
            self.control.stop()


class _ChildControl(TrainControl):
    """The run's flags; says ("held", step) when the loop stops at a pause."""

    def __init__(self, sender_box: list, step_box: list) -> None:
        super().__init__()
        self._sender_box, self._step_box = sender_box, step_box

    def wait_while_paused(self, poll_s: float = 0.1) -> bool:
        if self.paused and not self.stopped and self._sender_box:
            self._sender_box[0].send("held", self._step_box[0])
        return super().wait_while_paused(poll_s)


def _read_control(conn, control: TrainControl) -> None:
    """The child's control thread: the parent's commands; a closed pipe is a stop."""
    while True:
        try:
            command = conn.recv()[0]
        except (EOFError, OSError, IndexError, TypeError):
            control.stop()  # the window is gone: stop as a Stop does (checkpoint written)
            return
        if command == "pause":
            control.pause()
        elif command == "resume":
            control.resume()
        elif command == "stop":
            control.stop()
            return


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


def _lower_priority(target: int | None) -> None:
    """In the child: go to nice `target` (only ever lower the priority)."""
    if target is None or not hasattr(os, "nice"):
        return
    try:
        now = os.getpriority(os.PRIO_PROCESS, 0)
        if target > now:
            os.nice(target - now)
    except OSError:
        pass  # not allowed here: training still works, the window may stutter more


def error_kind(err: BaseException) -> str:
    """The kind of a failure the window explains: "data_missing", "memory" or "other"."""
    from nndesk.data.mnist import DataMissingError

    if isinstance(err, DataMissingError):
        return "data_missing"
    if isinstance(err, MemoryError):
        return "memory"
    return "other"


def child_main(conn, job: dict) -> None:
    """The child process: train `job` (RemoteRun's fields) and report over `conn`."""
    from threadpoolctl import threadpool_limits

    from nndesk.nn.memory import keep_freed_memory
    from nndesk.nn.parallel import default_workers, set_workers

    _adopt(job.get("env", {}), job.get("cwd"))
    _lower_priority(job.get("nice"))
    set_workers(job.get("workers") or default_workers())  # cli/common.set_threads' policy
    keep_freed_memory()
    sender_box: list[_Sender] = []
    step_box = [0]
    control = _ChildControl(sender_box, step_box)
    if job.get("paused"):
        control.pause()
    if job.get("stopped"):
        control.stop()
    sender = _Sender(conn, control)
    sender_box.append(sender)
    threading.Thread(target=_read_control, args=(conn, control), daemon=True,
                     name="nndesk-train-control").start()
    try:
        with threadpool_limits(limits=1, user_api="blas"):
            _train(job, sender, control, step_box)
    except Exception as err:  # noqa: BLE001 (every failure goes to the window as words)
        import traceback

        traceback.print_exc(file=sys.stderr)
        sender.send("error", error_kind(err), str(err))
    finally:
        sys.stderr.flush()


def _train(job: dict, sender: _Sender, control: TrainControl, step_box: list) -> None:
    from nndesk.train import TrainConfig
    from nndesk.train.session import TrainSession

    resume = job["resume"]
    tb: list = []  # the TensorBoard log once open

    def on_batch(info: dict) -> None:
        step_box[0] = int(info["step"])
        if tb:
            tb[0].on_batch(info)
        sender.batch(info)

    def on_epoch(record: dict) -> None:
        if tb:
            tb[0].on_epoch(record)
        sender.send("epoch", dict(record))
        if record.get("epoch", 0) >= epochs[0] and not control.stopped:
            sender.send("evaluating")

    epochs = [0]
    cfg = TrainConfig.from_dict(job["config"])
    session = TrainSession(None if resume else job["spec"], None if resume else cfg,
                           resume=resume, data=job["data"], data_dir=job["data_dir"],
                           checkpoint_path=job["checkpoint"], on_batch=on_batch,
                           on_epoch=on_epoch,
                           on_snapshot=lambda weights: sender.send("snapshot", weights),
                           control=control)
    trainer = session.trainer
    epochs[0] = trainer.config.epochs
    step_box[0] = trainer.step
    problem = _open_tensorboard(job["tensorboard"], trainer.net, tb)
    sender.send("started", {"epochs": trainer.config.epochs, "batches": trainer.batches,
                            "batch_size": trainer.config.batch_size, "spec": session.spec,
                            "config": trainer.config.to_dict(),
                            "history": [dict(h) for h in trainer.history],
                            "step": trainer.step, "resumed": resume is not None})
    try:
        done = session.run(job["out"], command="nndesk gui")
    finally:
        if tb:
            tb[0].close()
    r = done.result
    sender.send("finished", {
        "stopped": r.stopped, "message": r.message,
        "out": str(done.out) if done.out else None,
        "checkpoint": str(r.checkpoint_path) if r.checkpoint_path else None,
        "metadata": done.metadata, "test": done.test,
        "state_dict": trainer.net.state_dict(), "tensorboard": problem})


def _open_tensorboard(logdir: str | None, net, box: list) -> tuple | None:
    """Open the TensorBoard log into `box` when asked; why not, as (kind, detail): a missing
    tensorboardX ("missing", "") or an unwritable folder ("oserror", the reason)."""
    if logdir is None:
        return None
    try:
        from nndesk.export.tensorboard import TensorBoardLogger

        box.append(TensorBoardLogger(logdir, net))
    except ImportError:
        return ("missing", "")
    except OSError as err:
        return ("oserror", str(err.strerror or err))
    return None
