"""What a diverged run says and keeps, worked out by hand from a scripted loss: the message in
full (what happened, at which step, the learning rate to try), the weights put back, and the
last-good file with its metadata. The network is real; only the loss values it reports are
scripted, so that every figure in the message is known in advance."""

from __future__ import annotations

import errno
import os

import numpy as np
import pytest
from train_helpers import MLP_SPEC, weights_equal

from nndesk.nn import Network
from nndesk.train import TrainConfig, Trainer, load_model
from nndesk.train import modelfile as mf
from nndesk.train.trainer import good_weights_path


class _Scripted:
    """A real network whose training loss is reported as the next value of `losses` (the
    real loss is still computed, so backward and the update run as usual). With
    `chance=True` its evaluation output is all zeros: every image is called a 0."""

    def __init__(self, losses, chance: bool = False, net=None):
        self._net = net or Network.from_spec(MLP_SPEC, seed=0)
        self._losses, self._chance = list(losses), chance

    def loss(self, x, t, train=True):
        real = self._net.loss(x, t, train)
        return self._losses.pop(0) if train else real

    def forward(self, x, train=False):
        if self._chance and not train:
            return np.zeros((len(x), 10), np.float32)
        return self._net.forward(x, train)

    def __getattr__(self, name):
        return getattr(self._net, name)


def _run(data, losses, cfg, chance=False, **kwargs):
    net, snaps = _Scripted(losses, chance), []
    trainer = Trainer(net, data, cfg, on_snapshot=snaps.append, **kwargs)
    return net, snaps, trainer, trainer.run()


@pytest.mark.parametrize(("lr", "bad", "word", "advice"), [
    (0.5, float("nan"), "NaN", "0.1"),        # above SGD's usual 0.1: try 0.1
    (0.1, float("inf"), "infinite", "0.01"),  # at it (not above): a tenth of the lr
    (0.05, float("nan"), "NaN", "0.005")])
def test_a_nan_or_infinite_loss_puts_back_the_last_good_weights(mnist_small, lr, bad, word,
                                                                advice):
    cfg = TrainConfig(epochs=1, optimizer="sgd", lr=lr, snapshot_every_s=0,
                      train_eval_size=0)
    # batches 1 and 2 are sane, batch 3 is not: the weights after step 1 gave batch 2's
    # sane loss, the weights after step 2 gave the bad one
    net, snaps, _, result = _run(mnist_small, [2.3, 2.2, bad], cfg)
    assert result.stopped == "diverged" and result.steps == 2
    assert result.message == (f"the loss became {word} at step 3: the learning rate {lr:g} is "
                              f"probably too high; try {advice} (the last good weights "
                              f"(step 1) were put back)")
    assert len(snaps) == 2 and weights_equal(net.state_dict(), snaps[1])


def test_a_first_step_that_fails_puts_back_the_initial_weights_of_step_0(mnist_small):
    cfg = TrainConfig(epochs=1, optimizer="sgd", lr=0.1, train_eval_size=0)
    first = Network.from_spec(MLP_SPEC, seed=0).state_dict()     # the _Scripted net's start
    net, snaps, _, result = _run(mnist_small, [float("nan")], cfg)
    assert result.steps == 0 and snaps == []
    assert result.message == ("the loss became NaN at step 1: the learning rate 0.1 is "
                              "probably too high; try 0.01 (the last good weights (step 0) "
                              "were put back)")
    assert weights_equal(net.state_dict(), first)


def test_an_exploding_loss_keeps_the_good_weights_in_a_file(mnist_small, tmp_path):
    # running mean, weight 0.1: 2.3, 12.07, 20.863, 28.7767, 35.899 > 10 * 2.3 + 10 = 33
    cfg = TrainConfig(epochs=1, optimizer="adam", lr=0.01, snapshot_every_s=0,
                      train_eval_size=0)
    ckpt = tmp_path / "m.ckpt.npz"
    net, snaps, trainer, result = _run(mnist_small, [2.3] + [100.0] * 11, cfg,
                                       checkpoint_path=ckpt)
    path = tmp_path / "m.last-good.npz"
    assert result.message == (f"the loss exploded (running mean 35.9; it started at 2.3) at "
                              f"step 5: the learning rate 0.01 is probably too high; try 0.001 "
                              f"(the last good weights (step 3) were kept in {path})")
    assert trainer.good_weights_path == path
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.last-good.npz"]  # no checkpoint
    kept = load_model(path)
    assert {k: kept.metadata[k] for k in ("kind", "stopped", "step", "config")} == {
        "kind": "last good weights", "stopped": "diverged", "step": 3,
        "config": cfg.to_dict()}
    assert weights_equal(kept.network.state_dict(), snaps[3])
    assert weights_equal(net.state_dict(), snaps[3])


def test_good_weights_that_cannot_be_written_are_still_put_back(mnist_small, tmp_path,
                                                                monkeypatch):
    def full(f, **arrays):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(mf.np, "savez", full)
    cfg = TrainConfig(epochs=1, optimizer="sgd", lr=0.01, snapshot_every_s=0,
                      train_eval_size=0)
    net, snaps, trainer, result = _run(mnist_small, [2.3, 2.2, float("nan")], cfg,
                                       checkpoint_path=tmp_path / "m.ckpt.npz")
    path = tmp_path / "m.last-good.npz"
    assert result.message.endswith(f"try 0.001 (the last good weights (step 1) were put back "
                                   f"(writing them to {path} failed: No space left on device))")
    assert trainer.good_weights_path is None and not path.exists()
    assert weights_equal(net.state_dict(), snaps[1])


def test_accuracy_at_chance_with_a_rising_loss_is_divergence(mnist_small):
    zeros = float(np.mean(mnist_small.t_val == 0))
    assert zeros <= 0.15          # calling every image a 0 is at chance on this set
    # 2 batches of 600: epoch loss (2.3 + 10) / 2 = 6.15 > 1.5 * 2.3; running mean stays < 33
    cfg = TrainConfig(epochs=2, batch_size=600, optimizer="sgd", lr=0.01, snapshot_every_s=0,
                      train_eval_size=0)
    net, snaps, _, result = _run(mnist_small, [2.3, 10.0, 10.0, 10.0], cfg, chance=True)
    assert result.stopped == "diverged" and result.epochs_done == 0
    assert result.message == ("accuracy fell to chance while the loss rose above its start at "
                              "step 3: the learning rate 0.01 is probably too high; try 0.001 "
                              "(the last good weights (step 1) were put back)")
    assert weights_equal(net.state_dict(), snaps[1])


def test_the_last_good_file_sits_beside_the_checkpoint():
    assert good_weights_path("runs/m.ckpt.npz").as_posix() == "runs/m.last-good.npz"
    assert good_weights_path("runs/m.npz").as_posix() == "runs/m.last-good.npz"
    assert good_weights_path("m.v2.ckpt.npz").as_posix() == "m.v2.last-good.npz"


def test_after_a_resume_the_loss_is_watched_from_the_runs_first_loss(mnist_small, tmp_path):
    """Stopped after 2 steps and resumed, the run must explode where a straight run does:
    running mean 2.3, 2.3, then with 100s: 12.07, 20.863, 28.7767, 35.899 > 33 at step 6."""
    cfg = TrainConfig(epochs=1, optimizer="sgd", lr=0.01, snapshot_every_s=0,
                      train_eval_size=0)
    losses = [2.3, 2.3] + [100.0] * 10
    *_, straight = _run(mnist_small, losses, cfg)
    ckpt = tmp_path / "m.ckpt.npz"
    first = Trainer(_Scripted(losses[:2]), mnist_small, cfg, checkpoint_path=ckpt,
                    on_batch=lambda b: b["step"] == 2 and first.stop())
    assert first.run().stopped == "stopped"
    resumed = Trainer.from_checkpoint(ckpt, mnist_small)
    resumed.net = _Scripted(losses[2:], net=resumed.net)
    result = resumed.run()
    expected = ("the loss exploded (running mean 35.9; it started at 2.3) at step 6: the "
                "learning rate 0.01 is probably too high; try 0.001 (the last good weights "
                "(step 4) were ")
    assert straight.message.startswith(expected)
    assert result.stopped == "diverged" and result.message.startswith(expected)


def test_a_checkpoint_that_cannot_be_written_says_why_in_one_line(mnist_small, tmp_path,
                                                                 monkeypatch):
    def refuse(f, **arrays):
        raise OSError("quota exceeded")          # an OSError without an errno
    monkeypatch.setattr(mf.np, "savez", refuse)
    ckpt = tmp_path / "m.ckpt.npz"
    result = Trainer(Network.from_spec(MLP_SPEC), mnist_small,
                     TrainConfig(epochs=2, train_eval_size=0), checkpoint_path=ckpt).run()
    assert result.stopped == "write_error" and result.epochs_done == 1
    assert result.message == (f"cannot write {ckpt}: quota exceeded; no checkpoint was "
                              f"saved before")
