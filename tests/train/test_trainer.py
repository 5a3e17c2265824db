"""The training loop: batches, callbacks, repeatability, pause/stop, NaN, early stop."""

from __future__ import annotations

import math
import threading

import numpy as np
import pytest
from train_helpers import MLP_SPEC, weights_equal, without_times

from nndesk.nn import Network
from nndesk.train import TrainConfig, Trainer, lr_at


def _run(data, config: TrainConfig, seed: int = 0, **callbacks):
    net = Network.from_spec(MLP_SPEC, seed=seed)
    trainer = Trainer(net, data, config, **callbacks)
    return net, trainer, trainer.run()


class _Spy:
    """A network stand-in that forwards everything and records the labels of each batch."""

    def __init__(self, net):
        self._net, self.batches = net, []

    def loss(self, x, t, train=True):
        if train:
            self.batches.append((len(x), x[:, 0, 14, :].copy()))
        return self._net.loss(x, t, train)

    def __getattr__(self, name):
        return getattr(self._net, name)


def test_every_image_once_per_epoch_with_last_partial_batch(mnist_small):
    cfg = TrainConfig(epochs=2, batch_size=128, train_eval_size=0)
    spy = _Spy(Network.from_spec(MLP_SPEC))
    seen = []
    result = Trainer(spy, mnist_small, cfg, on_batch=seen.append).run()
    n = len(mnist_small.x_train)  # 1200 = 9 * 128 + 48
    sizes = [size for size, _ in spy.batches]
    assert sizes == ([128] * 9 + [48]) * 2
    assert [b["batches"] for b in seen] == [10] * 20
    assert [b["step"] for b in seen] == list(range(1, 21))
    rows = {row.tobytes(): i for i, row in enumerate(mnist_small.x_train[:, 0, 14, :])}
    for epoch in range(2):
        order = np.concatenate([r for _, r in spy.batches[epoch * 10:(epoch + 1) * 10]])
        idx = [rows.get(r.tobytes()) for r in order]
        assert len(set(idx)) == len(rows) and len(idx) == n  # no repeats, none left out
    first = np.concatenate([r for _, r in spy.batches[:10]])
    second = np.concatenate([r for _, r in spy.batches[10:]])
    assert not np.array_equal(first, second)  # a new permutation each epoch
    assert result.stopped == "finished" and result.steps == 20


def test_callbacks_carry_the_promised_fields(mnist_small):
    batches, epochs, snaps = [], [], []
    cfg = TrainConfig(epochs=2, batch_size=100, eval_test=True, snapshot_every_s=0)
    net, _, result = _run(mnist_small, cfg, on_batch=batches.append,
                          on_epoch=epochs.append, on_snapshot=snaps.append)
    assert set(batches[0]) == {"step", "epoch", "batch", "batches", "loss", "images_per_s",
                               "lr"}
    assert batches[0]["epoch"] == 1 and batches[-1]["epoch"] == 2
    assert all(b["images_per_s"] > 0 and math.isfinite(b["loss"]) for b in batches)
    assert set(epochs[0]) == {"epoch", "train_loss", "train_acc", "val_loss", "val_acc",
                              "test_acc", "time_s", "lr", "best_epoch"}
    assert [e["epoch"] for e in epochs] == [1, 2]
    assert epochs == result.history
    assert epochs[-1]["test_acc"] == pytest.approx(net.accuracy(mnist_small.x_test,
                                                                mnist_small.t_test))
    assert epochs[-1]["val_acc"] == pytest.approx(net.accuracy(mnist_small.x_val,
                                                               mnist_small.t_val))
    assert epochs[-1]["val_acc"] > 0.6  # it really learns: 2 epochs on 1200 images
    # snapshot_every_s=0: one before every batch plus one per epoch end; each a private copy.
    assert len(snaps) == 24 + 2
    assert weights_equal(snaps[-1], net.state_dict())
    snaps[-1]["0.W"][...] = 7
    assert not np.all(net.params()["0.W"] == 7)


def test_same_seed_gives_bit_identical_runs(mnist_small):
    cfg = TrainConfig(epochs=1, batch_size=100, seed=4)
    net_a, _, a = _run(mnist_small, cfg, seed=1)
    net_b, _, b = _run(mnist_small, cfg, seed=1)
    assert weights_equal(net_a.state_dict(), net_b.state_dict())
    assert without_times(a.history) == without_times(b.history)
    net_c, _, _ = _run(mnist_small, TrainConfig(epochs=1, batch_size=100, seed=5), seed=1)
    assert not weights_equal(net_a.state_dict(), net_c.state_dict())


def test_pause_resume_and_stop_from_another_thread(mnist_small):
    cfg = TrainConfig(epochs=50, batch_size=50, train_eval_size=0)
    steps = []
    paused_at = threading.Event()

    def on_batch(info):
        steps.append(info["step"])
        if info["step"] == 3:
            trainer.pause()
            paused_at.set()

    net = Network.from_spec(MLP_SPEC)
    trainer = Trainer(net, mnist_small, cfg, on_batch=on_batch)
    out = {}
    thread = threading.Thread(target=lambda: out.update(result=trainer.run()))
    thread.start()
    assert paused_at.wait(30)
    thread.join(0.3)
    assert trainer.paused and thread.is_alive() and steps == [1, 2, 3]  # held, no progress
    trainer.resume()
    while len(steps) < 6:
        thread.join(0.01)
    trainer.stop()
    thread.join(30)
    assert not thread.is_alive()
    result = out["result"]
    assert result.stopped == "stopped" and 6 <= result.steps < 50 * 24
    assert steps == list(range(1, result.steps + 1))


def test_stop_while_paused_ends_the_run(mnist_small):
    net = Network.from_spec(MLP_SPEC)
    trainer = Trainer(net, mnist_small, TrainConfig(epochs=3))
    trainer.pause()
    out = {}
    thread = threading.Thread(target=lambda: out.update(result=trainer.run()))
    thread.start()
    thread.join(0.2)
    assert thread.is_alive()
    trainer.stop()
    thread.join(30)
    assert out["result"].stopped == "stopped" and out["result"].steps == 0


def test_divergence_stops_with_advice_and_keeps_finite_weights(mnist_small):
    cfg = TrainConfig(epochs=3, optimizer="sgd", lr=1e6, batch_size=100)
    net, _, result = _run(mnist_small, cfg)
    assert result.stopped == "diverged"
    assert "learning rate 1e+06 is probably too high; try 0.1" in result.message
    assert f"at step {result.steps + 1}" in result.message
    assert all(np.all(np.isfinite(v)) for v in net.state_dict().values())
    assert math.isfinite(net.loss(mnist_small.x_val, mnist_small.t_val, train=False))


def test_early_stop_restores_the_best_epoch(mnist_small):
    # Epoch 1 learns; from epoch 2 on the lr is negative (gamma=-1): gradient ascent, so
    # the validation accuracy can only get worse and patience 1 stops after epoch 2.
    snaps = []
    cfg = TrainConfig(epochs=6, lr=0.01, schedule="step", step_size=1, gamma=-1.0,
                      early_stop=1)
    net, _, result = _run(mnist_small, cfg, on_epoch=lambda e: snaps.append(e))
    assert result.stopped == "early_stop" and result.epochs_done == 2
    assert result.best_epoch == 1
    assert result.message == (f"stopped early: no better validation accuracy for 1 epochs "
                              f"(best: epoch 1, {100 * result.history[0]['val_acc']:.2f}%); "
                              f"weights of epoch 1 restored")
    assert result.history[1]["val_acc"] < result.history[0]["val_acc"]
    acc = net.accuracy(mnist_small.x_val, mnist_small.t_val)
    assert acc == pytest.approx(result.history[0]["val_acc"])


def test_early_stop_without_restore_keeps_the_last_weights(mnist_small):
    cfg = TrainConfig(epochs=6, lr=0.01, schedule="step", step_size=1, gamma=-1.0,
                      early_stop=1, restore_best=False)
    net, _, result = _run(mnist_small, cfg)
    assert result.stopped == "early_stop"
    acc = net.accuracy(mnist_small.x_val, mnist_small.t_val)
    assert acc == pytest.approx(result.history[1]["val_acc"])


def test_lr_schedules():
    assert lr_at("constant", 0.1, 999, 10, 5) == 0.1
    step = [lr_at("step", 1.0, s, 10, 9, step_size=2, gamma=0.5) for s in (0, 19, 20, 39, 40)]
    assert step == [1.0, 1.0, 0.5, 0.5, 0.25]
    cos = [lr_at("cosine", 1.0, s, 10, 4) for s in (0, 20, 40)]
    assert cos == pytest.approx([1.0, 0.5, 0.0])
    assert lr_at("cosine", 1.0, 10, 10, 4) == pytest.approx((1 + math.cos(math.pi / 4)) / 2)
    warm = [lr_at("constant", 1.0, s, 10, 4, warmup_epochs=0.5) for s in (0, 4, 5)]
    assert warm == pytest.approx([0.2, 1.0, 1.0])
    with pytest.raises(ValueError, match="unknown schedule"):
        lr_at("zigzag", 1.0, 0, 1, 1)


def test_trainer_follows_the_schedule(mnist_small):
    lrs = []
    cfg = TrainConfig(epochs=2, batch_size=600, lr=0.01, schedule="cosine",
                      train_eval_size=0)
    _run(mnist_small, cfg, on_batch=lambda b: lrs.append(b["lr"]))
    assert lrs == pytest.approx([0.01 * (1 + math.cos(math.pi * s / 4)) / 2 for s in range(4)])


@pytest.mark.parametrize("bad", [{"epochs": 0}, {"lr": 0}, {"batch_size": 0},
                                 {"schedule": "zigzag"}, {"early_stop": -1}])
def test_config_refuses_bad_values(bad):
    with pytest.raises(ValueError):
        TrainConfig(**bad)


def test_unknown_optimizer(mnist_small):
    with pytest.raises(ValueError, match="unknown optimizer"):
        Trainer(Network.from_spec(MLP_SPEC), mnist_small, TrainConfig(optimizer="sgdx"))


def test_config_round_trips_through_a_dict():
    cfg = TrainConfig(epochs=3, schedule="cosine", augment=True)
    assert TrainConfig.from_dict({**cfg.to_dict(), "future_setting": 1}) == cfg


def test_a_pause_after_stop_does_not_hang(mnist_small):
    trainer = Trainer(Network.from_spec(MLP_SPEC), mnist_small, TrainConfig(epochs=1))
    trainer.stop()
    trainer.pause()  # e.g. a window's Pause button pressed just after Stop
    result = trainer.run()
    assert result.stopped == "stopped" and result.steps == 0


def test_augmentation_changes_the_batches_repeatably(mnist_small):
    cfg = TrainConfig(epochs=1, batch_size=200, augment=True, train_eval_size=0)
    spies = []
    for _ in range(2):
        spy = _Spy(Network.from_spec(MLP_SPEC))
        Trainer(spy, mnist_small, cfg).run()
        spies.append(spy)
    raw_rows = {row.tobytes() for row in mnist_small.x_train[:, 0, 14, :]}
    rows = np.concatenate([r for _, r in spies[0].batches])
    assert rows.shape == (1200, 28) and rows.dtype == np.float32
    assert sum(r.tobytes() in raw_rows for r in rows) < 120  # almost every image moved
    again = np.concatenate([r for _, r in spies[1].batches])
    assert np.array_equal(rows, again)  # seeded from the trainer's rng: same run, same images


def test_data_of_the_wrong_shape_is_refused_up_front(mnist_small):
    flat_spec = {**MLP_SPEC, "input_shape": [784]}
    with pytest.raises(ValueError, match=r"expects images shaped \[784\].*\[1, 28, 28\]"):
        Trainer(Network.from_spec(flat_spec), mnist_small, TrainConfig())


def test_elastic_distortion_settings(mnist_small):
    """`elastic_alpha` > 0 turns the elastic field on (alone, or on top of `augment`'s
    affine); impossible settings are refused with a sentence."""
    with pytest.raises(ValueError, match="elastic"):
        TrainConfig(elastic_alpha=-1)
    with pytest.raises(ValueError, match="elastic"):
        TrainConfig(elastic_alpha=34, elastic_sigma=0)
    data = mnist_small
    both = Trainer(Network.from_spec(MLP_SPEC), data,
                    TrainConfig(augment=True, elastic_alpha=34, elastic_sigma=5)).augmenter
    assert (both.elastic_alpha, both.elastic_sigma, both.rotate) == (34, 5, 12)
    alone = Trainer(Network.from_spec(MLP_SPEC), data, TrainConfig(elastic_alpha=20)).augmenter
    assert (alone.elastic_alpha, alone.rotate, alone.shift, alone.thickness) == (20, 0, 0, 0)
    assert Trainer(Network.from_spec(MLP_SPEC), data, TrainConfig()).augmenter is None
