"""A run in a child process (nndesk.train.remote, the window's way of training): the same
numbers as the same run in-process, pause/resume/stop over the pipe, failures as kinds the
window explains, a killed child said as such, a closed pipe stops the child as a Stop does."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from train_helpers import CONV_SPEC, MLP_SPEC, weights_equal, without_times

from nndesk.nn.parallel import default_workers
from nndesk.train import TrainConfig, load_model
from nndesk.train.remote import ChildGone, RemoteRun, live_runs, stop_children
from nndesk.train.session import TrainSession


def _until(run: RemoteRun, kinds: tuple, timeout_s: float = 60.0) -> list[tuple]:
    """Every message up to and including the first of `kinds` (a hang guard, not a timing)."""
    got = []
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        message = run.receive(0.5)
        if message is not None:
            got.append(message)
            if message[0] in kinds:
                return got
    raise AssertionError(f"no {kinds} within {timeout_s} s; got {[m[0] for m in got]}")


def _losses(messages: list[tuple]) -> list[tuple[int, float]]:
    return [(b["step"], b["loss"]) for m in messages if m[0] == "batch" for b in m[1]]


def test_a_run_in_a_child_reaches_the_weights_and_curve_of_the_same_run_in_process(
        tmp_path, mnist_small):
    cfg = TrainConfig(epochs=2, batch_size=100, seed=3, train_eval_size=0)
    run = RemoteRun(CONV_SPEC, cfg.to_dict(), data=mnist_small, out=tmp_path / "m.npz",
                    checkpoint=tmp_path / "m.ckpt.npz")
    run.start()
    assert run.pid != os.getpid() and run in live_runs()
    first = _until(run, ("started",))
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    assert os.getpriority(os.PRIO_PROCESS, run.pid) == min(19, mine + 10)  # nice +10
    messages = first + _until(run, ("finished", "error"))
    assert run.close() == 0 and run not in live_runs() and not run.alive()
    kinds = [m[0] for m in messages]
    assert kinds[0] == "started" and kinds[-1] == "finished", messages[-1]
    assert kinds.count("epoch") == 2 and "snapshot" in kinds
    assert kinds.index("evaluating") > max(i for i, k in enumerate(kinds) if k == "epoch")
    started, result = messages[0][1], messages[-1][1]
    assert (started["epochs"], started["batches"], started["step"]) == (2, 12, 0)

    losses = []
    local = TrainSession(CONV_SPEC, cfg, data=mnist_small,
                         on_batch=lambda b: losses.append((b["step"], b["loss"])))
    done = local.run()
    assert weights_equal(result["state_dict"], local.trainer.net.state_dict())
    assert _losses(messages) == losses and [s for s, _ in losses] == list(range(1, 25))
    assert without_times(result["metadata"]["history"]) == without_times(done.result.history)
    assert result["test"]["accuracy"] == done.test["accuracy"]
    assert result["metadata"]["threads"] == {"batch_workers": default_workers(),
                                             "blas_threads": [1]}  # nndesk train's policy
    assert weights_equal(load_model(result["out"]).network.state_dict(), result["state_dict"])


def test_pause_before_start_holds_the_child_then_resume_and_stop(tmp_path, mnist_small):
    ckpt = tmp_path / "m.ckpt.npz"
    run = RemoteRun(MLP_SPEC, {"epochs": 200, "batch_size": 50}, data=mnist_small,
                    checkpoint=ckpt)
    run.pause()  # asked while nothing runs yet: handed over with the job
    run.start()
    held = _until(run, ("held",))
    assert held[-1] == ("held", 0) and not _losses(held)
    run.resume()
    moved = _until(run, ("batch",))
    run.pause()
    held = _until(run, ("held",))
    at = held[-1][1]
    assert at >= 1 and _losses(moved + held)[-1][0] == at  # every step before the hold sent
    run.stop()
    end = _until(run, ("finished",))
    assert run.close() == 0
    assert end[-1][1]["stopped"] == "stopped" and not _losses(end)  # nothing ran after
    assert load_model(ckpt).checkpoint["step"] == at


def test_a_closed_pipe_stops_the_child_with_its_checkpoint(tmp_path, mnist_small):
    """The window died: the child's pipe closes, it stops as a Stop does and exits."""
    ckpt, out = tmp_path / "m.ckpt.npz", tmp_path / "m.npz"
    run = RemoteRun(MLP_SPEC, {"epochs": 200, "batch_size": 50}, data=mnist_small,
                    checkpoint=ckpt, out=out)
    run.start()
    _until(run, ("batch",))
    run.conn.close()
    run.process.join(60)
    assert run.process.exitcode == 0
    saved = load_model(ckpt)
    assert saved.checkpoint["step"] >= 1 and load_model(out).metadata["stopped"] == "stopped"
    run.close()


@pytest.mark.parametrize(("config", "data_dir", "kind", "words"), [
    ({"batch_size": 0}, None, "other", "batch"),
    ({"epochs": 1}, "empty", "data_missing", "MNIST"),
])
def test_a_failure_in_the_child_comes_back_as_its_kind_and_text(tmp_path, mnist_small, config,
                                                                data_dir, kind, words):
    run = RemoteRun(MLP_SPEC, config, data=None if data_dir else mnist_small,
                    data_dir=None if data_dir is None else tmp_path / data_dir)
    run.start()
    message = _until(run, ("error", "finished"))[-1]
    assert run.close() == 0
    assert message[:2] == ("error", kind) and words in message[2], message


def test_a_killed_child_is_said_with_its_exit_code(tmp_path, mnist_small):
    run = RemoteRun(MLP_SPEC, {"epochs": 200, "batch_size": 50}, data=mnist_small,
                    checkpoint=tmp_path / "m.ckpt.npz")
    run.start()
    _until(run, ("batch",))
    os.kill(run.pid, signal.SIGKILL)
    with pytest.raises(ChildGone) as gone:
        _until(run, ("finished", "error"))
    assert gone.value.exitcode == -signal.SIGKILL
    assert run.close() == -signal.SIGKILL and run not in live_runs()


def test_stop_children_ends_every_live_run(tmp_path, mnist_small):
    run = RemoteRun(MLP_SPEC, {"epochs": 200, "batch_size": 50}, data=mnist_small,
                    checkpoint=tmp_path / "m.ckpt.npz")
    run.start()
    _until(run, ("batch",))
    assert stop_children(30.0) == []  # it stopped in time: nothing killed
    assert not run.alive() and run.process.exitcode == 0
    assert load_model(tmp_path / "m.ckpt.npz").checkpoint["step"] >= 1
    run.close()


def test_the_child_reads_the_data_folder_set_now_not_when_the_forkserver_started(
        tmp_path, mnist_small, monkeypatch):
    """The forkserver keeps the environment of its start; each job carries the parent's
    NNDESK_* variables and folder of the moment, so a changed NNDESK_DATA_DIR is obeyed."""
    warm = RemoteRun(MLP_SPEC, {"batch_size": 0}, data=mnist_small)
    warm.start()  # the forkserver runs from here on (if not already)
    _until(warm, ("error",))
    warm.close()
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tmp_path / "nowhere"))
    monkeypatch.chdir(tmp_path)
    run = RemoteRun(MLP_SPEC, {"epochs": 1})
    run.start()
    message = _until(run, ("error", "finished"))[-1]
    run.close()
    assert message[:2] == ("error", "data_missing") and "nowhere" in message[2], message


def _nice_and_policy(pid: int) -> dict[int, tuple[int, int]]:
    """Each thread of process `pid`: (nice value, scheduling policy), read from /proc."""
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{tid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()  # from field 3, the state, on
        out[int(tid)] = (int(fields[16]), int(fields[38]))  # fields 19 and 41
    return out


def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii") as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                    kids.append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    return kids


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="per-thread values: Linux")
def test_every_thread_of_the_child_and_of_its_step_worker_runs_at_the_lowered_priority(
        tmp_path, mnist_small):
    """The window's run trains at nice + CHILD_NICE in every thread: the child's (trainer,
    control, batch helpers) and the step's worker process's (nn/process_parallel.py, started
    by the child's trainer thread, whose nice value and policy it inherits), read from
    /proc while the run is held by a pause."""
    from nndesk.train.remote import CHILD_NICE

    spec = {"name": "TinyConvNoBN", "input_shape": [1, 28, 28], "layers": [
        {"type": "Conv2D", "filters": 4, "kernel_size": 5}, {"type": "ReLU"},
        {"type": "MaxPool2D", "pool_size": 2}, {"type": "Dense", "units": 10}]}
    cfg = TrainConfig(epochs=3, batch_size=100, seed=3, train_eval_size=0)
    run = RemoteRun(spec, cfg.to_dict(), data=mnist_small, workers=2)
    run.start()
    try:
        _until(run, ("batch",))
        run.pause()
        _until(run, ("held",))
        workers = [k for k in _children(run.pid)
                   if b"process_worker" in Path(f"/proc/{k}/cmdline").read_bytes()]
        assert len(workers) == 1, "the step's second half runs in one worker process"
        want = min(19, os.getpriority(os.PRIO_PROCESS, 0) + CHILD_NICE)
        for pid in (run.pid, workers[0]):
            threads = _nice_and_policy(pid)
            assert len(threads) >= 1
            assert {nice for nice, _ in threads.values()} == {want}, (pid, threads)
            assert {policy for _, policy in threads.values()} == {os.SCHED_OTHER}
    finally:
        run.stop()
        run.close()
