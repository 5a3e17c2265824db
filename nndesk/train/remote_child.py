"""The child's side of a training run in its own process (remote.py starts it): train the
job, report over the pipe, obey the parent's commands.

The child (`child_main`) sends, in this order:
  ("started", info)      data loaded, trainer built: epochs, batches, batch_size, spec,
                         config, history, step, resumed
  ("batch", [info, ...]) the trainer's `on_batch` records since the last message (gathered
                         for at most `BATCH_SEND_S`, sent before any other message)
  ("epoch", record)      the trainer's `on_epoch` record
  ("snapshot", weights)  a state_dict copy (`on_snapshot`)
  ("held", step)         the loop is held by a pause, after `step` batches
  ("evaluating",)        the last epoch is done: the test set is being evaluated
  ("finished", result)   stopped, message, diverged_at (TrainResult's), out, checkpoint,
                         metadata, test, state_dict, tensorboard (None, or (kind, detail) of
                         why no log was written)
  ("error", kind, text)  an exception: kind "data_missing", "memory" or "other", its text
and reads ("pause",), ("resume",), ("stop",) on a thread of its own, which sets the run's
`TrainControl`. When the pipe closes (the parent died or closed it) the child stops the run
as a Stop does (the checkpoint is written), and exits.

The child takes the parent's environment variables and folder (`ENV_PREFIXES`, a forkserver
keeps those of its own start), lowers its priority to the nice value the parent chose and
uses `nndesk train`'s thread policy: the default batch workers (nn/parallel.py), one BLAS
thread, glibc's malloc settings (nn/memory.py).
"""

from __future__ import annotations

import os
import sys
import threading
import time

from nndesk.train.trainer import TrainControl

__all__ = ["child_main", "error_kind", "BATCH_SEND_S", "ENV_PREFIXES", "ENV_NAMES"]

BATCH_SEND_S = 0.05  # batch records go out at most 20 times a second (one message each)
ENV_PREFIXES = ("NNDESK_", "XDG_")  # what the child reads: data and user folders
ENV_NAMES = ("HOME",)


def _adopt(env: dict[str, str], cwd: str | None) -> None:
    """In the child: the parent's environment variables (remote._environment) and folder."""
    for key in [k for k in os.environ if k in ENV_NAMES or k.startswith(ENV_PREFIXES)]:
        if key not in env:
            del os.environ[key]
    os.environ.update(env)
    if cwd:
        try:
            os.chdir(cwd)
        except OSError:
            pass  # gone meanwhile: paths from the window are absolute anyway


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
        "stopped": r.stopped, "message": r.message, "diverged_at": r.diverged_at,
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
