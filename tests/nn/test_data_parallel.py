"""The training step (nn/data_parallel.py): with two batch workers split once per step, it
gives the one-worker step's loss, gradients, update and Dropout draws, up to the order of
float additions; networks it does not fit take the one-worker step."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from nndesk.nn import SGD, Adam, Network, parallel, process_parallel, train_step
from nndesk.nn.data_parallel import DataParallel
from nndesk.presets import load_preset


@pytest.fixture(autouse=True)
def _one_worker_after():
    yield
    parallel.set_workers(1)


@pytest.fixture(autouse=True)
def _threads_only():
    """These tests are the thread step's; the process step's are test_process_parallel.py."""
    process_parallel.set_enabled(False)
    yield
    process_parallel.set_enabled(True)


MLP = {"input_shape": [12], "loss": "mse", "layers": [
    {"type": "Dense", "units": 16}, {"type": "Tanh"}, {"type": "Dropout", "rate": 0.3},
    {"type": "Dense", "units": 10}]}


def _spec(name: str) -> dict:
    return MLP if name == "MLP" else load_preset(name)


def _batch(spec: dict, n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.random((n, *spec["input_shape"])), rng.integers(0, 10, n)


def _step(spec: dict, workers: int, x: np.ndarray, t: np.ndarray, steps: int = 2):
    """`steps` train_steps of a float64 network with Adam: the last loss, the gradients of
    the last step, the weights after, the Generator's state after."""
    parallel.set_workers(workers)
    net = Network.from_spec(spec, seed=5, dtype=np.float64)
    opt = Adam(lr=1e-3)
    for _ in range(steps):
        loss = train_step(net, x, t, opt)
    grads = {k: g.copy() for k, g in net.grads().items()}
    return loss, grads, net.state_dict(), net.rng.bit_generator.state


def _assert_close(a: dict, b: dict, rtol: float) -> None:
    """Each array of b equals a's to rtol of the largest value of all of a's arrays (a bias
    before BatchNorm has a gradient of ~0: its own scale is the rounding's)."""
    scale = max(float(np.abs(v).max()) for v in a.values())
    assert a.keys() == b.keys()
    for k in a:
        np.testing.assert_allclose(b[k], a[k], rtol=0, atol=rtol * scale, err_msg=k)


@pytest.mark.parametrize("name", ["LeNet5", "DeepConvNet", "SimpleConvNet", "MLP", "DigitNet"])
def test_two_workers_give_the_one_worker_step(name):
    """LeNet5, DeepConvNet (Dropout), an MLP (Dropout, MSE) run in parts, DigitNet
    (BatchNorm, Dropout) per layer: the same loss, gradients, weights and draws."""
    spec = _spec(name)
    x, t = _batch(spec, 23)                                  # odd: parts of 11 and 12
    one, two = _step(spec, 1, x, t), _step(spec, 2, x, t)
    assert two[0] == pytest.approx(one[0], rel=1e-12)
    _assert_close(one[1], two[1], 1e-10)
    _assert_close(one[2], two[2], 1e-10)
    assert two[3] == one[3]                                  # the same draws, no more


def test_lenet5_runs_in_two_parts_side_by_side(monkeypatch):
    """Each part's first convolution waits until the other part's has begun: the step
    ends only if the two parts run at once, on two threads, each with no split inside."""
    spec = load_preset("LeNet5")
    net = Network.from_spec(spec, seed=0, dtype=np.float64)
    x, t = _batch(spec, 20)
    first, forward = net.layers[0], type(net.layers[0]).forward
    seen: list[tuple[int, int, int]] = []
    both = threading.Barrier(2, timeout=10)

    def meet(layer, h, train=False):
        if layer is not first and layer.params is first.params:   # a part's replica
            seen.append((len(h), threading.get_ident(), parallel.workers()))
            both.wait()
        return forward(layer, h, train)

    monkeypatch.setattr(type(first), "forward", meet)
    parallel.set_workers(2)
    train_step(net, x, t, SGD(lr=0.1))
    assert sorted(n for n, _, _ in seen) == [10, 10]
    assert len({tid for _, tid, _ in seen}) == 2
    assert {w for _, _, w in seen} == {1}


@pytest.mark.parametrize("name", ["DigitNet", "PenGRU"])
def test_batchnorm_and_recurrent_networks_take_the_one_worker_step(name, monkeypatch):
    spec = load_preset(name)
    assert not DataParallel.fits(Network.from_spec(spec))
    called = []
    monkeypatch.setattr(DataParallel, "loss_and_grads", lambda *a: called.append(1))
    parallel.set_workers(2)
    net = Network.from_spec(spec, seed=0)
    shape = [5 if d is None else d for d in spec["input_shape"]]
    x = np.random.default_rng(0).random((20, *shape), dtype=np.float32)
    assert np.isfinite(train_step(net, x, np.arange(20) % 10, SGD(lr=0.1)))
    assert called == []


def test_a_small_batch_takes_the_one_worker_step(monkeypatch):
    monkeypatch.setattr(DataParallel, "loss_and_grads", lambda *a: pytest.fail("split"))
    parallel.set_workers(2)
    spec = load_preset("LeNet5")
    x, t = _batch(spec, 15)                                  # under 2 * MIN_PART
    train_step(Network.from_spec(spec, seed=0, dtype=np.float64), x, t, SGD(lr=0.1))


@pytest.mark.parametrize("workers", [1, 2])
def test_a_loss_that_is_not_finite_updates_nothing(workers):
    parallel.set_workers(workers)
    spec = load_preset("LeNet5")
    net = Network.from_spec(spec, seed=0, dtype=np.float64)
    x, t = _batch(spec, 20)
    x[3, 0, 5, 5] = np.nan
    before = net.state_dict()
    assert not np.isfinite(train_step(net, x, t, SGD(lr=0.1)))
    for k, v in net.state_dict().items():
        np.testing.assert_array_equal(v, before[k])


def test_the_parts_follow_the_callers_floating_point_error_handling():
    """The trainer ignores overflow (a diverging run is reported, not raised); the part run
    on the helper thread does too (np.errstate is per thread)."""
    parallel.set_workers(2)
    spec = load_preset("LeNet5")
    net = Network.from_spec(spec, seed=0)
    net.load_state_dict({k: v * 1e18 for k, v in net.state_dict().items()})
    x, t = _batch(spec, 20)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        loss = train_step(net, x.astype(np.float32), t, SGD(lr=0.1))
    assert not np.isfinite(loss)


def test_serial_runs_for_batch_whole_on_the_calling_thread():
    parallel.set_workers(2)
    calls = []
    with parallel.serial():
        assert parallel.workers() == 1
        parallel.for_batch(lambda i, j: calls.append((i, j, threading.get_ident())), 12)
    assert calls == [(0, 12, threading.get_ident())]
    assert parallel.workers() == 2
