"""Faults while training (issue 10, item 5): a disk that fills, a loss that explodes while
staying finite, temp files left by a killed write. Each ends cleanly and says where things are."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time

import numpy as np
import pytest
from train_helpers import MLP_SPEC, weights_equal

from nndesk.fileio import atomic_write_text, sweep_temp
from nndesk.nn import Network
from nndesk.train import TrainConfig, Trainer, load_model
from nndesk.train import modelfile as mf


def _disk_fills_after(monkeypatch, good_writes: int) -> list:
    """np.savez (the model file's writer) works `good_writes` times, then the disk is full."""
    calls = []
    real = mf.np.savez

    def savez(f, **arrays):
        calls.append(1)
        if len(calls) > good_writes:
            f.write(b"PK\x03\x04 partial")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(f, **arrays)
    monkeypatch.setattr(mf.np, "savez", savez)
    return calls


def test_a_full_disk_mid_run_ends_with_one_line_and_keeps_the_last_checkpoint(
        mnist_small, tmp_path, monkeypatch):
    ckpt = tmp_path / "m.ckpt.npz"
    _disk_fills_after(monkeypatch, good_writes=1)  # epoch 1's checkpoint, then ENOSPC
    trainer = Trainer(Network.from_spec(MLP_SPEC), mnist_small,
                      TrainConfig(epochs=3, train_eval_size=0), checkpoint_path=ckpt)
    result = trainer.run()
    assert result.stopped == "write_error"
    assert result.message == (f"cannot write {ckpt}: No space left on device; the last good "
                              f"checkpoint (epoch 1) is kept")
    monkeypatch.undo()
    assert load_model(ckpt).checkpoint["epoch"] == 1  # whole, readable, epoch 1's
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.ckpt.npz"]  # no temp left


def test_the_command_line_says_it_in_one_line_and_exits_2(mnist_dir, tmp_path, monkeypatch,
                                                          capsys):
    from nndesk.cli import main

    out = tmp_path / "m.npz"
    _disk_fills_after(monkeypatch, good_writes=1)
    code = main(["train", "--preset", "SoftmaxRegression", "--epochs", "3", "--limit", "300",
                 "--val-split", "100", "--data-dir", str(mnist_dir), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    errors = [line for line in err.splitlines() if line.startswith("nndesk: error:")]
    assert errors == [f"nndesk: error: cannot write {tmp_path / 'm.ckpt.npz'}: No space left "
                      f"on device; the last good checkpoint (epoch 1) is kept"]
    assert "Traceback" not in err and not out.exists()


def test_a_final_model_that_cannot_be_written_is_a_user_error(mnist_dir, tmp_path,
                                                              monkeypatch, capsys):
    from nndesk.cli import main

    out = tmp_path / "m.npz"
    _disk_fills_after(monkeypatch, good_writes=1)  # 1 epoch: its checkpoint, then the model
    code = main(["train", "--preset", "SoftmaxRegression", "--epochs", "1", "--limit", "300",
                 "--val-split", "100", "--data-dir", str(mnist_dir), "--out", str(out)])
    err = capsys.readouterr().err.splitlines()
    assert code == 2 and err[-1] == (f"nndesk: error: cannot write {out}: No space left on "
                                     f"device; the checkpoint {tmp_path / 'm.ckpt.npz'} is kept")


def test_a_finite_but_exploding_loss_is_divergence_and_the_good_weights_are_on_disk(
        mnist_small, tmp_path):
    losses = []
    net = Network.from_spec(MLP_SPEC, seed=2)
    start = net.state_dict()
    trainer = Trainer(net, mnist_small, TrainConfig(epochs=2, optimizer="adam", lr=1e6),
                      checkpoint_path=tmp_path / "m.ckpt.npz",
                      on_batch=lambda b: losses.append(b["loss"]))
    result = trainer.run()
    assert result.stopped == "diverged" and "the loss exploded" in result.message
    path = tmp_path / "m.last-good.npz"
    assert f"were kept in {path})" in result.message
    kept = load_model(path)
    assert kept.metadata["stopped"] == "diverged"
    assert weights_equal(kept.network.state_dict(), net.state_dict())  # what the net holds
    # Adam at lr 1e6 blows up on its first step: the good weights are the untouched start.
    assert weights_equal(kept.network.state_dict(), start)
    assert np.isfinite(kept.network.loss(mnist_small.x_val, mnist_small.t_val, train=False))


def test_a_net_that_does_not_learn_is_not_called_diverged(mnist_small):
    # lr 1e-12: the weights cannot move, accuracy stays at chance, the loss at its start.
    trainer = Trainer(Network.from_spec({"input_shape": [1, 28, 28], "layers": [
        {"type": "Dense", "units": 10, "init": 1e-4}]}), mnist_small,
        TrainConfig(epochs=2, optimizer="sgd", lr=1e-12))
    assert trainer.run().stopped == "finished"


# --- temp files of killed writes ---------------------------------------------------------------
def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_temp_files_of_dead_writers_are_swept_at_the_next_write(tmp_path):
    target = tmp_path / "m.npz"
    dead = tmp_path / f".m.npz.{_dead_pid()}-abc123.tmp"
    mine = tmp_path / f".m.npz.{os.getpid()}-def456.tmp"  # a live writer (this process)
    old = tmp_path / ".m.npz.k3j4h5g6.tmp"  # an older nndesk's name, two hours old
    young = tmp_path / ".m.npz.q1w2e3r4.tmp"
    other = tmp_path / ".other.npz.q9-abc.tmp"  # another file's: left to its own writes
    for p in (dead, mine, old, young, other):
        p.write_bytes(b"half")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    atomic_write_text(target, "whole")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(["m.npz", mine.name, young.name, other.name])
    gone = tmp_path / f".other.npz.{_dead_pid()}-abc.tmp"
    other.rename(gone)
    assert sweep_temp(tmp_path / "other.npz") == [gone]  # at a run's start, by name


def test_nndesk_train_sweeps_what_a_killed_run_left(mnist_dir, tmp_path):
    from nndesk.cli import main

    dead = _dead_pid()
    stale = [tmp_path / f".m.npz.{dead}-aaaa.tmp", tmp_path / f".m.ckpt.npz.{dead}-bbbb.tmp"]
    for p in stale:
        p.write_bytes(b"PK half")
    assert main(["train", "--preset", "SoftmaxRegression", "--epochs", "1", "--limit", "200",
                 "--val-split", "100", "--data-dir", str(mnist_dir),
                 "--out", str(tmp_path / "m.npz")]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.ckpt.npz", "m.npz"]


@pytest.mark.parametrize("name", ["a*b.npz", "x[1].npz"])
def test_sweeping_takes_glob_characters_literally(tmp_path, name):
    (tmp_path / f".{name}.{_dead_pid()}-zz.tmp").write_bytes(b"x")
    (tmp_path / ".aXb.npz.1-zz.tmp").write_bytes(b"x")
    atomic_write_text(tmp_path / name, "ok")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, ".aXb.npz.1-zz.tmp"])
