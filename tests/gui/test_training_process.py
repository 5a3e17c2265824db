"""The window trains in a child process (nndesk.train.remote): the same weights as the same run
in-process, a failure in the child as the same dialog, a killed child said with its exit code
and the last checkpoint (the window stays usable), and no process left after the window closes
or the app quits mid-run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from gui_helpers import RUN_WHEN_READY, TINY_SPEC, screen_env

from nndesk.gui.state import IDLE


@pytest.fixture
def trainer_window(window, small_data, dialogs):
    window.training.data = small_data
    window.state.set_config(epochs=2, batch_size=50, lr=0.01)
    return window


def _gone(pid: int) -> bool:
    """True when no process `pid` exists (reaped, not a zombie)."""
    return not Path(f"/proc/{pid}").exists()


def test_a_run_through_the_window_ends_with_the_weights_of_the_same_run_in_process(
        trainer_window, qtbot, small_data):
    from nndesk.train import TrainConfig, load_model
    from nndesk.train.session import TrainSession

    w = trainer_window
    pids = []
    w.training.run_started.connect(lambda *a: pids.append(w.training.worker.pid))
    with qtbot.waitSignal(w.training.finished, timeout=60_000) as done:
        w.train_panel.train_button.click()
    info = done.args[0]
    assert info["stopped"] == "finished", info["message"]
    assert pids and pids[0] != os.getpid() and _gone(pids[0])  # a child trained; it is gone
    local = TrainSession(w.state.spec, TrainConfig.from_dict(w.state.config), data=small_data)
    losses = []
    local.trainer.on_batch = lambda b: losses.append(b["loss"])
    local.run()
    mine = local.trainer.net.state_dict()
    assert mine.keys() == info["state_dict"].keys()
    assert all(np.array_equal(mine[k], info["state_dict"][k]) for k in mine)
    run = w.plots.runs[0]
    assert list(run.losses[:run.n]) == losses  # the same loss curve, batch by batch
    saved = load_model(info["out"]).network.state_dict()  # the file the canvas took
    assert all(np.array_equal(saved[k], mine[k]) for k in mine)


def test_a_bad_setting_fails_in_the_child_with_the_same_dialog(trainer_window, qtbot, dialogs):
    w = trainer_window
    w.state.config["batch_size"] = 0  # past the panel's checks: the child's TrainConfig refuses
    with qtbot.waitSignal(w.training.finished, timeout=60_000) as done:
        w.train_panel.train_button.click()
    assert done.args[0]["stopped"] == "error"
    title, text = dialogs[-1]
    assert title == "Training stopped"
    assert text.startswith("Training failed: ") and "batch" in text
    assert text.endswith("Check the design and the training settings.")
    assert w.state.training == IDLE and w.train_panel.train_button.isEnabled()


def test_a_killed_child_is_one_message_with_its_exit_code_and_checkpoint(trainer_window, qtbot,
                                                                        dialogs):
    from nndesk.gui.run_watch import curve_path
    from nndesk.train import load_model

    w = trainer_window
    w.state.set_config(epochs=200)
    epochs = []
    w.training.epoch_done.connect(epochs.append)
    w.train_panel.train_button.click()
    qtbot.waitUntil(lambda: len(epochs) >= 2, timeout=60_000)  # epoch 1's checkpoint written
    ckpt = w.training.checkpoint
    with qtbot.waitSignal(w.training.finished, timeout=60_000) as done:
        os.kill(w.training.worker.pid, signal.SIGKILL)
    assert done.args[0]["stopped"] == "error"
    [(title, text)] = [d for d in dialogs if d[0] == "Training stopped"]  # one message
    assert "exit code -9 (SIGKILL)" in text and str(ckpt) in text
    assert load_model(ckpt).checkpoint["epoch"] >= 1  # the last checkpoint, readable
    assert curve_path(ckpt).is_file()  # its curve kept beside it, as a closed run keeps it
    assert w.state.training == IDLE and w.train_panel.train_button.isEnabled()
    w.state.set_config(epochs=1)  # the window stays usable: the next run trains
    with qtbot.waitSignal(w.training.finished, timeout=60_000) as again:
        w.train_panel.train_button.click()
    assert again.args[0]["stopped"] == "finished"


def test_closing_the_window_mid_run_leaves_no_process(trainer_window, qtbot, questions):
    from nndesk.train.remote import live_runs

    w = trainer_window
    w.state.set_config(epochs=200)
    with qtbot.waitSignal(w.training.batch_done, timeout=30_000):
        w.train_panel.train_button.click()
    pid = w.training.worker.pid
    assert not _gone(pid)
    w.close()
    assert questions[-1][0] == "Stop training and quit?" and not w.training.busy
    assert _gone(pid) and live_runs() == []


def test_a_child_that_does_not_stop_in_time_is_killed_without_a_dialog(trainer_window, qtbot,
                                                                      dialogs):
    """Closing waits for the child to stop; past the wait it is killed, and that is no news
    to show (the window is going away)."""
    w = trainer_window
    w.state.set_config(epochs=200)
    with qtbot.waitSignal(w.training.batch_done, timeout=30_000):
        w.train_panel.train_button.click()
    pid = w.training.worker.pid
    w.training.shutdown(timeout_ms=0)  # no time to stop: killed
    assert _gone(pid)
    qtbot.waitUntil(lambda: not w.training.busy, timeout=10_000)
    assert [d for d in dialogs if d[0] == "Training stopped"] == []


QUIT_SCRIPT = ("""
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, sys.argv[1])
QMessageBox.question = lambda *a, **k: QMessageBox.StandardButton.Yes
app = QApplication(sys.argv[:1])
from nndesk.gui import app as gui_app

def window():
    return next(w for w in app.topLevelWidgets() if hasattr(w, "training"))

def batch(*args):
    import multiprocessing.forkserver as fs
    w = window()
    w.training.batch_done.disconnect(batch)
    print("PIDS", w.training.worker.pid, fs._forkserver._forkserver_pid, flush=True)
    quit_action = next(a for a in w.findChildren(QAction) if a.text() == "&Quit")  # Ctrl+Q
    quit_action.trigger()

def act():
    w = window()
    w.state.set_spec(THE_SPEC)
    w.state.set_config(epochs=50, batch_size=50)
    w.training.batch_done.connect(batch)
    w.training.start()
""" + RUN_WHEN_READY).replace("THE_SPEC", repr(TINY_SPEC))


def test_quitting_the_app_mid_run_leaves_no_process_behind(tmp_path, mnist_dir):
    """`nndesk` as a process: Ctrl+Q while a run trains on MNIST; when the process has exited,
    neither the training child nor the forkserver it came from is left."""
    env = screen_env(tmp_path, 1400, 900, NNDESK_DATA_DIR=str(mnist_dir))
    done = subprocess.run([sys.executable, "-c", QUIT_SCRIPT, str(tmp_path / "s")], env=env,
                          capture_output=True, text=True, timeout=300)  # a hang guard only
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("PIDS"))
    child, server = (int(x) for x in line.split()[1:])
    assert _gone(child)
    deadline = time.monotonic() + 10  # the forkserver ends when it reads its pipe's end
    while not _gone(server) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(server)
    assert list(tmp_path.rglob("*.ckpt.npz"))  # the run stopped with its checkpoint


def test_finished_runs_leave_no_worker_thread_or_pipe_behind(trainer_window, qtbot):
    """Two runs through the window: afterwards no TrainWorker or its QThread is alive (gc +
    weakref), and each run's relay thread has ended and its pipe is closed."""
    import gc
    import weakref

    from nndesk.gui.worker import TrainWorker

    w = trainer_window
    w.state.set_config(epochs=1)
    workers, threads, remotes = [], [], []

    def seen(*_args) -> None:
        workers.append(weakref.ref(w.training.worker))
        threads.append(weakref.ref(w.training.thread))
        remotes.append(w.training.worker.remote)  # kept on purpose: its pipe is looked at

    w.training.run_started.connect(seen)
    for _ in range(2):
        with qtbot.waitSignal(w.training.finished, timeout=60_000) as done:
            w.train_panel.train_button.click()
        assert done.args[0]["stopped"] == "finished", done.args[0]["message"]
        qtbot.waitUntil(lambda: not w.training.busy, timeout=10_000)
    assert len(workers) == 2

    def all_gone() -> bool:
        qtbot.wait(50)  # the GUI thread's deferred deletions run
        gc.collect()
        return (all(r() is None for r in workers + threads)
                and not any(type(o) is TrainWorker for o in gc.get_objects()))
        # type(), not isinstance: isinstance reads __class__, and some objects alive in the
        # suite (torch's deprecated reduce_op) warn when asked

    qtbot.waitUntil(all_gone, timeout=10_000)
    for remote in remotes:
        assert remote.conn is None  # closed and let go
        assert not remote.alive()
