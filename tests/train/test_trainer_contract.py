"""What the trainer promises beyond the loop (issue 17): the settings reach the optimizer that
trains, a tie is not an improvement for early stopping, a resume keeps the best weights."""

from __future__ import annotations

import numpy as np
import pytest
from train_helpers import weights_equal

from nndesk.nn import Network
from nndesk.train import TrainConfig, Trainer

LINEAR = {"input_shape": [1, 28, 28], "layers": [{"type": "Dense", "units": 10}]}


def _one_step(data, **config):
    """Weights before and after one step of a Trainer, and the batch it used."""
    net = Network.from_spec(LINEAR, seed=3)
    before = {k: v.copy() for k, v in net.params().items()}
    seen = []
    trainer = Trainer(net, data, TrainConfig(epochs=1, batch_size=50, train_eval_size=0,
                                             **config))
    trainer.net = _Spy(net, seen)
    trainer.train_step(*trainer.next_batch())
    return before, net.params(), seen[0]


class _Spy:
    def __init__(self, net, seen):
        self._net, self._seen = net, seen

    def loss(self, x, t, train=True):
        self._seen.append((x.copy(), t.copy()))
        return self._net.loss(x, t, train)

    def __getattr__(self, name):
        return getattr(self._net, name)


def _gradient(w, b, x, t):
    """d(mean softmax cross-entropy)/dW, db for a linear layer, written out (ch. 4-5)."""
    x = x.reshape(len(x), -1).astype(np.float64)
    y = x @ w + b
    y = np.exp(y - y.max(axis=1, keepdims=True))
    y /= y.sum(axis=1, keepdims=True)
    y[np.arange(len(t)), t] -= 1
    y /= len(t)
    return x.T @ y, y.sum(axis=0)


@pytest.mark.parametrize("name", ["sgd", "momentum"])
def test_weight_decay_and_momentum_reach_the_optimizer_that_trains(mnist_small, name):
    lr, wd, mu = 0.1, 0.05, 0.5
    before, after, (x, t) = _one_step(mnist_small, optimizer=name, lr=lr, weight_decay=wd,
                                      momentum=mu)
    w, b = before["0.W"].astype(np.float64), before["0.b"].astype(np.float64)
    gw, gb = _gradient(w, b, x, t)
    gw += wd * w  # L2 on weights only (the book's ch. 6.4)
    want_w, want_b = w - lr * gw, b - lr * gb  # SGD, and Momentum's first step from v = 0
    assert np.allclose(after["0.W"], want_w, atol=1e-6)
    assert np.allclose(after["0.b"], want_b, atol=1e-6)


def test_momentum_value_changes_the_second_step(mnist_small):
    """Two steps: the second moves by lr*g2 + mu*(lr*g1); a momentum not passed would show."""
    runs = {}
    for mu in (0.0, 0.9):
        net = Network.from_spec(LINEAR, seed=3)
        trainer = Trainer(net, mnist_small, TrainConfig(epochs=1, batch_size=50, lr=0.1,
                                                        optimizer="momentum", momentum=mu))
        for _ in range(2):
            trainer.train_step(*trainer.next_batch())
            trainer.batch += 1
        runs[mu] = net.params()["0.W"].copy()
        assert trainer.optimizer.momentum == mu
    assert not np.allclose(runs[0.0], runs[0.9])


def test_a_tie_is_not_an_improvement_for_early_stopping(mnist_small):
    # lr 1e-12 cannot move float32 weights: every epoch's val_acc ties the first one.
    net = Network.from_spec(LINEAR, seed=3)
    result = Trainer(net, mnist_small, TrainConfig(epochs=5, optimizer="sgd", lr=1e-12,
                                                   early_stop=2, train_eval_size=0)).run()
    accs = [h["val_acc"] for h in result.history]
    assert accs == [accs[0]] * 3  # three equal epochs
    assert result.stopped == "early_stop" and result.epochs_done == 3
    assert result.best_epoch == 1  # the first of the tied epochs stays the best


def test_resume_keeps_the_best_weights(mnist_small, tmp_path):
    path = tmp_path / "run.ckpt.npz"
    net = Network.from_spec(LINEAR, seed=3)
    cfg = TrainConfig(epochs=4, lr=0.01, early_stop=3, train_eval_size=0)
    trainer = Trainer(net, mnist_small, cfg, checkpoint_path=path)
    trainer.on_epoch = lambda e: e["epoch"] == 2 and trainer.stop()
    assert trainer.run().stopped == "stopped"
    best = trainer.best_weights
    assert best is not None and trainer.best_epoch in (1, 2)
    resumed = Trainer.from_checkpoint(path, mnist_small)
    assert resumed.best_epoch == trainer.best_epoch
    assert weights_equal(resumed.best_weights, best)


def test_one_set_of_flags_made_before_the_trainer_controls_it(mnist_small):
    """The window makes a TrainControl before the data load; the trainer obeys that very one."""
    import threading

    from nndesk.train import TrainControl

    control = TrainControl()
    control.pause()  # pressed Pause while the data were still loading
    steps = []

    def on_batch(b: dict) -> None:
        steps.append(b["step"])
        control.stop()  # Stop pressed at the first batch (not after it: a busy machine
        # let the whole run finish between a batch seen here and a stop from this thread)
    trainer = Trainer(Network.from_spec(LINEAR), mnist_small, TrainConfig(epochs=3),
                      control=control, on_batch=on_batch)
    assert trainer.control is control and trainer.paused
    out = {}
    thread = threading.Thread(target=lambda: out.update(result=trainer.run()))
    thread.start()
    thread.join(0.3)
    assert thread.is_alive() and steps == []  # held by the flag set before it existed
    control.resume()
    thread.join(30)
    assert out["result"].stopped == "stopped" and control.stopped
    assert len(steps) == 1
