"""The session the CLI and the window share, and the evaluation behind `nndesk eval`."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from train_helpers import MLP_SPEC, weights_equal

from nndesk.nn import Network
from nndesk.train import TrainConfig, Trainer, evaluate, load_model
from nndesk.train.metrics import loss_and_accuracy
from nndesk.train.session import TrainSession, checkpoint_path_for, load_data, run_training


def test_run_training_writes_a_model_with_its_story(tmp_path, mnist_dir):
    out = tmp_path / "models" / "m.npz"
    cfg = TrainConfig(epochs=1, train_limit=2000, val_split=1000, batch_size=50)
    epochs = []
    done = run_training(MLP_SPEC, cfg, out, command="nndesk train --epochs 1",
                        data_dir=mnist_dir, on_epoch=epochs.append)
    assert done.out == out and done.result.stopped == "finished" and len(epochs) == 1
    loaded = load_model(out)
    meta = loaded.metadata
    data = load_data(cfg, data_dir=mnist_dir)
    again = evaluate(loaded.network, data.x_test, data.t_test)
    assert len(data.x_test) == 10000 and len(data.x_val) == 1000
    assert meta["accuracy"] == again["accuracy"] == done.test["accuracy"]
    assert 0.5 < meta["accuracy"] < 1.0  # 40 steps: far above chance (0.1)
    assert meta["per_digit"] == again["per_digit"]
    assert meta["command"] == "nndesk train --epochs 1"
    assert meta["config"] == cfg.to_dict() and meta["epochs"] == 1
    assert meta["history"] == done.result.history and meta["train_time_s"] > 0
    assert meta["num_params"] == loaded.network.num_params
    digest = hashlib.sha256((mnist_dir / "t10k-labels-idx1-ubyte.gz").read_bytes()).hexdigest()
    assert meta["data"]["sha256"]["t10k-labels-idx1-ubyte.gz"] == digest
    assert meta["data"]["official"] is True and meta["data"]["dataset"] == "mnist"
    assert loaded.checkpoint is None  # the final model is a plain model


def test_session_checkpoints_and_resumes(tmp_path, mnist_small):
    out, ck = tmp_path / "m.npz", checkpoint_path_for(tmp_path / "m.npz")
    assert ck.name == "m.ckpt.npz"
    cfg = TrainConfig(epochs=2, batch_size=100, train_eval_size=0)
    session = TrainSession(MLP_SPEC, cfg, data=mnist_small, checkpoint_path=ck)
    session.trainer.on_epoch = lambda info: session.trainer.stop()
    first = session.run(out)
    assert first.result.stopped == "stopped" and first.metadata["stopped"] == "stopped"
    assert "data" not in first.metadata  # data passed in, not read from files
    resumed = TrainSession(resume=ck, data=mnist_small).run(out)
    assert resumed.result.stopped == "finished" and resumed.result.epochs_done == 2
    straight = Network.from_spec(MLP_SPEC, seed=cfg.seed)
    Trainer(straight, mnist_small, cfg).run()
    assert weights_equal(load_model(out).network.state_dict(), straight.state_dict())


def test_init_from_is_recorded_and_survives_a_resume(tmp_path, mnist_small):
    from nndesk.train import save_model

    start = Network.from_spec(MLP_SPEC, seed=5)
    save_model(tmp_path / "start.npz", start, {"command": "nndesk train --preset TinyMLP",
                                               "accuracy": 0.5})
    ck = tmp_path / "m.ckpt.npz"
    cfg = TrainConfig(epochs=2, batch_size=100, train_eval_size=0, lr=1e-12)
    session = TrainSession(MLP_SPEC, cfg, data=mnist_small, checkpoint_path=ck,
                           init_from=tmp_path / "start.npz")
    assert weights_equal(session.trainer.net.state_dict(), start.state_dict())
    session.trainer.on_epoch = lambda info: session.trainer.stop()
    assert session.run(tmp_path / "m.npz").result.stopped == "stopped"
    expected = {"name": "start.npz", "command": "nndesk train --preset TinyMLP",
                "accuracy": 0.5,
                "sha256": hashlib.sha256((tmp_path / "start.npz").read_bytes()).hexdigest()}
    assert load_model(ck).metadata["init_from"] == expected
    done = TrainSession(resume=ck, data=mnist_small).run(tmp_path / "m.npz")
    assert done.result.epochs_done == 2 and load_model(tmp_path / "m.npz").metadata[
        "init_from"] == expected
    with pytest.raises(ValueError, match="not both"):
        TrainSession(resume=ck, init_from=tmp_path / "start.npz", data=mnist_small)


def test_session_needs_a_spec_or_a_checkpoint(mnist_small):
    with pytest.raises(ValueError, match="either a spec"):
        TrainSession(data=mnist_small)


def test_flat_input_networks_get_flat_images(mnist_dir):
    cfg = TrainConfig(val_split=10)
    data = load_data(cfg, [784], data_dir=mnist_dir)
    assert data.x_train.shape == (59990, 784) and data.x_test.shape == (10000, 784)
    with pytest.raises(ValueError, match="expects input"):
        load_data(cfg, [1, 32, 32], data_dir=mnist_dir)


class _Fixed:
    """A 'network' whose predictions are given: evaluate must count them exactly."""

    def __init__(self, predicted):
        self.predicted = np.asarray(predicted)
        self.calls = []

    def predict(self, x, batch_size=500):
        self.calls.append(len(x))
        rows = self.predicted[x[:, 0].astype(int)]
        return np.eye(10, dtype=np.float32)[rows]


def test_evaluate_counts_every_sample_in_batches():
    labels = np.array([0, 0, 1, 1, 1, 2, 9, 9, 9, 9, 3])
    predicted = np.array([0, 1, 1, 1, 7, 2, 9, 9, 9, 0, 3])
    x = np.arange(len(labels), dtype=np.float32)[:, None]  # row i -> prediction i
    net = _Fixed(predicted)
    result = evaluate(net, x, labels, batch_size=4)
    assert net.calls == [4, 4, 3]  # in batches, the last partial one included
    assert result["n"] == 11 and result["accuracy"] == pytest.approx(8 / 11)
    confusion = np.array(result["confusion"])
    assert confusion.sum() == 11 and confusion[0, 1] == 1 and confusion[1, 7] == 1
    assert confusion[9, 0] == 1 and np.trace(confusion) == 8
    assert result["per_digit"][:4] == pytest.approx([0.5, 2 / 3, 1.0, 1.0])
    assert result["per_digit"][9] == 0.75 and result["per_digit"][4] is None
    expected = [[0] * 10 for _ in range(10)]                  # 10 x 10 counts, by hand
    for pair in [(0, 0), (0, 1), (1, 1), (1, 1), (1, 7), (2, 2), (9, 9), (9, 9), (9, 9),
                 (9, 0), (3, 3)]:
        expected[pair[0]][pair[1]] += 1
    assert result["confusion"] == expected
    assert all(type(v) is int for row in result["confusion"] for v in row)   # JSON counts
    assert len(result["per_digit"]) == 10
    one_hot = np.eye(10)[labels]
    assert evaluate(_Fixed(predicted), x, one_hot) == result
    one = evaluate(_Fixed(predicted[:1]), x[:1], labels[:1])
    assert one["n"] == 1 and one["accuracy"] == 1.0


def test_loss_and_accuracy_of_one_sample_and_of_none():
    spec = {"input_shape": [3], "layers": [{"type": "Dense", "units": 2}]}
    net = Network.from_spec(spec, seed=1, dtype=np.float64)
    w, b = net.params()["0.W"], net.params()["0.b"]
    x = np.array([[0.5, -1.0, 2.0]])
    s = [sum(x[0, d] * w[d, k] for d in range(3)) + b[k] for k in range(2)]
    label = 0
    expected_loss = np.log(np.exp(s[0]) + np.exp(s[1])) - s[label]   # -log softmax(s)[0]
    loss, acc = loss_and_accuracy(net, x, np.array([label]))
    assert loss == pytest.approx(expected_loss, rel=1e-12)
    assert acc == (1.0 if s[0] > s[1] else 0.0)
    loss, acc = loss_and_accuracy(net, x[:0], np.zeros(0, dtype=int))
    assert np.isnan(loss) and np.isnan(acc)


@pytest.mark.parametrize(("workers", "blas"), [(1, 1), (2, 1), (2, 2)])
def test_a_model_records_the_thread_policy_it_trained_with(tmp_path, mnist_small, workers,
                                                           blas):
    """The window and `nndesk train` are compared by what their model files say
    (benchmarks/gui_measure.py gui-vs-cli): batch workers and BLAS threads as set here."""
    from threadpoolctl import threadpool_limits

    from nndesk.nn import parallel

    cfg = TrainConfig(epochs=1, batch_size=100, train_eval_size=0, train_limit=200)
    parallel.set_workers(workers)
    try:
        with threadpool_limits(limits=blas, user_api="blas"):
            done = TrainSession(MLP_SPEC, cfg, data=mnist_small).run(tmp_path / "m.npz")
    finally:
        parallel.set_workers(1)
    expected = {"batch_workers": workers, "blas_threads": [blas]}
    assert done.metadata["threads"] == expected
    assert load_model(tmp_path / "m.npz").metadata["threads"] == expected
