"""The Trainer on sequences of different lengths: batched by length, cut to each batch's
longest, the lengths passed on, so a step's loss and gradients are those of the sequences
computed one by one without any padding."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.data.trajectory import PaddedSequenceSplits, pad_sequences
from nndesk.nn import Network
from nndesk.train import TrainConfig
from nndesk.train.trainer import BUCKET_BATCHES, Trainer

SPEC = {"name": "v", "input_shape": [None, 3], "layers": [
    {"type": "LSTM", "units": 4, "return_sequences": True},
    {"type": "GRU", "units": 5, "bidirectional": True},
    {"type": "Dense", "units": 10}]}


def _data(n: int, seed: int = 0) -> tuple[list[np.ndarray], np.ndarray]:
    rng = np.random.default_rng(seed)
    seqs = [rng.normal(0, 1, (int(rng.integers(1, 12)), 3)).astype(np.float32)
            for _ in range(n)]
    return seqs, rng.integers(0, 10, n)


def _splits(seqs, labels) -> PaddedSequenceSplits:
    x, lengths = pad_sequences(seqs)
    x_val, lengths_val = pad_sequences(seqs[:7])
    return PaddedSequenceSplits(x, labels, x_val, labels[:7], x[:0], labels[:0],
                                lengths_train=lengths, lengths_val=lengths_val,
                                lengths_test=lengths[:0])


def test_pad_sequences():
    x, lengths = pad_sequences([np.ones((2, 3)), 2 * np.ones((4, 3))])
    assert x.shape == (2, 4, 3) and x.dtype == np.float32 and lengths.tolist() == [2, 4]
    assert x[0, :2].tolist() == [[1] * 3] * 2 and not x[0, 2:].any() and (x[1] == 2).all()
    with pytest.raises(ValueError, match="same features"):
        pad_sequences([np.ones((2, 3)), np.ones((2, 4))])
    with pytest.raises(ValueError, match="at least one step"):
        pad_sequences([np.ones((0, 3))])


def test_a_step_equals_the_unpadded_sequences_one_by_one():
    seqs, labels = _data(40)
    net = Network.from_spec(SPEC, seed=1)
    start = net.state_dict()
    trainer = Trainer(net, _splits(seqs, labels),
                      TrainConfig(batch_size=8, optimizer="sgd", lr=0.5, epochs=1))
    xb, tb, lb = trainer.next_batch()
    assert xb.shape[1] == lb.max() and len(xb) == 8          # cut to the batch's longest
    members = [next(i for i, q in enumerate(seqs) if len(q) == n and labels[i] == t and
                    np.array_equal(q, row[:n])) for row, t, n in zip(xb, tb, lb, strict=True)]
    # independent: each sequence alone, unpadded, in a fresh network with the same weights
    alone = Network.from_spec(SPEC, seed=1)
    losses, grads = [], []
    for i in members:
        losses.append(alone.loss(seqs[i][None], labels[i:i + 1], train=True))
        alone.backward()
        grads.append({k: v.astype(np.float64) for k, v in alone.grads().items()})
    loss = trainer.train_step(xb, tb, lb)
    assert loss == pytest.approx(np.mean(losses), rel=1e-5)
    for key, w in net.params().items():                   # SGD: w = w0 - lr * mean gradient
        mean = np.mean([g[key] for g in grads], axis=0)
        np.testing.assert_allclose(w, start[key] - 0.5 * mean, atol=2e-6, err_msg=key)


def test_an_epoch_takes_every_sequence_once_in_length_buckets():
    seqs, labels = _data(8 * BUCKET_BATCHES + 13, seed=2)
    data = _splits(seqs, labels)
    trainer = Trainer(Network.from_spec(SPEC), data, TrainConfig(batch_size=8, epochs=1))
    batches = []
    while trainer.batch < trainer.batches:
        xb, tb, lb = trainer.next_batch()
        batches.append(lb)
        trainer.batch += 1
    order = trainer._perm
    assert sorted(order.tolist()) == list(range(len(seqs)))  # each sequence once
    # within a bucket the batches hold neighbouring lengths: the padding is small
    padded = sum(len(b) * b.max() - b.sum() for b in batches)
    shuffled = np.random.default_rng(0).permutation(len(seqs))   # batches without bucketing
    random_batches = [data.lengths_train[shuffled[i:i + 8]] for i in range(0, len(seqs), 8)]
    assert padded < 0.2 * sum(len(b) * b.max() - b.sum() for b in random_batches)
    again = Trainer(Network.from_spec(SPEC), data, TrainConfig(batch_size=8, epochs=1))
    again.next_batch()
    assert np.array_equal(again._perm, order)              # the same seed, the same batches


def test_training_runs_and_measures_with_lengths():
    seqs, labels = _data(48, seed=3)
    trainer = Trainer(Network.from_spec(SPEC), _splits(seqs, labels),
                      TrainConfig(batch_size=16, epochs=2, train_eval_size=48))
    result = trainer.run()
    assert result.stopped == "finished" and len(result.history) == 2
    net = trainer.net
    x_val, l_val = pad_sequences(seqs[:7])
    expected = np.mean(net.predict(x_val, lengths=l_val).argmax(1) == labels[:7])
    assert result.history[-1]["val_acc"] == pytest.approx(expected)


def test_a_resumed_run_takes_the_same_length_batches(tmp_path):
    seqs, labels = _data(8 * BUCKET_BATCHES + 13, seed=4)
    data = _splits(seqs, labels)
    config = TrainConfig(batch_size=8, epochs=1, train_eval_size=0)
    whole = Trainer(Network.from_spec(SPEC), data, config)
    expected = []
    for _ in range(5):
        expected.append(whole.next_batch()[2])
        whole.batch += 1
    path = tmp_path / "run.ckpt.npz"

    def stop_after_three(info):
        if info["step"] == 3:
            first.stop()

    first = Trainer(Network.from_spec(SPEC), data, config, checkpoint_path=path,
                    on_batch=stop_after_three)
    assert first.run().stopped == "stopped"
    again = Trainer.from_checkpoint(path, data)
    assert again.batch == 3
    for want in expected[3:]:
        np.testing.assert_array_equal(again.next_batch()[2], want)
        again.batch += 1
