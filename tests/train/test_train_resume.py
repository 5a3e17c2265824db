"""Exact resume: a run cut by stop() and continued from its checkpoint is the same run."""

from __future__ import annotations

import numpy as np
import pytest
from train_helpers import MLP_SPEC, weights_equal, without_times

from nndesk.nn import Network
from nndesk.train import ModelFileError, TrainConfig, Trainer, load_model, save_model

CFG = TrainConfig(epochs=2, batch_size=100, lr=0.003, seed=7, schedule="cosine",
                  weight_decay=1e-4, early_stop=3, train_eval_size=500, augment=True)


def _straight(data):
    net = Network.from_spec(MLP_SPEC, seed=2)
    result = Trainer(net, data, CFG).run()
    return net, result


def _cut_and_resume(data, path, stop_when):
    """Run until `stop_when(info)` says stop, then continue from the checkpoint."""
    net = Network.from_spec(MLP_SPEC, seed=2)
    trainer = Trainer(net, data, CFG, checkpoint_path=path)
    trainer.on_batch = lambda info: stop_when(info) and trainer.stop()
    first = trainer.run()
    assert first.stopped == "stopped"
    resumed = Trainer.from_checkpoint(path, data)  # only the file carries over
    return first, resumed, resumed.run()


@pytest.mark.parametrize("where", ["epoch_end", "mid_epoch"])
def test_stop_and_resume_equals_a_straight_run(mnist_small, tmp_path, where):
    net_a, straight = _straight(mnist_small)
    path = tmp_path / "run.ckpt.npz"
    if where == "epoch_end":  # stopped before the first batch of epoch 2
        first, trainer, result = _cut_and_resume(mnist_small, path,
                                                 lambda i: i["step"] == 12)
        assert first.epochs_done == 1 and first.steps == 12
    else:  # stopped after batch 7 of epoch 1: same permutation, batch 8 next
        first, trainer, result = _cut_and_resume(mnist_small, path,
                                                 lambda i: i["step"] == 7)
        assert first.epochs_done == 0 and first.steps == 7
    assert result.stopped == "finished" and result.steps == straight.steps == 24
    assert weights_equal(trainer.net.state_dict(), net_a.state_dict())
    assert without_times(result.history) == without_times(straight.history)
    assert result.best_epoch == straight.best_epoch
    # The last checkpoint holds the finished state, readable as a plain model too.
    final = load_model(path)
    assert final.checkpoint["epoch"] == 2 and final.checkpoint["batch"] == 0
    assert weights_equal(final.network.state_dict(), net_a.state_dict())


def test_checkpoint_written_on_stop_records_the_position(mnist_small, tmp_path):
    path = tmp_path / "c.npz"
    net = Network.from_spec(MLP_SPEC, seed=2)
    trainer = Trainer(net, mnist_small, CFG, checkpoint_path=path)
    trainer.on_batch = lambda info: info["step"] == 5 and trainer.stop()
    trainer.run()
    ck = load_model(path)
    assert (ck.checkpoint["epoch"], ck.checkpoint["batch"], ck.checkpoint["step"]) == (0, 5, 5)
    assert ck.metadata["kind"] == "checkpoint"
    # the file's metadata says where too (`nndesk info` shows it without the checkpoint)
    assert (ck.metadata["epoch"], ck.metadata["batch"]) == (0, 5)
    assert weights_equal(ck.network.state_dict(), net.state_dict())
    assert weights_equal(ck.checkpoint["optimizer"], trainer.optimizer.state_dict())


def test_resume_with_more_epochs(mnist_small, tmp_path):
    path = tmp_path / "c.npz"
    net = Network.from_spec(MLP_SPEC, seed=2)
    cfg = TrainConfig(epochs=1, batch_size=200, train_eval_size=0)
    Trainer(net, mnist_small, cfg, checkpoint_path=path).run()
    more = TrainConfig(epochs=3, batch_size=200, train_eval_size=0)
    epochs = []
    result = Trainer.from_checkpoint(path, mnist_small, more, on_epoch=epochs.append).run()
    assert [e["epoch"] for e in epochs] == [2, 3] and len(result.history) == 3
    assert load_model(path).checkpoint["config"]["epochs"] == 3


def test_a_plain_model_cannot_be_resumed(mnist_small, tmp_path):
    path = save_model(tmp_path / "m.npz", Network.from_spec(MLP_SPEC))
    with pytest.raises(ModelFileError, match="cannot be resumed"):
        Trainer.from_checkpoint(path, mnist_small)


def test_a_checkpoint_missing_its_state_is_a_model_file_error(mnist_small, tmp_path):
    path = tmp_path / "c.npz"
    net = Network.from_spec(MLP_SPEC)
    save_model(path, net, checkpoint={"epoch": 1, "optimizer": {"t": np.array(1)}})
    with pytest.raises(ModelFileError, match="incomplete"):
        Trainer.from_checkpoint(path, mnist_small)


def test_a_checkpoint_of_an_older_nndesk_resumes_with_a_fresh_loss_watch(mnist_small,
                                                                         tmp_path):
    """Written before the dropout Generator, the run's first loss and the loss's running mean
    were saved: "net_rng" None, no "start_loss" or "loss_ema". It still resumes: the network
    keeps its own Generator, the divergence watch starts from the first loss after resume."""
    net = Network.from_spec(MLP_SPEC, seed=2)
    trainer = Trainer(net, mnist_small, TrainConfig(epochs=2, train_eval_size=0))
    trainer.on_batch = lambda info: info["step"] == 3 and trainer.stop()
    trainer.run()
    state = trainer.checkpoint_state()
    assert state["start_loss"] > 0 and state["loss_ema"] > 0
    old = {k: v for k, v in state.items() if k not in ("start_loss", "loss_ema")}
    old["net_rng"] = None
    path = save_model(tmp_path / "old.ckpt.npz", net, {"kind": "checkpoint"}, checkpoint=old)
    resumed = Trainer.from_checkpoint(path, mnist_small)
    assert resumed.step == 3 and resumed.start_loss is None
    assert isinstance(resumed.net.rng, np.random.Generator)
    assert resumed.run().stopped == "finished" and resumed.start_loss > 0


def test_a_state_the_reader_let_through_but_the_trainer_cannot_use_is_a_model_file_error(
        mnist_small, tmp_path, monkeypatch):
    """The second line of defence: a key the loop needs missing after the reader's checks."""
    import types

    from nndesk.train import checkpoints as checkpoints_module

    net = Network.from_spec(MLP_SPEC)
    state = Trainer(net, mnist_small, TrainConfig()).checkpoint_state()
    del state["since_best"]
    monkeypatch.setattr(checkpoints_module, "load_model",
                        lambda path: types.SimpleNamespace(network=net, checkpoint=state))
    path = tmp_path / "c.ckpt.npz"
    with pytest.raises(ModelFileError) as err:
        Trainer.from_checkpoint(path, mnist_small)
    assert str(err.value) == f"{path}: the checkpoint state is incomplete ('since_best')"


class _Stand:
    """A network stand-in with an `rng` that is not a Generator (or none at all)."""

    def __init__(self, net, rng):
        self._net = net
        if rng is not None:
            self.rng = rng

    def __getattr__(self, name):
        if name == "rng":
            raise AttributeError(name)
        return getattr(self._net, name)


@pytest.mark.parametrize("rng", [None, np.random.RandomState(0)])
def test_a_network_without_a_generator_checkpoints_with_no_network_rng(mnist_small, tmp_path,
                                                                       rng):
    path = tmp_path / "m.ckpt.npz"
    stand = _Stand(Network.from_spec(MLP_SPEC), rng)
    cfg = TrainConfig(epochs=1, train_limit=200, train_eval_size=0)
    assert Trainer(stand, mnist_small, cfg, checkpoint_path=path).run().stopped == "finished"
    assert load_model(path).checkpoint["net_rng"] is None


def test_two_stops_in_the_same_epoch_resume_to_the_straight_run(mnist_small, tmp_path):
    """Resumed mid-epoch, the trainer must still know the rng state of this epoch's
    permutation, so that a second stop in that epoch resumes exactly too."""
    net_a, straight = _straight(mnist_small)
    path = tmp_path / "run.ckpt.npz"
    net = Network.from_spec(MLP_SPEC, seed=2)
    trainer = Trainer(net, mnist_small, CFG, checkpoint_path=path)
    trainer.on_batch = lambda info: info["step"] == 3 and trainer.stop()
    assert trainer.run().stopped == "stopped"
    second = Trainer.from_checkpoint(path, mnist_small)
    second.on_batch = lambda info: info["step"] == 8 and second.stop()
    assert second.run().stopped == "stopped"
    third = Trainer.from_checkpoint(path, mnist_small)
    result = third.run()
    assert result.stopped == "finished" and result.steps == 24
    assert weights_equal(third.net.state_dict(), net_a.state_dict())
    assert without_times(result.history) == without_times(straight.history)


def test_a_running_mean_that_is_not_a_number_starts_the_watch_afresh(mnist_small, tmp_path):
    net = Network.from_spec(MLP_SPEC, seed=2)
    trainer = Trainer(net, mnist_small, TrainConfig(epochs=1, train_eval_size=0))
    trainer.on_batch = lambda info: info["step"] == 2 and trainer.stop()
    trainer.run()
    state = {**trainer.checkpoint_state(), "loss_ema": "12.5"}
    path = save_model(tmp_path / "odd.ckpt.npz", net, {"kind": "checkpoint"}, checkpoint=state)
    resumed = Trainer.from_checkpoint(path, mnist_small)
    assert resumed.start_loss == trainer.start_loss and resumed._ema is None
