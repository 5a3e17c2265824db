"""A SIGKILLed training process leaves its last checkpoint readable (POSIX only)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from nndesk.train import load_model

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX-only")

ROOT = Path(__file__).resolve().parents[2]

# Trains a tiny MLP on synthetic images forever (checkpoint each epoch, ~every 20 ms),
# resuming when the checkpoint exists. With PAUSE_AT=n, epoch n's checkpoint write is held
# halfway (the modelfile test hook) so the test can kill it in the middle of the write.
SCRIPT = r"""
import os, sys
import numpy as np
from nndesk.data.mnist import Splits
from nndesk.nn import Network
from nndesk.train import TrainConfig, Trainer

path = sys.argv[1]
pause_at = int(os.environ.get("PAUSE_AT", "0"))
rng = np.random.default_rng(0)
x = rng.random((400, 1, 28, 28), dtype=np.float32)
t = rng.integers(0, 10, 400)
data = Splits(x, t, x[:100], t[:100], x[:0], t[:0])
spec = {"input_shape": [1, 28, 28], "layers": [{"type": "Dense", "units": 16},
        {"type": "ReLU"}, {"type": "Dense", "units": 10}]}

def on_epoch(info):
    print("epoch", info["epoch"], flush=True)
    if info["epoch"] == pause_at:
        os.environ["NNDESK_TEST_SAVE_PAUSE_S"] = "60"

cfg = TrainConfig(epochs=100000, batch_size=100, train_eval_size=0)
if os.path.exists(path):
    trainer = Trainer.from_checkpoint(path, data, on_epoch=on_epoch)
else:
    trainer = Trainer(Network.from_spec(spec), data, cfg, on_epoch=on_epoch,
                      checkpoint_path=path)
trainer.run()
"""


def _start(path: Path, **env) -> subprocess.Popen:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "OPENBLAS_NUM_THREADS": "1", **env}
    full_env.pop("NNDESK_TEST_SAVE_PAUSE_S", None)
    return subprocess.Popen([sys.executable, "-c", SCRIPT, str(path)], env=full_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(condition, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            pytest.fail(f"training process ended early: {proc.stderr.read()}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("timed out waiting for the training process")
        time.sleep(0.005)


def _kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    proc.stdout.close()
    proc.stderr.close()


def test_kill_at_random_times_leaves_a_readable_checkpoint(tmp_path):
    path = tmp_path / "run.ckpt.npz"
    rng = np.random.default_rng()
    last_epoch = 0
    for _ in range(4):  # kill, check, resume from what is there, kill again
        proc = _start(path)
        _wait_for(lambda done=last_epoch: path.exists()
                  and load_model(path).checkpoint["epoch"] > done, proc)
        time.sleep(rng.uniform(0.0, 0.15))  # somewhere in training or in a write
        _kill(proc)
        ck = load_model(path).checkpoint  # never a ModelFileError
        assert ck["epoch"] > last_epoch and ck["batch"] == 0
        assert len(ck["history"]) == ck["epoch"]
        last_epoch = ck["epoch"]


def test_kill_in_the_middle_of_a_checkpoint_write(tmp_path):
    path = tmp_path / "run.ckpt.npz"
    proc = _start(path, PAUSE_AT="2")
    temps = lambda: list(tmp_path.glob(".run.ckpt.npz.*.tmp"))  # noqa: E731
    # epoch 1's checkpoint in place, then a temp file: epoch 2's write, held halfway
    _wait_for(lambda: path.exists() and any(p.stat().st_size > 0 for p in temps()), proc)
    time.sleep(0.05)
    _kill(proc)
    partial = temps()
    assert len(partial) == 1 and partial[0].stat().st_size > 0  # the write was cut short
    loaded = load_model(path)  # the previous checkpoint is whole and untouched
    assert loaded.checkpoint["epoch"] == 1
    assert [h["epoch"] for h in loaded.checkpoint["history"]] == [1]
